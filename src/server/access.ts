// Who may see and do what. Clerks work on their own agency's reports; reviewers see and review their
// agency's and every subordinate agency's; administrators manage accounts and agencies, not reports.
// A report the user may not read answers 404, so its existence is not revealed.
import type { Role } from '../api/accounts.ts';
import type { ReportStatus } from '../api/workflow.ts';
import type { AgencyKind } from '../core/index.ts';
import type { SessionUser } from './context.ts';
import type { Queryable } from './db/adapter.ts';
import { forbidden, notFound } from './http/errors.ts';

export interface ReportRow {
  id: string;
  agency_id: string;
  agency_name: string;
  agency_kind: AgencyKind;
  year: number;
  status: ReportStatus;
  head: number;
  created_at: Date | string;
  updated_at: Date | string;
  /** A draft that was never submitted (so never published): its clerks may delete it. */
  deletable: boolean;
  [k: string]: unknown;
}

/** Never-submitted is read from the audit log, which records every transition (submit is the only way out of 草稿). */
export const REPORT_COLUMNS = `r.id, r.agency_id, a.name as agency_name, a.kind as agency_kind, r.year, r.status, r.head, r.created_at, r.updated_at,
  (r.status = 'draft'
    and not exists (select 1 from audit_log l where l.report_id = r.id and l.action = 'submit')
    and not exists (select 1 from publications p where p.report_id = r.id)) as deletable`;

/** Deleted reports (soft-deleted drafts) are invisible everywhere; every query of reports adds this. */
export const LIVE = 'r.deleted_at is null';

/** Agency ids of `root` and everything below it. */
export const SUBTREE_SQL = `with recursive subtree(id) as (
  select id from agencies where id = $1
  union select a.id from agencies a join subtree s on a.parent_id = s.id)`;

export async function isWithin(db: Queryable, agencyId: string, rootId: string): Promise<boolean> {
  if (agencyId === rootId) return true;
  const rows = await db.query(`${SUBTREE_SQL} select 1 from subtree where id = $2`, [rootId, agencyId]);
  return rows.length > 0;
}

export async function canRead(db: Queryable, user: SessionUser, agencyId: string): Promise<boolean> {
  if (user.role === 'clerk') return user.agencyId === agencyId;
  if (user.role === 'reviewer') return isWithin(db, agencyId, user.agencyId);
  return false;
}

/** The report, if the user may read it and (when `role` is given) act on it in that role. */
export async function reportFor(db: Queryable, user: SessionUser, reportId: string, role?: Role, forUpdate = false): Promise<ReportRow> {
  const [report] = await db.query<ReportRow>(`select ${REPORT_COLUMNS} from reports r join agencies a on a.id = r.agency_id where r.id = $1 and ${LIVE}${forUpdate ? ' for update of r' : ''}`, [
    reportId,
  ]);
  if (!report || !(await canRead(db, user, report.agency_id))) throw notFound('未找到该报告');
  if (role && user.role !== role) throw forbidden(role === 'clerk' ? '只有本单位的填报员可以执行此操作' : '只有审核员可以执行此操作');
  return report;
}

export function requireRole(user: SessionUser, role: Role): void {
  if (user.role !== role) throw forbidden();
}
