// How a table label is set, decided once for the DOCX, PDF and HTML renderers: stacking, alignment,
// shading and row heights, the last three from the template's table style.
import { placeGrid, type GridCell, type TemplateTable } from '../core/index.ts';
import { PT_PER_MM } from './page-grid.ts';

/**
 * A merged row label in a column too narrow for three characters — table 三's "三、本年度办理结果",
 * 22 rows high — is set one character per line, centred, reading top to bottom as published
 * reports print it; wrapped two by two it reads neither across nor down. `columnWidthPt` is the
 * width the template's relative widths give the cell in the text block.
 */
export function isStackedLabel(cell: GridCell, columnWidthPt: number, sizePt: number): boolean {
  return 'text' in cell && cell.role === 'rowLabel' && (cell.rowSpan ?? 1) > 1 && columnWidthPt < 3 * sizePt;
}

/** Punctuation in its vertical presentation form (、 → ︑), as vertical text sets it. */
const VERTICAL_FORMS: Record<string, string> = { '、': '︑', '，': '︐', '。': '︒', '：': '︓', '；': '︔', '（': '︵', '）': '︶', '“': '﹁', '”': '﹂' };

/** The characters of a stacked label top to bottom, punctuation in vertical form (NFKC gives the text back). */
export function stackedLabelChars(text: string): string[] {
  return Array.from(text.replace(/\s+/gu, '')).map((ch) => VERTICAL_FORMS[ch] ?? ch);
}

/** Each cell's width in points, the template's relative column widths scaled to `textWidthPt`. */
export function cellWidthsPt(table: TemplateTable, textWidthPt: number): Map<GridCell, number> {
  const { columnWidths } = table.layout;
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const span = (col: number, colSpan: number) => columnWidths.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
  return new Map(placeGrid(table).map((p) => [p.cell, (span(p.col, p.colSpan) / total) * textWidthPt]));
}

/**
 * Numbers, heads and merged labels are centred; captions and one-row labels start at the left,
 * unless the template's table style says otherwise (table 二 centres its 第二十条 captions).
 */
export function cellAlign(table: TemplateTable, cell: GridCell): 'left' | 'center' {
  if ('cell' in cell) return 'center';
  const styled = table.layout.style?.roles?.[cell.role]?.align;
  if (styled) return styled;
  return cell.role === 'caption' || (cell.role === 'rowLabel' && (cell.rowSpan ?? 1) === 1) ? 'left' : 'center';
}

/** The cell's background colour from the template's table style (6 hex digits), or null. */
export function cellFill(table: TemplateTable, cell: GridCell): string | null {
  return 'cell' in cell ? null : (table.layout.style?.roles?.[cell.role]?.fill ?? null);
}

/** The least row height the template's table style asks for, in points (0: none). */
export function minRowHeightPt(table: TemplateTable): number {
  return (table.layout.style?.minRowHeightMm ?? 0) * PT_PER_MM;
}
