// The one table layout every medium draws: widths, stacking, alignment, shading, header roles and
// keep-with-next, decided once from the template.
import { describe, expect, it } from 'vitest';
import { getTable, getTemplate } from '../../src/core/index.ts';
import { PT_PER_MM, textBlockWidthPt } from '../../src/export/page-grid.ts';
import { bodyGroups, layoutCells, layoutTable, type PlacedCell, wholeColumnWidths } from '../../src/export/table-layout.ts';

const template = getTemplate();
const page = template.pageStyle;
const textWidth = textBlockWidthPt(page);
const layoutOf = (id: 't2' | 't3' | 't4') => layoutTable(getTable(template, id), page, (cellId) => `#${cellId}`);
const labelText = (c: PlacedCell) => c.text;

describe('table layout', () => {
  it('gives each cell its columns’ share of the text block, merges from rows above skipped', () => {
    for (const table of template.tables) {
      const layout = layoutTable(table, page);
      expect(layoutCells(layout)).toHaveLength([...table.layout.header, ...table.layout.body].flat().length);
      expect(layout.columnWidthsPt.reduce((a, b) => a + b, 0)).toBeCloseTo(textWidth, 6);
      // Rows with no merge from above span the whole text block.
      const full = layout.rows.filter((row) => row.cells.reduce((n, c) => n + c.colSpan, 0) === layout.columnShares.length);
      expect(full.length).toBeGreaterThan(0);
      for (const row of full) expect(row.cells.reduce((w, c) => w + c.widthPt, 0)).toBeCloseTo(textWidth, 6);
    }
  });

  it('scales the widths to whole units that add up exactly to the text block (DOCX twips)', () => {
    const layout = layoutOf('t3');
    const twips = wholeColumnWidths(layout, 8844);
    expect(twips.reduce((a, b) => a + b, 0)).toBe(8844);
    for (const [i, w] of twips.entries()) expect(Math.abs(w - layout.columnShares[i]! * 8844)).toBeLessThan(twips.length);
  });

  it('stacks only table 三’s 22-row “三、本年度办理结果”, not headers of narrow columns nor wider merged labels', () => {
    const stacked = template.tables.flatMap((t) =>
      layoutCells(layoutTable(t, page))
        .filter((c) => c.kind === 'label' && c.stacked)
        .map((c) => `${t.id} ${c.text}`),
    );
    expect(stacked).toEqual(['t3 三、本年度办理结果']);
    // A column three characters wide keeps the label across.
    const wide = { ...page, roles: { ...page.roles, table: { ...page.roles.table, sizePt: 2 } } };
    expect(layoutCells(layoutTable(getTable(template, 't3'), wide)).some((c) => c.kind === 'label' && c.stacked)).toBe(false);
  });

  it('aligns one-row labels left, table 二’s shaded 第二十条 captions centred as the template styles them, everything else centred', () => {
    const t2 = layoutCells(layoutOf('t2'));
    const t3 = layoutCells(layoutOf('t3'));
    const find = (cells: PlacedCell[], text: string) => cells.find((c) => c.text === text)!;
    const [caption, rowLabel, header, data] = ['第二十条第（一）项', '规章', '本年制发件数', '#t2.regulations.issued'].map((t) => find(t2, t));
    expect([caption, rowLabel, header, data].map((c) => c!.align)).toEqual(['center', 'left', 'center', 'center']);
    expect([caption, rowLabel, header, data].map((c) => c!.fill)).toEqual(['C6D9F1', null, null, null]);
    expect(find(t3, '（三）不予公开').align).toBe('center');
    expect(find(t3, '1.属于国家秘密').align).toBe('left');
    expect(layoutOf('t2').minRowHeightPt).toBeCloseTo(11 * PT_PER_MM);
    expect(layoutOf('t3').minRowHeightPt).toBe(0);
  });

  it('names what each label heads: column heads their columns, captions their row group, row labels their row, the corner note nothing', () => {
    const scopes = (id: 't2' | 't3') => layoutCells(layoutOf(id)).flatMap((c) => (c.kind === 'label' ? [[c.text, c.scope]] : []));
    expect(scopes('t2').slice(0, 3)).toEqual([
      ['第二十条第（一）项', 'rowgroup'],
      ['信息内容', 'col'],
      ['本年制发件数', 'col'],
    ]);
    expect(
      scopes('t3')
        .filter(([, s]) => s === null)
        .map(([t]) => t),
    ).toHaveLength(1);
    expect(scopes('t3').find(([t]) => t === '三、本年度办理结果')![1]).toBe('row');
    // Table 二's four captioned parts are four row groups, each headed by its caption.
    const groups = bodyGroups(layoutOf('t2'));
    expect(groups.map((g) => labelText(g[0]!.cells[0]!))).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(bodyGroups(layoutOf('t3'))).toHaveLength(1);
  });

  it('keeps a row without data (a caption, the column heads) with the row after it, and no data row', () => {
    const t2 = layoutOf('t2');
    expect(t2.rows.filter((r) => r.keepWithNext).map((r) => r.cells.map(labelText).join('|'))).toEqual([
      '第二十条第（一）项',
      '信息内容|本年制发件数|本年废止件数|现行有效件数',
      '第二十条第（五）项',
      '信息内容|本年处理决定数量',
      '第二十条第（六）项',
      '信息内容|本年处理决定数量',
      '第二十条第（八）项',
      '信息内容|本年收费金额（单位：万元）',
    ]);
    const t3 = layoutOf('t3');
    expect(t3.rows.map((r) => r.keepWithNext)).toEqual(t3.rows.map((r) => r.header));
    expect(t3.headerRows).toBe(3);
  });

  it('gives data cells the caller’s text and labels the template’s', () => {
    const cells = layoutCells(layoutOf('t4'));
    expect(cells.filter((c) => c.kind === 'data').every((c) => c.kind === 'data' && c.text === `#${c.cellId}`)).toBe(true);
    expect(cells.filter((c) => c.kind === 'data')).toHaveLength(15);
  });
});
