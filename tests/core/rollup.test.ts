// Summing reports: per cell over those with a value, null only when none has one; money exact to
// 0.0001 万元; the sum of consistent reports is consistent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, type Cells, cellRecord, checkReport, createBlankDocument, sumCells, withDerivedTotals } from '../../src/core/index.ts';
import { consistentDocumentArb } from '../support/documents.ts';

const empty = (): Cells => cellRecord(() => null);

describe('sumCells', () => {
  it('adds the reports that have a value; empty stays empty', () => {
    const a = { ...empty(), 't3.new.natural': 3, 't2.fees.amount': 0.1 };
    const b = { ...empty(), 't3.new.natural': 4, 't2.fees.amount': 0.2, 't4.reconsideration.upheld': 0 };
    const sum = sumCells([a, b]);
    expect(sum['t3.new.natural']).toBe(7);
    expect(sum['t2.fees.amount']).toBe(0.3);
    expect(sum['t4.reconsideration.upheld']).toBe(0);
    expect(sum['t4.reconsideration.corrected']).toBeNull();
    expect(Object.keys(sum)).toEqual([...CELL_IDS]);
    expect(Object.values(sumCells([])).every((v) => v === null)).toBe(true);
  });

  it('the sum of consistent reports has no error findings', () => {
    fc.assert(
      fc.property(fc.array(consistentDocumentArb, { minLength: 1, maxLength: 5 }), (docs) => {
        const cells = sumCells(docs.map((d) => withDerivedTotals(d).cells));
        const doc = { ...createBlankDocument({ agency: '某市', year: 2024, kind: 'government' }), cells };
        expect(checkReport(doc, { totals: 'asPrinted' }).filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { seed: 12, numRuns: 50 },
    );
  });
});
