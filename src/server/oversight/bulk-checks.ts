// Bulk-check results an office keeps: stored as sent under the office's agency and a report year,
// listed per year, read back whole. Only the office's own agency's reviewers see them.
import { randomUUID } from 'node:crypto';
import type { BulkCheckInfo, BulkCheckRequest, KeptBulkCheck } from '../../api/oversight.ts';
import type { SessionUser } from '../context.ts';
import type { Queryable } from '../db/adapter.ts';
import { notFound } from '../http/errors.ts';
import { iso } from '../serialize.ts';

interface Row {
  id: string;
  year: number;
  saved_at: Date | string;
  saved_by: string;
  saver_name: string;
  files: number;
  with_errors: number;
  unreadable: number;
  [k: string]: unknown;
}

const SELECT = `select b.id, b.year, b.saved_at, b.saved_by, u.display_name as saver_name, b.files, b.with_errors, b.unreadable
  from bulk_checks b join users u on u.id = b.saved_by`;

const info = (r: Row): BulkCheckInfo => ({
  id: r.id,
  year: r.year,
  savedAt: iso(r.saved_at),
  savedBy: { id: r.saved_by, displayName: r.saver_name },
  files: r.files,
  withErrors: r.with_errors,
  unreadable: r.unreadable,
});

export async function keepBulkCheck(db: Queryable, user: SessionUser, req: BulkCheckRequest): Promise<BulkCheckInfo> {
  const id = randomUUID();
  // A row without counts is a file that could not be read.
  const unreadable = req.summary.filter((r) => r.errors === null).length;
  const withErrors = req.summary.filter((r) => (r.errors ?? 0) > 0).length;
  await db.query('insert into bulk_checks (id, agency_id, year, saved_by, files, with_errors, unreadable, summary, results) values ($1, $2, $3, $4, $5, $6, $7, $8::json, $9::json)', [
    id,
    user.agencyId,
    req.year,
    user.id,
    req.summary.length,
    withErrors,
    unreadable,
    JSON.stringify(req.summary),
    JSON.stringify(req.results),
  ]);
  const [row] = await db.query<Row>(`${SELECT} where b.id = $1`, [id]);
  return info(row!);
}

export async function listBulkChecks(db: Queryable, user: SessionUser, year: number): Promise<BulkCheckInfo[]> {
  const rows = await db.query<Row>(`${SELECT} where b.agency_id = $1 and b.year = $2 order by b.saved_at desc, b.id`, [user.agencyId, year]);
  return rows.map(info);
}

export async function keptBulkCheck(db: Queryable, user: SessionUser, id: string): Promise<KeptBulkCheck> {
  const [row] = await db.query<Row & { summary: KeptBulkCheck['summary']; results: unknown[] }>(
    `select b.id, b.year, b.saved_at, b.saved_by, u.display_name as saver_name, b.files, b.with_errors, b.unreadable, b.summary, b.results
       from bulk_checks b join users u on u.id = b.saved_by where b.id = $1 and b.agency_id = $2`,
    [id, user.agencyId],
  );
  // Another office's results answer as unknown ones.
  if (!row) throw notFound('未找到该检查结果');
  return { bulkCheck: info(row), summary: row.summary, results: row.results };
}
