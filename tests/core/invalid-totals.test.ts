import { describe, expect, it } from 'vitest';
import { checkReport, createBlankDocument } from '../../src/core/index.ts';

describe('sums over a cell holding invalid text', () => {
  it('report only the invalid cell, not the totals the form leaves empty above it', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    doc.cells['t3.granted.natural'] = 3;
    doc.cellText['t3.granted.business'] = '1,2';
    const findings = checkReport(doc, { totals: 'computed' });
    const sums = findings.filter((f) => f.rule === 't3.rowTotal' || f.rule === 't3.resultTotal');
    expect(sums).toEqual([]);
    expect(findings.some((f) => f.rule === 'cell.invalid' && f.cells[0] === 't3.granted.business')).toBe(true);
    // The natural column has no invalid cell, so its balance is still judged.
    expect(findings.some((f) => f.rule === 't3.balance' && f.cells.includes('t3.total.natural'))).toBe(true);
    expect(findings.some((f) => f.rule === 't3.balance' && f.cells.includes('t3.total.business'))).toBe(false);
  });
});
