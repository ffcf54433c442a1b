// Where each cell of a template table's drawn grid lands: its row, its first column and its spans,
// with slots covered by merges from rows above skipped. The form, the renderers and the keyboard
// navigation all lay tables out from this one walk.
import type { GridCell, TemplateTable } from './template.ts';

export interface PlacedGridCell {
  cell: GridCell;
  /** Row in header + body order. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export function placeGrid(table: TemplateTable): PlacedGridCell[] {
  const rows = [...table.layout.header, ...table.layout.body];
  const taken: boolean[][] = rows.map(() => []);
  const placed: PlacedGridCell[] = [];
  rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken[row]![col]) col++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) (taken[r] ??= [])[c] = true;
      placed.push({ cell, row, col, rowSpan, colSpan });
      col += colSpan;
    }
  });
  return placed;
}
