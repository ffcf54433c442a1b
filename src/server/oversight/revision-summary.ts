// What the office's screens read of each revision, stored with it when it is saved so that a board
// or a roll-up over thousands of reports needs neither a rule run nor the documents: the finding
// counts, and the cells with their totals derived as a number array in CELL_IDS order.
import { CELL_IDS, cellRecord, checkReport, withDerivedTotals, type Cells, type ReportDocument } from '../../core/index.ts';
import type { Db } from '../db/adapter.ts';

export interface RevisionSummary {
  errors: number;
  warnings: number;
  /** withDerivedTotals(document).cells in CELL_IDS order (null = empty or unknown). */
  cellValues: (number | null)[];
}

/**
 * Counted as the workflow guards check: the document with its derived totals, on its own (cross-year
 * rules need last year's report, which may change later; they are all warnings).
 */
export function summarizeRevision(doc: ReportDocument): RevisionSummary {
  const findings = checkReport(doc, { totals: 'computed' });
  const derived = withDerivedTotals(doc);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors, cellValues: CELL_IDS.map((id) => derived.cells[id] ?? null) };
}

export function cellsFromValues(values: readonly (number | null)[]): Cells {
  return cellRecord((_, i) => values[i] ?? null);
}

const BATCH = 200;

/** Summarizes the revisions stored before summaries were (migration 0004); returns how many. */
export async function backfillRevisionSummaries(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query<{ report_id: string; number: number; document: ReportDocument }>(
      `select report_id, number, document from revisions where errors is null order by report_id, number limit ${BATCH}`,
    );
    if (rows.length === 0) return total;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const s = summarizeRevision(r.document);
        await tx.query('update revisions set errors = $3, warnings = $4, cell_values = $5 where report_id = $1 and number = $2', [
          r.report_id,
          r.number,
          s.errors,
          s.warnings,
          s.cellValues,
        ]);
      }
    });
    total += rows.length;
  }
}
