import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, checkReport, type ReportDocument } from '../../src/core/index.ts';
import { consistentDocumentArb, T3_RESULT_ROWS } from '../support/documents.ts';

/** The rules a change to one cell must break, as docs/format.md §6 states them. */
function expectedRules(cellId: string): string[] {
  const [table, ...rest] = cellId.split('.');
  const column = rest.pop()!;
  const row = rest.join('.');
  if (table === 't4') return ['t4.groupTotal'];
  if (table === 't2') return row === 'regulations' ? ['t2.regulationsAuthority'] : [];
  const rules = ['t3.rowTotal'];
  if ((T3_RESULT_ROWS as readonly string[]).includes(row) || row === 'total') rules.push('t3.resultTotal');
  if (['new', 'carriedIn', 'total', 'carriedOut'].includes(row)) rules.push('t3.balance');
  void column;
  return rules.sort();
}

function withCell(doc: ReportDocument, id: string, value: number): ReportDocument {
  return { ...doc, cells: { ...doc.cells, [id]: value } };
}

/** The cell's value plus delta, exact to the 4 decimals a 万元 amount may have (29.8402 + 3 is 32.840199999999996 in floating point). */
const plus = (value: number, delta: number) => Math.round((value + delta) * 1e4) / 1e4;

describe('rule engine properties', () => {
  it('finds nothing in any consistent report', () => {
    fc.assert(
      fc.property(consistentDocumentArb, (doc) => {
        expect(checkReport(doc, { totals: 'asPrinted' })).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a change to any single cell fires exactly the rules that cell is part of, each naming it', () => {
    fc.assert(
      fc.property(consistentDocumentArb, fc.constantFrom(...CELL_IDS), fc.integer({ min: 1, max: 9 }), (doc, id, delta) => {
        const findings = checkReport(withCell(doc, id, plus(doc.cells[id]!, delta)), { totals: 'asPrinted' });
        expect(findings.map((f) => f.rule).sort()).toEqual(expectedRules(id));
        for (const f of findings) expect(f.cells).toContain(id);
      }),
      { numRuns: 600 },
    );
  });

  it('an invalid value in a cell gives cell.invalid for that cell and no sum finding built on it', () => {
    fc.assert(
      fc.property(consistentDocumentArb, fc.constantFrom(...CELL_IDS.filter((id) => id !== 't2.fees.amount')), fc.constantFrom(-1, 0.5, 2 ** 60), (doc, id, bad) => {
        const findings = checkReport(withCell(doc, id, bad), { totals: 'asPrinted' });
        const invalid = findings.filter((f) => f.rule === 'cell.invalid');
        expect(invalid.map((f) => f.cells)).toEqual([[id]]);
        expect(findings.filter((f) => f.severity === 'error' && f.rule !== 'cell.invalid')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
