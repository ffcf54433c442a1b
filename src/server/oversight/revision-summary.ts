// What the office's screens read of each revision, stored with it when it is saved so that a board
// or a roll-up over thousands of reports needs neither a rule run nor the documents: the finding
// counts, and the cells with their totals derived as a number array in CELL_IDS order.
import { CELL_IDS, type Cells, cellRecord, checkReport, type ReportDocument, withDerivedTotals } from '../../core/index.ts';

export interface RevisionSummary {
  errors: number;
  warnings: number;
  /** withDerivedTotals(document).cells in CELL_IDS order (null = empty or unknown). */
  cellValues: (number | null)[];
}

/**
 * Counted as the editor and the review screen count them: the document with its derived totals,
 * checked against last year's report (the carry-over and other cross-year warnings), so that the
 * board and the report lists say what the report itself says. When last year's report changes,
 * the following year's newest revision is recounted (./recount.ts).
 */
export function summarizeRevision(doc: ReportDocument, lastYear: ReportDocument | null): RevisionSummary {
  const findings = checkReport(doc, { totals: 'computed', previous: lastYear });
  const derived = withDerivedTotals(doc);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors, cellValues: CELL_IDS.map((id) => derived.cells[id] ?? null) };
}

export function cellsFromValues(values: readonly (number | null)[]): Cells {
  return cellRecord((_, i) => values[i] ?? null);
}
