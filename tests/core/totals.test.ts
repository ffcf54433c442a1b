import { describe, expect, it } from 'vitest';
import { CELLS, checkReport, createBlankDocument, deriveTotals, withDerivedTotals } from '../../src/core/index.ts';

describe('computed totals', () => {
  it('the computed cells are exactly the 总计 column and row of 三 and the 总计 of 四', () => {
    const computed = CELLS.filter((c) => c.computed).map((c) => c.id);
    expect(computed).toHaveLength(25 + 6 + 3);
    expect(computed).toContain('t3.new.total');
    expect(computed).toContain('t3.total.natural');
    expect(computed).toContain('t3.total.total');
    expect(computed).toContain('t4.litigationDirect.total');
    expect(computed).not.toContain('t3.carriedOut.natural');
  });

  it('sums addends, empty ones as 0, and keeps a line with no entries empty', () => {
    const doc = createBlankDocument({ agency: 'x', year: 2024 });
    doc.cells['t3.granted.natural'] = 3;
    doc.cells['t3.granted.business'] = 2;
    doc.cells['t3.unable.notHeld.natural'] = 1;
    const cells = deriveTotals(doc.cells);
    expect(cells['t3.granted.total']).toBe(5);
    expect(cells['t3.total.natural']).toBe(4);
    expect(cells['t3.total.business']).toBe(2);
    expect(cells['t3.total.total']).toBe(6);
    expect(cells['t3.new.total']).toBeNull();
    expect(cells['t4.reconsideration.total']).toBeNull();
  });

  it('a total over invalid typed text stays empty rather than showing a wrong sum', () => {
    const doc = createBlankDocument({ agency: 'x', year: 2024 });
    doc.cells['t4.reconsideration.upheld'] = 2;
    doc.cellText['t4.reconsideration.corrected'] = '一';
    expect(withDerivedTotals(doc).cells['t4.reconsideration.total']).toBeNull();
    doc.cellText = {};
    expect(withDerivedTotals(doc).cells['t4.reconsideration.total']).toBe(2);
  });

  it('overwrites a wrong total carried by the document', () => {
    const doc = createBlankDocument({ agency: 'x', year: 2024 });
    doc.cells['t4.reconsideration.upheld'] = 10;
    doc.cells['t4.reconsideration.corrected'] = 1;
    doc.cells['t4.reconsideration.total'] = 0;
    expect(deriveTotals(doc.cells)['t4.reconsideration.total']).toBe(11);
  });

  it('the rule engine takes the totals as the caller says: computed from the addends, or as printed', () => {
    const doc = createBlankDocument({ agency: 'x', year: 2024 });
    doc.cells['t4.reconsideration.upheld'] = 10;
    doc.cells['t4.reconsideration.corrected'] = 1;
    doc.cells['t4.reconsideration.other'] = 0;
    doc.cells['t4.reconsideration.pending'] = 0;
    doc.cells['t4.reconsideration.total'] = 0;
    const groupTotal = (totals: 'computed' | 'asPrinted') => checkReport(doc, { totals }).filter((f) => f.rule === 't4.groupTotal' && f.cells.includes('t4.reconsideration.total'));
    expect(groupTotal('asPrinted')).toHaveLength(1);
    expect(groupTotal('computed')).toEqual([]);
  });
});
