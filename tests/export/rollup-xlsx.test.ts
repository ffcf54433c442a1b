// The roll-up workbook opened by LibreOffice Calc: each official table on its own sheet with the
// template's merged headers at the template's positions and the sums in the data cells; the detail
// sheet's columns add up to its 合计 row. Also the generic writer's guards.
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, getTable, getTemplate, isCellId, sumCells, type TableId, withDerivedTotals } from '../../src/core/index.ts';
import { type RollupFiles, renderRollupXlsx } from '../../src/export/rollup.ts';
import { columnName, writeXlsx } from '../../src/export/xlsx.ts';
import { consistentDocument, seedlingsArb } from '../support/documents.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';
import { templateGrid } from './docx-grid.ts';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

/** An HTML table expanded to rows × columns: each position holds the covering cell's text and whether it is its top-left. */
function expand(table: Element): { text: string; origin: boolean }[][] {
  const grid: { text: string; origin: boolean }[][] = [];
  DomUtils.getElementsByTagName('tr', table, true).forEach((tr, r) => {
    let c = 0;
    for (const td of DomUtils.getElementsByTagName('td', tr.children, false)) {
      while (grid[r]?.[c]) c++;
      const rowSpan = Number(td.attribs.rowspan ?? 1);
      const colSpan = Number(td.attribs.colspan ?? 1);
      const text = DomUtils.textContent(td).replace(/\s+/g, '');
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) (grid[r + dr] ??= [])[c + dc] = { text, origin: dr === 0 && dc === 0 };
      c += colSpan;
    }
  });
  return grid;
}

describe('roll-up XLSX in LibreOffice', () => {
  const docs = fc.sample(seedlingsArb, { seed: 7, numRuns: 3 }).map((s) => withDerivedTotals(consistentDocument(s, 2024)));
  const files: RollupFiles = {
    year: 2024,
    office: '某某市人民政府',
    cells: sumCells(docs.map((d) => d.cells)),
    agencies: [
      ...docs.map((d, i) => ({ agencyId: `a${i}`, agencyName: `市第${i + 1}局`, statusLabel: '已发布', included: true, errors: 0, warnings: i, cells: d.cells })),
      { agencyId: 'x', agencyName: '市未报局', statusLabel: '未开始', included: false, errors: null, warnings: null, cells: null },
    ],
  };

  it('draws the official tables with their merges and the sums', async () => {
    const html = new TextDecoder().decode(await convertWithLibreOffice(renderRollupXlsx(files), 'xlsx', 'html'));
    const tables = DomUtils.getElementsByTagName('table', parseDocument(html), true);
    expect(tables).toHaveLength(5);
    (['t2', 't3', 't4'] as TableId[]).forEach((id, i) => {
      const expected = templateGrid(getTable(getTemplate(), id));
      const [title, ...grid] = expand(tables[i]!);
      expect(title!.every((x) => x.text === title![0]!.text) && title![0]!.text.startsWith(`${getTable(getTemplate(), id).number}、`), id).toBe(true);
      expect(grid, id).toHaveLength(expected.length);
      expected.forEach((row, r) =>
        row.forEach((want, c) => {
          const got = grid[r]![c]!;
          const where = `${id} ${columnName(c)}${r + 2}`;
          expect(got.origin, where).toBe(want.origin);
          const sum = isCellId(want.key) ? files.cells[want.key] : undefined;
          const text = sum === undefined ? want.key.replace(/\s+/g, '') : sum === null ? '' : String(sum);
          expect(got.text, where).toBe(text);
        }),
      );
    });
    // 明细: one row per included agency, then 合计 = the column sums.
    const detail = expand(tables[4]!);
    expect(detail[0]!.map((x) => x.text)).toEqual(['单位', ...CELL_IDS]);
    expect(detail.map((r) => r[0]!.text)).toEqual(['单位', '市第1局', '市第2局', '市第3局', '合计']);
    CELL_IDS.forEach((id, k) => {
      const column = detail.slice(1, -1).map((r) => Number(r[k + 1]!.text));
      expect(Math.round(column.reduce((a, b) => a + b, 0) * 1e4) / 1e4, id).toBe(Number(detail.at(-1)![k + 1]!.text));
    });
    const agencies = expand(tables[3]!).map((r) => r.map((x) => x.text));
    expect(agencies).toContainEqual(['市未报局', '未开始', '否', '', '']);
  }, 180_000);

  it('refuses sheet names Excel cannot show', () => {
    expect(() => writeXlsx([{ name: 'a/b', rows: [] }])).toThrow(/sheet name/);
    expect(() => writeXlsx([{ name: 'x'.repeat(32), rows: [] }])).toThrow(/sheet name/);
    expect(columnName(0) + columnName(25) + columnName(26) + columnName(701) + columnName(702)).toBe('AZAAZZAAA');
  });
});
