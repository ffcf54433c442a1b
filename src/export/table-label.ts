// How a table label is set, decided once for the DOCX, PDF and HTML renderers.
import { placeGrid, type GridCell, type TemplateTable } from '../core/index.ts';

/**
 * A merged row label in a column too narrow for three characters — table 三's "三、本年度办理结果",
 * 22 rows high — is set one character per line, centred, reading top to bottom as published
 * reports print it; wrapped two by two it reads neither across nor down. `columnWidthPt` is the
 * width the template's relative widths give the cell in the text block.
 */
export function isStackedLabel(cell: GridCell, columnWidthPt: number, sizePt: number): boolean {
  return 'text' in cell && cell.role === 'rowLabel' && (cell.rowSpan ?? 1) > 1 && columnWidthPt < 3 * sizePt;
}

/** Each cell's width in points, the template's relative column widths scaled to `textWidthPt`. */
export function cellWidthsPt(table: TemplateTable, textWidthPt: number): Map<GridCell, number> {
  const { columnWidths } = table.layout;
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const span = (col: number, colSpan: number) => columnWidths.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
  return new Map(placeGrid(table).map((p) => [p.cell, (span(p.col, p.colSpan) / total) * textWidthPt]));
}

/** Captions and one-row labels start at the left as in the official template; heads, merged labels and numbers are centred. */
export function cellAlign(cell: GridCell): 'left' | 'center' {
  if ('cell' in cell) return 'center';
  return cell.role === 'caption' || (cell.role === 'rowLabel' && (cell.rowSpan ?? 1) === 1) ? 'left' : 'center';
}
