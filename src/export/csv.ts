// Machine-readable cells for oversight offices: one CSV row per cell (id, table, row, column, value),
// RFC 4180 quoting, values exactly as the published tables print them.
import { CELL_IDS, cellInfo, getTemplate, type ReportDocument } from '../core/index.ts';
import { cellDisplayText } from './outline.ts';

const HEADER = ['单元格编号', '表格', '行', '列', '数值'];

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(doc: ReportDocument): string {
  const sections = getTemplate(doc.format).format.sections;
  const tableTitle = (table: string) => sections.find((s) => s.table === table)?.title ?? table;
  const lines = [
    HEADER,
    ...CELL_IDS.map((id) => {
      const info = cellInfo(id);
      return [id, tableTitle(info.table), info.row.shortLabel, info.column.label, cellDisplayText(doc, id)];
    }),
  ];
  // Excel and WPS read a CSV without a byte-order mark in the system code page (GBK on Chinese
  // Windows) and garble UTF-8 Chinese; the BOM makes them read UTF-8.
  return '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
