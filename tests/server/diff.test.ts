import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments, isEmptyDiff, mergeDocuments, summarizeDiff } from '../../src/core/diff.ts';
import { CELL_IDS, createBlankDocument, type ReportDocument } from '../../src/core/index.ts';

const base = createBlankDocument({ agency: '某某市司法局', year: 2024, now: new Date('2025-01-05T00:00:00Z') });
const edit = (doc: ReportDocument, f: (d: ReportDocument) => void): ReportDocument => {
  const copy = structuredClone(doc);
  f(copy);
  return copy;
};

describe('diffDocuments', () => {
  it('is empty for identical documents, ignoring meta timestamps', () => {
    const later = edit(base, (d) => (d.meta.updatedAt = '2025-02-01T00:00:00Z'));
    expect(isEmptyDiff(diffDocuments(base, later))).toBe(true);
  });

  it('names changed cells, typed text, 不适用 marks, prose and fields', () => {
    const after = edit(base, (d) => {
      d.cells['t3.new.natural'] = 12;
      d.cellText['t3.new.business'] = '十二';
      d.notApplicable.push('t2.fees.amount');
      d.prose['problems'] = '存在的问题';
      d.contact.phone = '010-1234';
    });
    const diff = diffDocuments(base, after);
    expect(diff.cells.map((c) => c.id).sort()).toEqual(['t2.fees.amount', 't3.new.business', 't3.new.natural']);
    expect(diff.cells.find((c) => c.id === 't3.new.natural')).toEqual({
      id: 't3.new.natural',
      before: { value: null, text: null, notApplicable: false },
      after: { value: 12, text: null, notApplicable: false },
    });
    expect(summarizeDiff(diff)).toEqual({ cells: expect.any(Array), texts: ['problems'], fields: ['contact.phone'] });
    expect(diff.fields[0]).toEqual({ path: 'contact.phone', before: '', after: '010-1234' });
  });
});

describe('mergeDocuments', () => {
  it('combines changes to different cells and texts without conflicts', () => {
    const mine = edit(base, (d) => (d.cells['t3.new.natural'] = 3));
    const theirs = edit(base, (d) => {
      d.cells['t3.new.business'] = 4;
      d.prose['other'] = '无';
    });
    const { document, conflicts } = mergeDocuments(base, mine, theirs);
    expect(document.cells['t3.new.natural']).toBe(3);
    expect(document.cells['t3.new.business']).toBe(4);
    expect(document.prose.other).toBe('无');
    expect(isEmptyDiff(conflicts)).toBe(true);
  });

  it('keeps mine and reports a conflict where both changed the same cell differently', () => {
    const mine = edit(base, (d) => (d.cells['t3.new.natural'] = 3));
    const theirs = edit(base, (d) => (d.cells['t3.new.natural'] = 5));
    const { document, conflicts } = mergeDocuments(base, mine, theirs);
    expect(document.cells['t3.new.natural']).toBe(3);
    expect(conflicts.cells).toEqual(['t3.new.natural']);
  });

  it('loses no change: every non-conflicting change of either side is in the merge', () => {
    const changes = fc.array(fc.tuple(fc.constantFrom(...CELL_IDS.slice(0, 30)), fc.integer({ min: 0, max: 9 })), { maxLength: 12 });
    fc.assert(
      fc.property(changes, changes, (a, b) => {
        const mine = edit(base, (d) => a.forEach(([id, v]) => (d.cells[id] = v)));
        const theirs = edit(base, (d) => b.forEach(([id, v]) => (d.cells[id] = v)));
        const { document, conflicts } = mergeDocuments(base, mine, theirs);
        for (const id of CELL_IDS) {
          const m = mine.cells[id] ?? null;
          const t = theirs.cells[id] ?? null;
          const expected = m !== null ? m : t;
          expect(document.cells[id] ?? null).toBe(expected);
          expect(conflicts.cells.includes(id)).toBe(m !== null && t !== null && m !== t);
        }
      }),
    );
  });
});
