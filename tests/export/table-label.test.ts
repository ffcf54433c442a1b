// Which labels read top to bottom, decided once for all renderers from the template's widths.
import { describe, expect, it } from 'vitest';
import { getTemplate, type GridCell } from '../../src/core/index.ts';
import { textBlockWidthPt } from '../../src/export/page-grid.ts';
import { cellAlign, cellFill, cellWidthsPt, isStackedLabel, minRowHeightPt } from '../../src/export/table-label.ts';
import { PT_PER_MM } from '../../src/export/page-grid.ts';

const template = getTemplate();
const textWidth = textBlockWidthPt(template.pageStyle);
const size = template.pageStyle.roles.table.sizePt;

describe('stacked labels', () => {
  it('gives each cell its columns’ share of the text block, merges from rows above skipped', () => {
    for (const table of template.tables) {
      const widths = cellWidthsPt(table, textWidth);
      const rows = [...table.layout.header, ...table.layout.body];
      expect(widths.size).toBe(rows.flat().length);
      // Rows with no merge from above span the whole text block.
      const full = rows.filter((row) => row.reduce((n, c) => n + (c.colSpan ?? 1), 0) === table.layout.columnWidths.length);
      expect(full.length).toBeGreaterThan(0);
      for (const row of full) expect(row.reduce((w, c) => w + widths.get(c)!, 0)).toBeCloseTo(textWidth, 6);
    }
  });

  it('stacks only table 三’s 22-row “三、本年度办理结果”, not headers of narrow columns nor wider merged labels', () => {
    const stacked: string[] = [];
    for (const table of template.tables) {
      const widths = cellWidthsPt(table, textWidth);
      for (const cell of [...table.layout.header, ...table.layout.body].flat()) {
        if (isStackedLabel(cell, widths.get(cell)!, size)) stacked.push(`${table.id} ${(cell as Extract<GridCell, { text: string }>).text}`);
      }
    }
    expect(stacked).toEqual(['t3 三、本年度办理结果']);
  });

  it('keeps labels across when their column holds three characters', () => {
    const label: GridCell = { text: '三、本年度办理结果', role: 'rowLabel', rowSpan: 22 };
    expect(isStackedLabel(label, 3 * size - 0.1, size)).toBe(true);
    expect(isStackedLabel(label, 3 * size, size)).toBe(false);
    expect(isStackedLabel({ ...label, rowSpan: 1 }, 20, size)).toBe(false);
    expect(isStackedLabel({ text: '结果维持', role: 'header', rowSpan: 2 }, 20, size)).toBe(false);
  });

  it('aligns one-row labels left, table 二’s shaded 第二十条 captions centred as the template styles them, everything else centred', () => {
    const t2 = template.tables.find((t) => t.id === 't2')!;
    const t3 = template.tables.find((t) => t.id === 't3')!;
    const cells = [...t2.layout.header, ...t2.layout.body].flat();
    const caption = cells.find((c) => 'text' in c && c.text === '第二十条第（一）项')!;
    const rowLabel = cells.find((c) => 'text' in c && c.text === '规章')!;
    const header = cells.find((c) => 'text' in c && c.text === '本年制发件数')!;
    expect([cellAlign(t2, caption), cellAlign(t2, rowLabel), cellAlign(t2, header)]).toEqual(['center', 'left', 'center']);
    expect([cellFill(t2, caption), cellFill(t2, rowLabel), cellFill(t2, header)]).toEqual(['C6D9F1', null, null]);
    expect(cellAlign(t2, { cell: 't2.rules.issued' })).toBe('center');
    expect(cellAlign(t3, { text: '（三）不予公开', role: 'rowLabel', rowSpan: 8 })).toBe('center');
    expect(cellAlign(t3, { text: '说明', role: 'caption' })).toBe('left');
    expect(minRowHeightPt(t2)).toBeCloseTo(11 * PT_PER_MM);
    expect(minRowHeightPt(t3)).toBe(0);
  });
});
