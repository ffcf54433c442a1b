// The rule engine: one pure function from a report (and optionally last year's) to findings.
import type { ReportDocument } from '../document.ts';
import type { Finding, Unassessed } from '../finding.ts';
import { preambleText } from '../preamble.ts';
import { getTemplate } from '../template.ts';
import { withDependentTotals, withDerivedTotals } from '../totals.ts';
import { checkDeadline, checkRegulationsAuthority } from './agency.ts';
import { unassessed as unassessedOf, unknownCells } from './assessability.ts';
import { checkCellValues, findInvalidCells } from './cell-values.ts';
import { checkCover } from './cover.ts';
import { checkCarryOver, checkCopied, checkInForceContinuity } from './cross-year.ts';
import { checkStatisticalPeriod } from './period.ts';
import { checkPrintable } from './printable.ts';
import { checkProse } from './prose.ts';
import { checkTableSums } from './table-sums.ts';

export interface CheckOptions {
  /**
   * Where the 总计 cells come from, always the caller's explicit choice:
   * - 'computed': each total is the sum of its addends (our own document: the editor computes
   *   totals instead of asking for them, so a stored total may be stale or absent);
   * - 'asPrinted': the totals as the document carries them (a published report read back, whose
   *   printed totals are themselves checked against their addends).
   */
  totals: 'computed' | 'asPrinted';
  /** Last year's report, for the cross-year rules. */
  previous?: ReportDocument | null;
  /**
   * A draft being filled in (the editor): a sum with empty cells is not assessed ("未填完") until
   * they are filled or zero-filled. Otherwise (submitting, a published report) an empty cell counts
   * as 0 and cell.missing names it.
   */
  draft?: boolean;
  /**
   * A report already published, being checked (nianbao check, the office's bulk check): rules about
   * what our own export could print (text.unprintable) say nothing about it.
   */
  published?: boolean;
}

export interface Assessment {
  findings: Finding[];
  /** Rules not checked because a cell they need is unknown (not read, or not yet filled in a draft). */
  unassessed: Unassessed[];
}

/** Every finding for a document as it stands, its totals computed or as printed (options.totals). */
export function checkReport(doc: ReportDocument, options: CheckOptions): Finding[] {
  return assessReport(doc, options).findings;
}

/** checkReport's findings, and the rules it could not assess with the reason. */
export function assessReport(report: ReportDocument, options: CheckOptions): Assessment {
  const doc = options.totals === 'computed' ? withDerivedTotals(report) : report;
  const template = getTemplate(doc.format);
  const invalid = findInvalidCells(doc);
  // Totals over an invalid cell are unknown too (the form leaves them empty): skip their sums.
  const invalidIds = withDependentTotals(new Set(invalid.keys()));
  const unknown = unknownCells(doc, options.draft ?? false);
  const previous = options.previous;
  const sums = checkTableSums(doc.cells, invalidIds, unknown, previous?.cells);
  const findings = [
    ...checkCellValues(doc, invalid, invalidIds),
    ...sums.findings,
    ...checkProse(doc, doc.cells),
    ...checkStatisticalPeriod(doc, preambleText(doc)),
    ...checkRegulationsAuthority(doc, doc.cells),
    ...checkDeadline(doc, template),
    ...(options.published ? [] : checkPrintable(doc)),
    ...checkCover(doc),
  ];
  const unassessed = sums.unassessed;
  if (previous) {
    // Last year's unread cells are empty, which these rules already pass over; this year's are not.
    for (const f of checkCarryOver(doc.cells, previous.cells)) {
      if (unknown.cause === 'unread' && f.cells.some((id) => unknown.cells.has(id))) unassessed.push(unassessedOf(f.rule, f.cells, unknown));
      else findings.push(f);
    }
    findings.push(...checkInForceContinuity(doc.cells, previous.cells), ...checkCopied(doc, previous));
  }
  return { findings, unassessed };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
