// Each revision's error and warning counts, stored with it so the office's board needs no rule run
// per request. Counted as the workflow guards check: the document with its derived totals, on its
// own (cross-year rules need last year's report, which may change later; they are all warnings).
import { checkReport, withDerivedTotals, type ReportDocument } from '../../core/index.ts';
import type { Db } from '../db/adapter.ts';

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function countFindings(doc: ReportDocument): FindingCounts {
  const findings = checkReport(withDerivedTotals(doc));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

const BATCH = 200;

/** Counts the revisions stored before counts were (migration 0004); returns how many it counted. */
export async function backfillFindingCounts(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query<{ report_id: string; number: number; document: ReportDocument }>(
      `select report_id, number, document from revisions where errors is null order by report_id, number limit ${BATCH}`,
    );
    if (rows.length === 0) return total;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const c = countFindings(r.document);
        await tx.query('update revisions set errors = $3, warnings = $4 where report_id = $1 and number = $2', [r.report_id, r.number, c.errors, c.warnings]);
      }
    });
    total += rows.length;
  }
}
