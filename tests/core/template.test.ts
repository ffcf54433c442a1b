// The template is the official layout as data; these checks hold it to docs/format.md §3–5.
import { describe, expect, it } from 'vitest';
import { CELL_IDS, cellLabel, GOV_2021, getTable, PROSE_KEYS, type TemplateTable } from '../../src/core/index.ts';
import TEMPLATE_SOURCES from '../../templates/index.ts';

/** Lays a grid out as the renderers do and returns, per row, how many grid columns it covers. */
function rowWidths(rows: TemplateTable['layout']['body']): number[] {
  const carried: number[] = []; // rowSpan still covering each grid column
  return rows.map((row) => {
    let width = carried.filter((n) => n > 0).length;
    for (const cell of row) width += cell.colSpan ?? 1;
    const next = carried.map((n) => Math.max(0, n - 1));
    let col = 0;
    for (const cell of row) {
      while ((next[col] ?? 0) > 0 || (carried[col] ?? 0) > 1) col++;
      for (let k = 0; k < (cell.colSpan ?? 1); k++) next[col + k] = (cell.rowSpan ?? 1) - 1;
      col += cell.colSpan ?? 1;
    }
    carried.splice(0, carried.length, ...next);
    return width;
  });
}

describe('templates/gov-2021', () => {
  it('has 200 cells: 10 + 175 + 15, ids per docs/interchange.md', () => {
    expect(CELL_IDS).toHaveLength(200);
    expect(CELL_IDS.filter((id) => id.startsWith('t2.'))).toHaveLength(10);
    expect(CELL_IDS.filter((id) => id.startsWith('t3.'))).toHaveLength(175);
    expect(CELL_IDS.filter((id) => id.startsWith('t4.'))).toHaveLength(15);
    expect(CELL_IDS).toContain('t3.withheld.thirdParty.total');
    expect(CELL_IDS).toContain('t3.otherHandling.unpaidFee.otherOrg');
    expect(CELL_IDS).toContain('t4.litigationAfterReconsideration.pending');
    expect(CELL_IDS).toContain('t2.fees.amount');
  });

  it('places every cell exactly once in the drawn tables', () => {
    const placed = GOV_2021.tables.flatMap((t) => [...t.layout.header, ...t.layout.body].flat().flatMap((c) => ('cell' in c ? [c.cell] : [])));
    expect([...placed].sort()).toEqual([...CELL_IDS].sort());
  });

  it.each([
    ['t2', 4],
    ['t3', 10],
    ['t4', 15],
  ] as const)('every row of table %s spans %i grid columns', (id, columns) => {
    const table = getTable(GOV_2021, id);
    expect(table.layout.columnWidths).toHaveLength(columns);
    const widths = rowWidths([...table.layout.header, ...table.layout.body]);
    expect(new Set(widths)).toEqual(new Set([columns]));
  });

  it('keeps the official labels verbatim', () => {
    const t3 = getTable(GOV_2021, 't3');
    const texts = [...t3.layout.header, ...t3.layout.body].flat().flatMap((c) => ('text' in c ? [c.text] : []));
    for (const label of [
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '三、本年度办理结果',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '3.危及“三安全一稳定”',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '四、结转下年度继续办理',
    ])
      expect(texts).toContain(label);
    expect(texts.find((t) => t === '三、本年度办理结果')).toBeDefined();
    const resultSpan = t3.layout.body.flat().find((c) => 'text' in c && c.text === '三、本年度办理结果');
    expect(resultSpan?.rowSpan).toBe(22);
  });

  it('labels cells for messages', () => {
    expect(cellLabel('t3.total.natural')).toBe('三、（七）总计·自然人');
    expect(cellLabel('t3.withheld.stateSecret.total')).toBe('三、（三）1.属于国家秘密·总计');
    expect(cellLabel('t2.fees.amount')).toBe('二、行政事业性收费·本年收费金额');
    expect(cellLabel('t4.litigationAfterReconsideration.upheld')).toBe('四、行政诉讼（复议后起诉）·结果维持');
  });

  it('has the six sections in the fixed order', () => {
    expect(GOV_2021.format.sections.map((s) => s.title)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('writes each row, column and group label once: the grids refer to them by id', () => {
    for (const source of Object.values(TEMPLATE_SOURCES)) {
      for (const table of source.tables) {
        const labels = new Set<string>([
          ...table.rows.map((r) => r.label),
          ...table.columns.map((c) => c.label),
          ...('rowGroups' in table ? table.rowGroups.map((g) => g.label) : []),
          ...('columnGroups' in table ? table.columnGroups.map((g) => g.label) : []),
        ]);
        const texts = [...table.layout.header, ...table.layout.body].flat().flatMap((c) => ('text' in c ? [c.text] : []));
        expect(
          texts.filter((t) => labels.has(t)),
          table.id,
        ).toEqual([]);
      }
    }
  });

  it('derives short labels, full labels and units from the official labels', () => {
    const t3 = getTable(GOV_2021, 't3');
    const t4 = getTable(GOV_2021, 't4');
    const row = (table: TemplateTable, id: string) => table.rows.find((r) => r.id === id)!;
    expect(row(t3, 'partlyGranted').shortLabel).toBe('（二）部分公开');
    expect(row(t3, 'withheld.stateSecret')).toMatchObject({ label: '1.属于国家秘密', shortLabel: '（三）1.属于国家秘密' });
    expect(row(t4, 'litigationDirect')).toMatchObject({ label: '行政诉讼·未经复议直接起诉', gridLabel: '未经复议直接起诉', shortLabel: '行政诉讼（未经复议直接起诉）' });
    expect(getTable(GOV_2021, 't2').columns.find((c) => c.id === 'amount')).toMatchObject({ shortLabel: '本年收费金额', unit: '万元' });
    expect(PROSE_KEYS).toEqual(['overview.intro', 'overview.proactive', 'overview.onRequest', 'overview.management', 'overview.platform', 'overview.oversight', 'problems', 'other']);
  });
});
