// The office's progress board: every agency of the reviewer's subtree — also those without a report
// for the year — with its report's status, deadline, stored finding counts, clerks and last
// reminder, in one query.
import type { OversightBoard, OversightRow } from '../../api/oversight.ts';
import type { ReportStatus } from '../../api/workflow.ts';
import { SUBTREE_SQL } from '../access.ts';
import type { Queryable } from '../db/adapter.ts';
import { iso } from '../serialize.ts';
import { chinaDate, deadlineStatus } from './calendar.ts';

interface BoardRow {
  id: string;
  name: string;
  kind: 'department' | 'government';
  parent_id: string | null;
  report_id: string | null;
  status: ReportStatus | null;
  head: number | null;
  updated_at: Date | string | null;
  saved_at: Date | string | null;
  errors: number | null;
  warnings: number | null;
  reminder_at: Date | string | null;
  reminder_by: string | null;
  clerks: { id: string; displayName: string }[] | string | null;
  [k: string]: unknown;
}

export async function oversightBoard(db: Queryable, rootAgencyId: string, year: number, today = chinaDate()): Promise<OversightBoard> {
  const rows = await db.query<BoardRow>(
    `${SUBTREE_SQL}
     select a.id, a.name, a.kind, a.parent_id,
            r.id as report_id, r.status, r.head, r.updated_at, v.created_at as saved_at, v.errors, v.warnings,
            m.sent_at as reminder_at, mu.display_name as reminder_by, c.clerks
       from subtree s
       join agencies a on a.id = s.id
       left join reports r on r.agency_id = a.id and r.year = $2 and r.deleted_at is null
       left join revisions v on v.report_id = r.id and v.number = r.head
       left join lateral (select sent_at, sent_by from reminders where agency_id = a.id and year = $2 order by sent_at desc limit 1) m on true
       left join users mu on mu.id = m.sent_by
       left join (select agency_id, json_agg(json_build_object('id', id, 'displayName', display_name) order by display_name) as clerks
                    from users where role = 'clerk' and not disabled group by agency_id) c on c.agency_id = a.id
      order by a.name`,
    [rootAgencyId, year],
  );
  return { year, agencies: rows.map((r) => boardRow(r, year, today)) };
}

function boardRow(r: BoardRow, year: number, today: string): OversightRow {
  const { deadline, daysLeft, overdue } = deadlineStatus(r.kind, year, r.status === 'published', today);
  const clerks = typeof r.clerks === 'string' ? (JSON.parse(r.clerks) as OversightRow['clerks']) : (r.clerks ?? []);
  return {
    agency: { id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id },
    report: r.report_id ? { id: r.report_id, status: r.status!, head: r.head!, updatedAt: iso(r.updated_at), savedAt: iso(r.saved_at) } : null,
    deadline,
    overdue,
    daysLeft,
    errors: r.report_id ? r.errors : null,
    warnings: r.report_id ? r.warnings : null,
    lastReminder: r.reminder_at ? { at: iso(r.reminder_at), by: r.reminder_by! } : null,
    clerks,
  };
}
