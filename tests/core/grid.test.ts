import { describe, expect, it } from 'vitest';
import { GOV_2021, getTable, placeGrid } from '../../src/core/index.ts';

describe('placeGrid', () => {
  it('places table 三 cells past the merges from rows above', () => {
    const placed = placeGrid(getTable(GOV_2021, 't3'));
    const at = (id: string) => placed.find((p) => 'cell' in p.cell && p.cell.cell === id)!;
    // Header: the corner covers columns 0–2 of three rows; 商业企业 sits under 法人或其他组织.
    const business = placed.find((p) => 'text' in p.cell && p.cell.text === '商业企业')!;
    expect([business.row, business.col]).toEqual([2, 4]);
    // Body row 1 of 三、本年度办理结果 (rowSpan 22): （一）予以公开 starts at column 1, its data at 3.
    expect([at('t3.granted.natural').row, at('t3.granted.natural').col]).toEqual([5, 3]);
    // Inside （三）不予公开 (rowSpan 8), later rows start right of both merged labels.
    expect(at('t3.withheld.adminQuery.total').col).toBe(9);
    expect(at('t3.carriedOut.natural')).toMatchObject({ row: 27, col: 3, rowSpan: 1, colSpan: 1 });
  });

  it('gives every data cell of every table one slot inside the grid', () => {
    for (const table of GOV_2021.tables) {
      const width = table.layout.columnWidths.length;
      for (const p of placeGrid(table)) expect(p.col + p.colSpan).toBeLessThanOrEqual(width);
    }
  });
});
