// Where each data cell sits in a table's drawn grid (header and body rows, spans expanded), so
// that arrow keys and pasted blocks move the way the table looks.
import { type CellId, placeGrid, type TemplateTable } from '../../core/index.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';

interface Place {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface GridGeometry {
  /** Data cells in reading order. */
  cells: CellId[];
  /** The data cell next to `id` in a direction, skipping labels; null at the edge. */
  move(id: CellId, dir: Direction): CellId | null;
}

export function gridGeometry(table: TemplateTable): GridGeometry {
  const occupied: (CellId | null)[][] = [];
  const places = new Map<CellId, Place>();
  const cells: CellId[] = [];
  for (const { cell: g, row: r, col: c, rowSpan, colSpan } of placeGrid(table)) {
    const id = 'cell' in g ? g.cell : null;
    for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) (occupied[r + i] ??= [])[c + j] = id;
    if (id) {
      places.set(id, { row: r, col: c, rowSpan, colSpan });
      cells.push(id);
    }
  }
  const at = (r: number, c: number) => occupied[r]?.[c] ?? null;
  const width = Math.max(...occupied.map((r) => r.length));

  function move(id: CellId, dir: Direction): CellId | null {
    const p = places.get(id);
    if (!p) return null;
    const scan = (r: number, c: number, dr: number, dc: number): CellId | null => {
      for (; r >= 0 && r < occupied.length && c >= 0 && c < width; r += dr, c += dc) {
        const found = at(r, c);
        if (found && found !== id) return found;
      }
      return null;
    };
    if (dir === 'up') return scan(p.row - 1, p.col, -1, 0);
    if (dir === 'down') return scan(p.row + p.rowSpan, p.col, 1, 0);
    if (dir === 'left') return scan(p.row, p.col - 1, 0, -1);
    return scan(p.row, p.col + p.colSpan, 0, 1);
  }

  return { cells, move };
}

/** A block copied from Excel/WPS: rows of tab-separated values (a trailing line break dropped). */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => l.split('\t'));
}

/** The cells a pasted block lands on, row by row from `start`; positions past the edge are dropped. */
export function pasteTargets(geometry: GridGeometry, start: CellId, block: string[][]): { id: CellId; text: string }[] {
  const out: { id: CellId; text: string }[] = [];
  let rowStart: CellId | null = start;
  for (const values of block) {
    if (!rowStart) break;
    let cell: CellId | null = rowStart;
    for (const text of values) {
      if (!cell) break;
      out.push({ id: cell, text });
      cell = geometry.move(cell, 'right');
    }
    rowStart = geometry.move(rowStart, 'down');
  }
  return out;
}
