// Computed totals: the form shows every 总计 as the sum of its addends instead of asking for it.
import { type CellId, cellEntries } from './cells.ts';
import type { Cells, ReportDocument } from './document.ts';
import { TOTAL_EQUATIONS } from './relations.ts';

/**
 * Cells with every computed total replaced by the sum of its addends. Empty addends count as 0;
 * a total whose addends are all empty stays empty, and one with an invalid addend stays empty too
 * (the invalid cell carries its own finding).
 */
export function deriveTotals(cells: Cells, invalid: ReadonlySet<CellId> = new Set()): Cells {
  const out: Cells = { ...cells };
  const unknown = new Set(invalid);
  for (const eq of TOTAL_EQUATIONS) {
    let sum = 0;
    let any = false;
    let broken = false;
    for (const a of eq.addends) {
      if (unknown.has(a)) broken = true;
      const v = out[a];
      if (v === null || v === undefined) continue;
      any = true;
      sum += v;
    }
    if (broken) {
      out[eq.total] = null;
      unknown.add(eq.total);
    } else out[eq.total] = any ? sum : null;
  }
  return out;
}

/**
 * Cells holding typed text that is not a valid value (`cellText`): their totals stay unknown. A stored
 * number out of range is not looked at here; it is summed, and `cell.invalid` reports it.
 */
export function invalidCells(doc: Pick<ReportDocument, 'cells' | 'cellText'>): Set<CellId> {
  return new Set(cellEntries(doc.cellText).map(([id]) => id));
}

/** The document with every computed total filled in — what the form and renderers show. */
export function withDerivedTotals<T extends Pick<ReportDocument, 'cells' | 'cellText'>>(doc: T): T {
  return { ...doc, cells: deriveTotals(doc.cells, invalidCells(doc)) };
}

/**
 * Invalid cells plus every total that adds one up, directly or through another total: no sum
 * over these can be judged until the invalid text is corrected.
 */
export function withDependentTotals(invalid: ReadonlySet<CellId>): Set<CellId> {
  const out = new Set(invalid);
  if (out.size === 0) return out;
  for (const eq of TOTAL_EQUATIONS) if (eq.addends.some((a) => out.has(a))) out.add(eq.total);
  return out;
}
