// The rule engine: one pure function from a report (and optionally last year's) to findings.
import type { ReportDocument } from '../document.ts';
import type { Finding } from '../finding.ts';
import { preambleText } from '../preamble.ts';
import { getTemplate } from '../template.ts';
import { withDependentTotals } from '../totals.ts';
import { checkDeadline, checkRegulationsAuthority } from './agency.ts';
import { checkCellValues, findInvalidCells } from './cell-values.ts';
import { checkCover } from './cover.ts';
import { checkCarryOver, checkCopied, checkInForceContinuity } from './cross-year.ts';
import { checkStatisticalPeriod } from './period.ts';
import { checkProse } from './prose.ts';
import { checkTableSums } from './table-sums.ts';

export interface CheckOptions {
  /** Last year's report, for the cross-year rules. */
  previous?: ReportDocument | null;
}

/**
 * Every finding for a document as it stands. Totals are checked as the document carries them;
 * to check a form whose totals are computed, pass withDerivedTotals(doc).
 */
export function checkReport(doc: ReportDocument, options: CheckOptions = {}): Finding[] {
  const template = getTemplate(doc.format);
  const invalid = findInvalidCells(doc);
  // Totals over an invalid cell are unknown too (the form leaves them empty): skip their sums.
  const invalidIds = withDependentTotals(new Set(invalid.keys()));
  const previous = options.previous;
  const findings = [
    ...checkCellValues(doc, invalid),
    ...checkTableSums(doc.cells, invalidIds, previous?.cells),
    ...checkProse(doc, doc.cells),
    ...checkStatisticalPeriod(doc, preambleText(doc)),
    ...checkRegulationsAuthority(doc, doc.cells),
    ...checkDeadline(doc, template),
    ...checkCover(doc),
  ];
  if (previous) {
    findings.push(...checkCarryOver(doc.cells, previous.cells), ...checkInForceContinuity(doc.cells, previous.cells), ...checkCopied(doc, previous));
  }
  return findings;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
