// Tables drawn from the shared table layout (../table-layout.ts): merges, widths, alignment,
// shading, stacking and keep-with-next as it decides them; here labels are wrapped inside their
// cells, numbers too wide for their cell set smaller, rows never split, header rows repeated after
// a page break.
import { fill, lineTo, moveTo, type PDFOperator, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, setLineWidth, stroke } from '@cantoo/pdf-lib';
import { layoutCells, stackedLabelChars, type TableLayout } from '../table-layout.ts';
import { balancedLines, breakLines, type Line } from '../text/line-break.ts';
import type { Composer } from './composer.ts';

const PAD_X = 3;
const PAD_Y = 3;
const LINE_HEIGHT = 1.35;
const RULE_WIDTH = 0.5;
const MIN_NUMBER_SIZE = 6;
/**
 * Fewest body rows under a repeated header on a table's last page: a five-line header above two or
 * three rows reads as a stray; rows come over from the page before instead.
 */
const MIN_CONTINUED_ROWS = 5;

interface SetCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  lines: Line[];
  align: 'left' | 'center';
  /** Background colour, 6 hex digits, or null. */
  fill: string | null;
  /** Type size: the table role's, smaller for a number too wide for its cell (numbers never wrap). */
  size: number;
  height: number;
}

/** A table laid out and set in the PDF's fonts: its cells' lines, the column edges and row heights. */
export interface SetTable {
  cells: SetCell[];
  colX: number[];
  rowHeights: number[];
  headerRows: number;
  /** Rows that must stay on the page of the row after them (captions and in-body header rows). */
  keepWithNext: boolean[];
}

/** Sets the layout's text at the table role's size. */
export function setTable(composer: Composer, layout: TableLayout): SetTable {
  const { geo } = composer;
  const size = composer.style.roles.table.sizePt;
  const lineHeight = size * LINE_HEIGHT;
  const minRow = Math.max(lineHeight + 2 * PAD_Y, geo.pitch * 0.7, layout.minRowHeightPt);
  const colX = [0];
  for (const w of layout.columnWidthsPt) colX.push(colX.at(-1)! + w);

  const cells: SetCell[] = layoutCells(layout).map((cell) => {
    const { row, col, rowSpan, colSpan } = cell;
    const inner = colX[col + colSpan]! - colX[col]! - 2 * PAD_X;
    const measure = (t: string, at: number) => composer.measure('table', t, at);
    const natural = measure(cell.text, size);
    const cellSize = cell.kind === 'data' && natural > inner ? Math.max(MIN_NUMBER_SIZE, (size * inner) / natural) : size;
    const lines =
      cell.kind === 'label' && cell.stacked
        ? stackedLabelChars(cell.text).map((ch) => breakLines(ch, { width: inner, measure: (t) => measure(t, size), justify: false })[0]!)
        : balancedLines(cell.text, inner, (t) => measure(t, cellSize));
    return { row, col, rowSpan, colSpan, lines, align: cell.align, fill: cell.fill, size: cellSize, height: lines.length * lineHeight + 2 * PAD_Y };
  });

  const rowHeights = layout.rows.map(() => minRow);
  for (const cell of [...cells].sort((a, b) => a.rowSpan - b.rowSpan)) {
    const span = rowHeights.slice(cell.row, cell.row + cell.rowSpan);
    const have = span.reduce((a, b) => a + b, 0);
    if (have < cell.height) rowHeights[cell.row + cell.rowSpan - 1]! += cell.height - have;
  }
  return { cells, colX, rowHeights, headerRows: layout.headerRows, keepWithNext: layout.rows.map((r) => r.keepWithNext) };
}

/**
 * Splits the body rows into page segments: a segment ends where the next row no longer fits, never
 * after a keep-with-next row, and not before a merged label has had the height its text needs.
 */
export function paginate(layout: SetTable, firstPageRoom: number, pageRoom: number): [number, number][] {
  const { rowHeights, headerRows, keepWithNext, cells } = layout;
  const headerHeight = rowHeights.slice(0, headerRows).reduce((a, b) => a + b, 0);
  const segments: [number, number][] = [];
  let start = headerRows;
  let room = firstPageRoom - headerHeight;
  while (start < rowHeights.length) {
    let end = start;
    let used = 0;
    while (end < rowHeights.length && used + rowHeights[end]! <= room + 0.01) used += rowHeights[end++]!;
    if (end < rowHeights.length) {
      let moved = true;
      while (moved && end > start) {
        moved = false;
        if (keepWithNext[end - 1] && end - 1 > start) {
          end--;
          moved = true;
        }
        for (const c of cells) {
          const spansBreak = c.row >= start && c.row < end && c.row + c.rowSpan > end;
          const height = rowHeights.slice(c.row, end).reduce((a, b) => a + b, 0);
          if (spansBreak && height < c.height && c.row > start) {
            end = c.row;
            moved = true;
          }
        }
      }
    }
    // A row taller than a whole page still has to go somewhere: alone on its page.
    if (end === start && room >= pageRoom - headerHeight - 0.01) end = start + 1;
    segments.push([start, end]);
    start = end;
    room = pageRoom - headerHeight;
  }
  balanceLastPage(segments, cells, rowHeights);
  return segments;
}

