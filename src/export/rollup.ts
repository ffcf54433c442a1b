// The office's roll-up (汇总) as files: CSV, one row per cell id; XLSX with the official tables
// (merged headers from the template grid), the agencies and their status, and agency × cell id.
import { CELL_IDS, type CellId, type Cells, cellInfo, cellRecord, getTable, getTemplate, type TableId } from '../core/index.ts';
import { csvField } from './csv.ts';
import { layoutCells, layoutTable } from './table-layout.ts';
import { writeXlsx, type XlsxSheet, type XlsxValue } from './xlsx.ts';

export interface RollupAgency {
  agencyId: string;
  agencyName: string;
  /** 未开始 for an agency without a report. */
  statusLabel: string;
  included: boolean;
  errors: number | null;
  warnings: number | null;
  /** The report's cells (totals derived) when included. */
  cells: Cells | null;
}

export interface RollupFiles {
  year: number;
  /** The office's agency, for titles. */
  office: string;
  cells: Cells;
  agencies: RollupAgency[];
}

const TABLES: TableId[] = ['t2', 't3', 't4'];

const sectionTitle = (table: TableId) => getTemplate().format.sections.find((s) => s.table === table)?.title ?? table;

/** How many included reports have a value for each cell. */
export function reportsCounted(files: RollupFiles): Record<CellId, number> {
  const included = files.agencies.filter((a) => a.included && a.cells);
  return cellRecord((id) => included.filter((a) => a.cells![id] !== null && a.cells![id] !== undefined).length);
}

export function renderRollupCsv(files: RollupFiles): string {
  const counted = reportsCounted(files);
  const lines = [
    ['单元格编号', '表格', '行', '列', '合计', '计入报告数'],
    ...CELL_IDS.map((id) => {
      const info = cellInfo(id);
      const sum = files.cells[id];
      return [id, sectionTitle(info.table), info.row.shortLabel, info.column.label, sum === null || sum === undefined ? '' : String(sum), String(counted[id])];
    }),
  ];
  // The BOM makes Excel and WPS read UTF-8 (see csv.ts).
  return '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One official table as every medium lays it out (../table-layout.ts), the sums in its data cells, its title above. */
function tableSheet(table: TableId, cells: Cells): XlsxSheet {
  const template = getTemplate();
  const layout = layoutTable(getTable(template, table), template.pageStyle);
  const width = layout.columnShares.length;
  const rows: XlsxValue[][] = [[sectionTitle(table)], ...layout.rows.map(() => [])];
  const merges = [{ row: 0, col: 0, rowSpan: 1, colSpan: width }];
  for (const c of layoutCells(layout)) {
    const row = c.row + 1;
    rows[row]![c.col] = c.kind === 'label' ? c.text : (cells[c.cellId] ?? null);
    merges.push({ row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan });
  }
  // The columns' shares of the text block spread over about 120 characters, at least 6 per column.
  const columnWidths = layout.columnShares.map((share) => Math.max(6, Math.round(share * 120)));
  return { name: `表${layout.table.number}`, rows, merges, columnWidths, headerRows: 1 + layout.headerRows, ruled: true };
}

export function renderRollupXlsx(files: RollupFiles): Uint8Array {
  const agencies: XlsxSheet = {
    name: '单位',
    rows: [['单位', '状态', '纳入汇总', '错误', '警告'], ...files.agencies.map((a) => [a.agencyName, a.statusLabel, a.included ? '是' : '否', a.errors, a.warnings])],
    columnWidths: [36, 10, 10, 8, 8],
    headerRows: 1,
  };
  const perAgency: XlsxSheet = {
    name: '明细',
    rows: [
      ['单位', ...CELL_IDS],
      ...files.agencies.filter((a) => a.included && a.cells).map((a) => [a.agencyName, ...CELL_IDS.map((id) => a.cells![id] ?? null)]),
      ['合计', ...CELL_IDS.map((id) => files.cells[id] ?? null)],
    ],
    columnWidths: [36],
    headerRows: 1,
  };
  return writeXlsx([...TABLES.map((t) => tableSheet(t, files.cells)), agencies, perAgency]);
}
