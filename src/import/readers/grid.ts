// HTML and Word tables → lines: rowspan/colspan expanded so every value keeps its grid column
// (merged-away positions become empty cells), which is what the label and header matching expect.
import { groupThousands } from '../../core/count-text.ts';
import { ImportError } from '../errors.ts';
import type { TextLine } from '../layout.ts';

export interface SourceCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** Tables larger than this are not report tables; bounds the grid a hostile span can ask for. */
const MAX_SPAN = 100;
/** The largest report table (三) has about 30 × 10 cells; a grid this size is no report table. */
const MAX_GRID_CELLS = 200_000;

export function gridLines(rows: SourceCell[][]): TextLine[] {
  let cells = 0;
  const occupied: boolean[][] = rows.map(() => []);
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (occupied[r]![c]) c++;
      const colSpan = Math.min(Math.max(1, cell.colSpan), MAX_SPAN);
      const rowSpan = Math.min(Math.max(1, cell.rowSpan), MAX_SPAN, rows.length - r);
      cells += rowSpan * colSpan;
      if (cells > MAX_GRID_CELLS) throw new ImportError(`表格展开后超过 ${groupThousands(MAX_GRID_CELLS)} 个单元格，不像是年度报告的表格（可能是恶意构造的文件）`);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          occupied[r + dr]![c + dc] = true;
          grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      }
      c += colSpan;
    }
  });
  return grid.map((row) => ({ cells: Array.from(row, (text, x) => ({ text: text ?? '', x })) }));
}