/**
 * Moves rows from the second-to-last page to the last one until it has MIN_CONTINUED_ROWS, at a
 * boundary where every merged label it cuts has had the height its text needs (as paginate
 * requires), as long as the page before keeps as many.
 */
function balanceLastPage(segments: [number, number][], cells: SetCell[], rowHeights: number[]): void {
  if (segments.length < 2) return;
  const last = segments.at(-1)!;
  const before = segments.at(-2)!;
  if (last[1] - last[0] >= MIN_CONTINUED_ROWS) return;
  const crossed = (b: number) => cells.some((c) => c.row < b && c.row + c.rowSpan > b && rowHeights.slice(c.row, b).reduce((s, h) => s + h, 0) < c.height);
  for (let b = last[1] - MIN_CONTINUED_ROWS; b >= before[0] + MIN_CONTINUED_ROWS; b--) {
    if (b >= last[0] || crossed(b)) continue;
    before[1] = b;
    last[0] = b;
    return;
  }
}

/** Height of the header rows plus the first body rows that must stay with them. */
export function tableStartHeight(layout: SetTable): number {
  let end = layout.headerRows;
  while (end < layout.rowHeights.length - 1 && layout.keepWithNext[end]) end++;
  return layout.rowHeights.slice(0, end + 1).reduce((a, b) => a + b, 0);
}

export async function drawTable(composer: Composer, layout: SetTable): Promise<void> {
  const { rowHeights, headerRows } = layout;
  const segments = paginate(layout, composer.geo.textHeight - composer.y, composer.geo.textHeight);
  for (const [i, [start, end]] of segments.entries()) {
    if (i > 0) composer.newPage();
    if (start === end) continue;
    const rows = [...Array(headerRows).keys(), ...Array.from({ length: end - start }, (_, k) => start + k)];
    const top = new Map<number, number>();
    let y = composer.y;
    for (const r of rows) {
      top.set(r, y);
      y += rowHeights[r]!;
    }
    await drawRows(composer, layout, rows, top);
    composer.y = y;
  }
}

/** Draws the cells of the given rows; a merged cell cut by a page break is drawn in each part. */
async function drawRows(composer: Composer, layout: SetTable, rows: number[], top: Map<number, number>): Promise<void> {
  const { geo } = composer;
  const lineHeight = composer.style.roles.table.sizePt * LINE_HEIGHT;
  const page = composer.page;
  const rules: PDFOperator[] = [pushGraphicsState(), setLineWidth(RULE_WIDTH)];
  const shown = new Set(rows);
  for (const cell of layout.cells) {
    const visible = rows.filter((r) => r >= cell.row && r < cell.row + cell.rowSpan);
    if (!visible.length) continue;
    const y0 = top.get(visible[0]!)!;
    const height = visible.reduce((s, r) => s + layout.rowHeights[r]!, 0);
    const x0 = layout.colX[cell.col]!;
    const x1 = layout.colX[cell.col + cell.colSpan]!;
    const X = (x: number) => geo.left + x;
    const Y = (y: number) => geo.pageHeight - geo.top - y;
    // Shading goes under the text drawn next; the rules are stroked last, over both.
    if (cell.fill) page.pushOperators(pushGraphicsState(), setFillingRgbColor(...rgb(cell.fill)), rectangle(X(x0), Y(y0 + height), x1 - x0, height), fill(), popGraphicsState());
    rules.push(moveTo(X(x0), Y(y0)), lineTo(X(x1), Y(y0)), lineTo(X(x1), Y(y0 + height)), lineTo(X(x0), Y(y0 + height)), lineTo(X(x0), Y(y0)), stroke());
    // The text of a merged cell goes with its first row (on the page where the cell starts).
    if (!shown.has(cell.row)) continue;
    const textTop = y0 + (height - cell.lines.length * lineHeight) / 2;
    for (const [i, line] of cell.lines.entries()) {
      const inner = x1 - x0 - 2 * PAD_X;
      const x = x0 + PAD_X + (cell.align === 'center' ? (inner - line.naturalWidth) / 2 : 0);
      await composer.drawLine(page, 'table', cell.size, line, x, composer.baseline(textTop + i * lineHeight, lineHeight, cell.size));
    }
  }
  rules.push(popGraphicsState());
  page.pushOperators(...rules);
}

/** "C6D9F1" → [0.78, 0.85, 0.95]. */
function rgb(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}
