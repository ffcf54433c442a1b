// Keeping the stored finding counts (revision-summary.ts) true when last year's report changes:
// they include the cross-year checks, so a change to which document is a report's last year
// (a save or deletion of that draft, its creation, a new publication) recounts the following
// year's newest revision. And the revisions stored without counts are counted at startup.
import type { ReportDocument } from '../../core/index.ts';
import type { Db, Queryable } from '../db/adapter.ts';
import { lastYear, lastYearDocument } from '../last-year.ts';
import { summarizeRevision } from './revision-summary.ts';

async function store(db: Queryable, report: { id: string; agency_id: string; year: number }, number: number, document: ReportDocument, memo?: Map<string, ReportDocument | null>) {
  let previous = memo?.get(report.id);
  if (previous === undefined) {
    previous = lastYearDocument(await lastYear(db, report));
    memo?.set(report.id, previous);
  }
  const s = summarizeRevision(document, previous);
  await db.query('update revisions set errors = $3, warnings = $4, cell_values = $5 where report_id = $1 and number = $2', [report.id, number, s.errors, s.warnings, s.cellValues]);
}

/**
 * Recounts the newest revision of the agency's report for `year + 1`, if there is one. Its row is
 * locked first, so a save of that report running meanwhile is counted either before this or after.
 */
export async function recountFollowingYear(db: Queryable, agencyId: string, year: number): Promise<void> {
  const [next] = await db.query<{ id: string; head: number }>('select id, head from reports where agency_id = $1 and year = $2 and deleted_at is null for update', [agencyId, year + 1]);
  if (!next) return;
  const [head] = await db.query<{ document: ReportDocument }>('select document from revisions where report_id = $1 and number = $2', [next.id, next.head]);
  await store(db, { id: next.id, agency_id: agencyId, year: year + 1 }, next.head, head!.document);
}

const BATCH = 200;

/** Counts the revisions stored without counts (before migration 0004, or reset by 0005); returns how many. */
export async function backfillRevisionSummaries(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query<{ report_id: string; agency_id: string; year: number; number: number; document: ReportDocument }>(
      `select v.report_id, r.agency_id, r.year, v.number, v.document from revisions v join reports r on r.id = v.report_id
        where v.errors is null order by v.report_id, v.number limit ${BATCH}`,
    );
    if (rows.length === 0) return total;
    await db.transaction(async (tx) => {
      const memo = new Map<string, ReportDocument | null>();
      for (const r of rows) await store(tx, { id: r.report_id, agency_id: r.agency_id, year: r.year }, r.number, r.document, memo);
    });
    total += rows.length;
  }
}
