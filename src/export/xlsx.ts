// A small XLSX (Office Open XML spreadsheet) writer: sheets of rows with merged ranges, column
// widths and a header style → the bytes of a workbook Excel, WPS and LibreOffice open. Runs in the
// browser and in Node (fflate zips). Strings are inline, so no shared-string table is needed.
import { strToU8, zipSync } from 'fflate';

export type XlsxValue = string | number | null;

export interface XlsxMerge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface XlsxSheet {
  /** Shown on the tab; at most 31 characters, none of []:*?/\ (checked). */
  name: string;
  rows: XlsxValue[][];
  merges?: XlsxMerge[];
  /** In characters, per column from the first. */
  columnWidths?: number[];
  /** The first N rows are headings: bold, centred, wrapped. */
  headerRows?: number;
  /** Thin borders round every cell (the official tables are ruled). */
  ruled?: boolean;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Style indexes in STYLES' cellXfs: plain, heading, plain ruled, heading ruled.
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">
<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const escapeXml = (s: string) =>
  s
    // Control characters are not allowed in XML 1.0.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const ref = (row: number, col: number) => `${columnName(col)}${row + 1}`;

function cellXml(value: XlsxValue, row: number, col: number, style: number): string {
  const r = ref(row, col);
  // Style 0 is the default: left out, which keeps a large detail sheet smaller.
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return style ? `<c r="${r}"${s}/>` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`xlsx: ${r} is not a finite number`);
    return `<c r="${r}"${s}><v>${value}</v></c>`;
  }
  return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const headerRows = sheet.headerRows ?? 0;
  const width = Math.max(0, ...sheet.rows.map((r) => r.length), ...(sheet.merges ?? []).map((m) => m.col + m.colSpan));
  // A ruled table borders its merged areas too, so every slot of a ruled row gets a styled cell.
  const rows = sheet.rows.map((cells, row) => {
    const heading = row < headerRows;
    const style = (heading ? 1 : 0) + (sheet.ruled ? 2 : 0);
    const slots = sheet.ruled ? Array.from({ length: width }, (_, col) => cells[col] ?? null) : cells;
    return `<row r="${row + 1}">${slots.map((v, col) => cellXml(v ?? null, row, col, style)).join('')}</row>`;
  });
  const cols = sheet.columnWidths?.length ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const merges = sheet.merges?.filter((m) => m.rowSpan > 1 || m.colSpan > 1) ?? [];
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${ref(m.row, m.col)}:${ref(m.row + m.rowSpan - 1, m.col + m.colSpan - 1)}"/>`).join('')}</mergeCells>`
    : '';
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${cols}<sheetData>${rows.join('')}</sheetData>${mergeXml}</worksheet>`;
}

function checkName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`xlsx: invalid sheet name ${JSON.stringify(name)}`);
}

export function writeXlsx(sheets: XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('xlsx: a workbook needs a sheet');
  sheets.forEach((s) => checkName(s.name));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
  // Level 1: the sheets are repetitive XML that compresses well even so, at a fraction of the time.
  return zipSync(files, { level: 1 });
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
