import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessReport, CELL_IDS, type CellId, cellId, cellRecord, checkReport, parseDocumentJson, type ReportDocument, withDerivedTotals } from '../../src/core/index.ts';
import { consistentDocumentArb } from '../support/documents.ts';

const unread = (doc: ReportDocument, ids: CellId[]): ReportDocument => ({
  ...doc,
  cells: { ...doc.cells, ...Object.fromEntries(ids.map((id) => [id, null])) },
  unread: ids,
});
const OTHER_HANDLING = ['noCorrection', 'unpaidFee', 'misc'];

describe('cells not read are unknown, not 0', () => {
  it('a sum over an unread cell is not assessed, with the reason, and no cell.missing accuses the agency', () => {
    fc.assert(
      fc.property(consistentDocumentArb, fc.subarray([...CELL_IDS], { minLength: 1 }), (doc, ids) => {
        const { findings, unassessed } = assessReport(unread(doc, ids), { totals: 'asPrinted' });
        expect(findings.filter((f) => f.rule !== 'format.outdated')).toEqual([]);
        for (const u of unassessed) {
          expect(u.cells.some((id) => ids.includes(id))).toBe(true);
          expect(u.reason).toMatch(/^未能读取.+无法核验$/);
        }
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('the same cell printed blank is still counted as 0 and named', () => {
    fc.assert(
      fc.property(consistentDocumentArb, (doc) => {
        fc.pre(doc.cells['t3.new.natural']! > 0);
        const blank = { ...doc, cells: { ...doc.cells, 't3.new.natural': null } };
        expect(checkReport(blank, { totals: 'asPrinted' }).map((f) => f.rule)).toEqual(expect.arrayContaining(['t3.balance', 't3.rowTotal', 'cell.missing']));
        expect(checkReport(unread(doc, ['t3.new.natural']), { totals: 'asPrinted' })).toEqual([]);
        expect(
          assessReport(unread(doc, ['t3.new.natural']), { totals: 'asPrinted' })
            .unassessed.map((u) => u.rule)
            .sort(),
        ).toEqual(['t3.balance', 't3.rowTotal']);
      }),
      { numRuns: 50, seed: 13 },
    );
  });

  it('a slip in a readable part is still found', () => {
    fc.assert(
      fc.property(consistentDocumentArb, (doc) => {
        const slipped = unread({ ...doc, cells: { ...doc.cells, 't4.reconsideration.total': doc.cells['t4.reconsideration.total']! + 1 } }, ['t3.granted.natural']);
        expect(checkReport(slipped, { totals: 'asPrinted' }).map((f) => f.rule)).toEqual(['t4.groupTotal']);
      }),
      { numRuns: 30, seed: 13 },
    );
  });

  it('a typed value ends "unread": the cell is judged again', () => {
    fc.assert(
      fc.property(consistentDocumentArb, (doc) => {
        const typed = unread(doc, ['t3.new.natural']);
        typed.cells['t3.new.natural'] = doc.cells['t3.new.natural']! + 1;
        expect(
          checkReport(typed, { totals: 'asPrinted' })
            .map((f) => f.rule)
            .sort(),
        ).toEqual(['t3.balance', 't3.rowTotal']);
      }),
      { numRuns: 20, seed: 13 },
    );
  });

  it('（六） printed as one row: the column sums use its subtotal, so a slip there is still caught', () => {
    fc.assert(
      fc.property(consistentDocumentArb, fc.boolean(), (doc, slip) => {
        const parts = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].flatMap((c) => OTHER_HANDLING.map((r) => cellId('t3', `otherHandling.${r}`, c)));
        const groupTotals = Object.fromEntries(
          ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => [
            `t3.otherHandling.${c}`,
            OTHER_HANDLING.reduce((s, r) => s + doc.cells[cellId('t3', `otherHandling.${r}`, c)]!, 0) + (slip && c === 'business' ? 1 : 0),
          ]),
        );
        const { findings, unassessed } = assessReport({ ...unread(doc, parts), groupTotals }, { totals: 'asPrinted' });
        expect(findings.map((f) => f.rule)).toEqual(slip ? ['t3.resultTotal'] : []);
        // The three rows' own totals cannot be judged; every column sum could.
        expect(unassessed.map((u) => u.rule)).toEqual(['t3.rowTotal', 't3.rowTotal', 't3.rowTotal']);
      }),
      { numRuns: 30, seed: 13 },
    );
  });

  it('survives a JSON round trip, and documents without the field still parse', () => {
    const doc = unread(withDerivedTotals(fc.sample(consistentDocumentArb, { numRuns: 1, seed: 1 })[0]!), ['t3.new.natural']);
    const parsed = parseDocumentJson(JSON.stringify({ ...doc, groupTotals: { 't3.otherHandling.total': 2 } }));
    expect(parsed.ok && parsed.document.unread).toEqual(['t3.new.natural']);
    expect(parsed.ok && parsed.document.groupTotals).toEqual({ 't3.otherHandling.total': 2 });
    const { unread: _u, groupTotals: _g, ...old } = doc;
    const legacy = parseDocumentJson(JSON.stringify(old));
    expect(legacy.ok && legacy.document.unread).toEqual([]);
  });

  it("this year's unread 上年结转 is not compared with last year's report", () => {
    const [doc, previous] = fc.sample(consistentDocumentArb, { numRuns: 2, seed: 3 }) as [ReportDocument, ReportDocument];
    const { findings, unassessed } = assessReport(unread(doc, ['t3.carriedIn.natural']), { totals: 'asPrinted', previous });
    expect(findings.filter((f) => f.rule === 'carryOver.mismatch').flatMap((f) => f.cells)).not.toContain('t3.carriedIn.natural');
    expect(unassessed.map((u) => u.rule)).toContain('carryOver.mismatch');
  });
});

describe('a draft in the editor', () => {
  it('a sum whose cells are partly empty is "未填完", not an error; filled or zero-filled, it is judged', () => {
    fc.assert(
      fc.property(consistentDocumentArb, (doc) => {
        fc.pre(doc.cells['t3.new.natural']! > 0);
        const partly = withDerivedTotals({ ...doc, cells: { ...doc.cells, 't3.carriedIn.natural': null, 't3.carriedOut.natural': null } });
        const draft = assessReport(partly, { totals: 'asPrinted', draft: true });
        expect(draft.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(draft.unassessed.find((u) => u.rule === 't3.balance' && u.cells.includes('t3.carriedIn.natural'))?.reason).toMatch(/^未填完：/);
        // On submit the same draft is judged as it stands: empty cells count as 0 and are named.
        expect(checkReport(partly, { totals: 'asPrinted' }).map((f) => f.rule)).toEqual(expect.arrayContaining(['cell.missing']));
        const wrong = withDerivedTotals({ ...doc, cells: { ...doc.cells, 't3.carriedIn.natural': doc.cells['t3.carriedIn.natural']! + 1 } });
        expect(assessReport(wrong, { totals: 'asPrinted', draft: true }).findings.map((f) => f.rule)).toContain('t3.balance');
      }),
      { numRuns: 30, seed: 13 },
    );
  });

  it('an untouched table lists nothing', () => {
    const doc = fc.sample(consistentDocumentArb, { numRuns: 1, seed: 2 })[0]!;
    const empty = { ...doc, cells: cellRecord(() => null) };
    expect(assessReport(empty, { totals: 'asPrinted', draft: true }).unassessed).toEqual([]);
  });
});
