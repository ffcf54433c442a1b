import { describe, expect, it } from 'vitest';
import { CELLS, checkReport, createBlankDocument } from '../../src/core/index.ts';

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

  it('do not call the totals left empty over an invalid cell empty cells to fill (issue 14 item 11)', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    for (const c of CELLS) if (!c.computed) doc.cells[c.id] = 0;
    doc.cells['t3.granted.business'] = null;
    doc.cellText['t3.granted.business'] = '1.5';
    for (const draft of [false, true]) {
      const findings = checkReport(doc, { draft, totals: 'computed' });
      expect(findings.filter((f) => f.rule === 'cell.missing')).toEqual([]);
      expect(findings.filter((f) => f.rule === 'cell.invalid').map((f) => f.message)).toEqual(['三、（一）予以公开·商业企业：「1.5」：件数应为整数，不能有小数']);
    }
  });
});
