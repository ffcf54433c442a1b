// One agency as the office sees it (the board's 未开始 rows open it): kind, parent, clerks, its
// reports by year with their stored counts, and the reminders sent to it with who has read them.
import type { OversightAgency } from '../../api/oversight.ts';
import type { ReportStatus } from '../../api/workflow.ts';
import { isWithin } from '../access.ts';
import type { Queryable } from '../db/adapter.ts';
import { notFound } from '../http/errors.ts';
import { iso } from '../serialize.ts';

type Time = Date | string;

export async function oversightAgency(db: Queryable, rootAgencyId: string, agencyId: string): Promise<OversightAgency> {
  // Another subtree's agency answers as an unknown one: its existence is not revealed.
  if (!(await isWithin(db, agencyId, rootAgencyId))) throw notFound('未找到该单位');
  const [a] = await db.query<{ id: string; name: string; kind: 'department' | 'government'; parent_id: string | null; parent_name: string | null }>(
    'select a.id, a.name, a.kind, a.parent_id, p.name as parent_name from agencies a left join agencies p on p.id = a.parent_id where a.id = $1',
    [agencyId],
  );
  if (!a) throw notFound('未找到该单位');
  const clerks = await db.query<{ id: string; display_name: string }>("select id, display_name from users where agency_id = $1 and role = 'clerk' and not disabled order by display_name", [agencyId]);
  const reports = await db.query<{ id: string; year: number; status: ReportStatus; head: number; updated_at: Time; saved_at: Time; errors: number; warnings: number }>(
    `select r.id, r.year, r.status, r.head, r.updated_at, v.created_at as saved_at, v.errors, v.warnings
       from reports r join revisions v on v.report_id = r.id and v.number = r.head
      where r.agency_id = $1 and r.deleted_at is null order by r.year desc`,
    [agencyId],
  );
  const reminders = await db.query<{ id: string; year: number; message: string; sent_at: Time; sent_by: string; sender_name: string; read_by: { displayName: string; at: string }[] | string }>(
    `select m.id, m.year, m.message, m.sent_at, m.sent_by, u.display_name as sender_name,
            coalesce((select json_agg(json_build_object('displayName', du.display_name, 'at', d.dismissed_at) order by d.dismissed_at)
                        from reminder_dismissals d join users du on du.id = d.user_id where d.reminder_id = m.id), '[]') as read_by
       from reminders m join users u on u.id = m.sent_by
      where m.agency_id = $1 order by m.sent_at desc, m.id`,
    [agencyId],
  );
  return {
    agency: { id: a.id, name: a.name, kind: a.kind, parentId: a.parent_id },
    parent: a.id !== rootAgencyId && a.parent_id ? { id: a.parent_id, name: a.parent_name! } : null,
    clerks: clerks.map((c) => ({ id: c.id, displayName: c.display_name })),
    reports: reports.map((r) => ({
      id: r.id,
      year: r.year,
      status: r.status,
      head: r.head,
      updatedAt: iso(r.updated_at),
      savedAt: iso(r.saved_at),
      errors: r.errors,
      warnings: r.warnings,
    })),
    reminders: reminders.map((m) => ({
      id: m.id,
      year: m.year,
      message: m.message,
      sentAt: iso(m.sent_at),
      sentBy: { id: m.sent_by, displayName: m.sender_name },
      readBy: (typeof m.read_by === 'string' ? (JSON.parse(m.read_by) as { displayName: string; at: string }[]) : m.read_by).map((r) => ({ displayName: r.displayName, at: iso(r.at) })),
    })),
  };
}
