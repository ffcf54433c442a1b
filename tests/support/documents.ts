// Report documents for tests: consistent by construction, built from the official rules as the
// spec states them (docs/format.md §6), not from the engine's own relations.
import fc from 'fast-check';
import { CELL_IDS, type CellId, cellId, createBlankDocument, type ReportDocument } from '../../src/core/index.ts';

export const T3_COLUMNS = ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;
export const T3_RESULT_ROWS = [
  'granted',
  'partlyGranted',
  'withheld.stateSecret',
  'withheld.lawProhibited',
  'withheld.threeSecurity',
  'withheld.thirdParty',
  'withheld.internalAffairs',
  'withheld.processInfo',
  'withheld.enforcementFile',
  'withheld.adminQuery',
  'unable.notHeld',
  'unable.needsCreation',
  'unable.unclear',
  'declined.complaint',
  'declined.repeated',
  'declined.publication',
  'declined.excessive',
  'declined.confirmation',
  'otherHandling.noCorrection',
  'otherHandling.unpaidFee',
  'otherHandling.misc',
] as const;
export const T3_ROWS = ['new', 'carriedIn', ...T3_RESULT_ROWS, 'total', 'carriedOut'] as const;
export const T4_GROUPS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export interface Seedlings {
  /** Per applicant column: 21 result counts, last year's carry-in, next year's carry-out. */
  t3: { results: number[]; carriedIn: number; carriedOut: number }[];
  t4: number[][];
  t2: number[];
  fee: number;
}

/** A document whose every total and balance holds, with a complete cover. */
export function consistentDocument(s: Seedlings, year = 2024): ReportDocument {
  const doc = createBlankDocument({ agency: '测试市测试局', year, now: new Date('2025-01-10T00:00:00Z') });
  doc.agency.level = 'prefecture';
  doc.contact.phone = '0000-1234567';
  doc.publication.date = `${year + 1}-01-20`;
  const c = doc.cells;
  const rowTotals: Record<string, number> = {};
  T3_COLUMNS.forEach((col, i) => {
    const { results, carriedIn, carriedOut } = s.t3[i]!;
    const total = results.reduce((a, b) => a + b, 0);
    // new + carriedIn = total + carriedOut; pick carriedIn small enough that new ≥ 0.
    const inn = Math.min(carriedIn, total + carriedOut);
    const values: Record<string, number> = {
      new: total + carriedOut - inn,
      carriedIn: inn,
      total,
      carriedOut,
      ...Object.fromEntries(T3_RESULT_ROWS.map((r, k) => [r, results[k]!])),
    };
    for (const [row, v] of Object.entries(values)) {
      c[cellId('t3', row, col)] = v;
      rowTotals[row] = (rowTotals[row] ?? 0) + v;
    }
  });
  for (const [row, v] of Object.entries(rowTotals)) c[cellId('t3', row, 'total')] = v;
  T4_GROUPS.forEach((g, i) => {
    const parts = s.t4[i]!;
    T4_PARTS.forEach((p, k) => (c[cellId('t4', g, p)] = parts[k]!));
    c[cellId('t4', g, 'total')] = parts.reduce((a, b) => a + b, 0);
  });
  const t2: CellId[] = [
    't2.regulations.issued',
    't2.regulations.repealed',
    't2.regulations.inForce',
    't2.normativeDocs.issued',
    't2.normativeDocs.repealed',
    't2.normativeDocs.inForce',
    't2.licensing.decisions',
    't2.penalty.decisions',
    't2.coercion.decisions',
  ];
  t2.forEach((id, i) => (c[id] = s.t2[i]!));
  c['t2.regulations.issued'] = 0; // a department enacts no 规章 (rule 12)
  c['t2.regulations.repealed'] = 0;
  c['t2.regulations.inForce'] = 0;
  c['t2.fees.amount'] = s.fee;
  return doc;
}

const count = fc.nat({ max: 50 });

export const seedlingsArb: fc.Arbitrary<Seedlings> = fc.record({
  t3: fc.array(fc.record({ results: fc.array(count, { minLength: 21, maxLength: 21 }), carriedIn: count, carriedOut: count }), { minLength: 6, maxLength: 6 }),
  t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  t2: fc.array(fc.nat({ max: 10_000 }), { minLength: 9, maxLength: 9 }),
  fee: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000),
});

export const consistentDocumentArb = seedlingsArb.map((s) => consistentDocument(s));

/** A report with no errors: every addend filled so that all sums hold. */
export function cleanDocument(agency: string, year: number): ReportDocument {
  const doc = createBlankDocument({ agency, year });
  for (const id of CELL_IDS) doc.cells[id] = 0;
  doc.prose.problems = '无';
  doc.publication.date = `${String(doc.year + 1).padStart(4, '0')}-01-20`;
  return doc;
}

/** A report with a hard error: the balance of table 三 does not hold. */
export function brokenDocument(agency: string, year: number): ReportDocument {
  const doc = cleanDocument(agency, year);
  doc.cells['t3.new.natural'] = 5;
  return doc;
}
