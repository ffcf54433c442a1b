// 催办: an office reminds agencies below it. The reminders table is the record (who, when, to whom,
// what); the agency's clerks read it in the app until each dismisses it. Sending anywhere else (mail,
// SMS) is a ReminderDelivery.
import { randomUUID } from 'node:crypto';
import type { Reminder, ReminderRequest, SentReminder } from '../../api/oversight.ts';
import { SUBTREE_SQL } from '../access.ts';
import type { SessionUser } from '../context.ts';
import type { Db, Queryable } from '../db/adapter.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { iso } from '../serialize.ts';

/** Hands stored reminders to the people they are for. Runs after the record is committed. */
export interface ReminderDelivery {
  deliver(db: Queryable, reminders: Reminder[]): Promise<void>;
}

/** In the app, the record is the inbox (GET /api/reminders): nothing more to send. */
export const inAppDelivery: ReminderDelivery = {
  async deliver() {},
};

interface ReminderRow {
  id: string;
  year: number;
  agency_id: string;
  message: string;
  sent_at: Date | string;
  sent_by: string;
  sender_name: string;
  sender_agency: string;
  dismissed_at: Date | string | null;
  [k: string]: unknown;
}

const SELECT = `select m.id, m.year, m.agency_id, m.message, m.sent_at, m.sent_by, u.display_name as sender_name, sa.name as sender_agency, d.dismissed_at
  from reminders m join users u on u.id = m.sent_by join agencies sa on sa.id = u.agency_id
  left join reminder_dismissals d on d.reminder_id = m.id and d.user_id = $1`;

function reminderOut(r: ReminderRow): Reminder {
  return {
    id: r.id,
    year: r.year,
    agencyId: r.agency_id,
    message: r.message,
    sentAt: iso(r.sent_at),
    sentBy: { id: r.sent_by, displayName: r.sender_name, agencyName: r.sender_agency },
    dismissedAt: r.dismissed_at === null ? null : iso(r.dismissed_at),
  };
}

export async function sendReminders(db: Db, user: SessionUser, req: ReminderRequest, delivery: ReminderDelivery): Promise<Reminder[]> {
  const agencyIds = [...new Set(req.agencyIds)];
  const reminders = await db.transaction(async (tx) => {
    const inside = await tx.query<{ id: string }>(`${SUBTREE_SQL} select id from subtree where id = any($2::text[])`, [user.agencyId, agencyIds]);
    // Unknown ids and other subtrees' ids answer alike, so nothing about them is revealed.
    if (inside.length !== agencyIds.length) throw forbidden('只能催办本单位及下级单位');
    const ids = agencyIds.map(() => randomUUID());
    await tx.query('insert into reminders (id, year, agency_id, message, sent_by) select t.id, $2, t.agency_id, $4, $5 from unnest($1::text[], $3::text[]) as t(id, agency_id)', [
      ids,
      req.year,
      agencyIds,
      req.message,
      user.id,
    ]);
    return tx.query<ReminderRow>(`${SELECT} where m.id = any($2::text[]) order by m.agency_id`, [user.id, ids]);
  });
  const out = reminders.map(reminderOut);
  await delivery.deliver(db, out);
  return out;
}

/** The reminders sent to the user's agency, newest first (`unread`: those the user has not dismissed). */
export async function listReminders(db: Queryable, user: SessionUser, unread: boolean): Promise<Reminder[]> {
  const rows = await db.query<ReminderRow>(`${SELECT} where m.agency_id = $2 ${unread ? 'and d.dismissed_at is null' : ''} order by m.sent_at desc, m.id`, [user.id, user.agencyId]);
  return rows.map(reminderOut);
}

export async function setDismissed(db: Db, user: SessionUser, reminderId: string, dismissed: boolean): Promise<Reminder> {
  return db.transaction(async (tx) => {
    const [own] = await tx.query('select 1 from reminders where id = $1 and agency_id = $2', [reminderId, user.agencyId]);
    if (!own) throw notFound('未找到该催办');
    if (dismissed) await tx.query('insert into reminder_dismissals (reminder_id, user_id) values ($1, $2) on conflict do nothing', [reminderId, user.id]);
    else await tx.query('delete from reminder_dismissals where reminder_id = $1 and user_id = $2', [reminderId, user.id]);
    const [row] = await tx.query<ReminderRow>(`${SELECT} where m.id = $2`, [user.id, reminderId]);
    return reminderOut(row!);
  });
}

/** What the office sent to its subtree for a year, newest first: the record behind the board's column. */
export async function sentReminders(db: Queryable, rootAgencyId: string, year: number): Promise<SentReminder[]> {
  const rows = await db.query<{ id: string; agency_id: string; agency_name: string; message: string; sent_at: Date | string; sent_by: string; sender_name: string }>(
    `${SUBTREE_SQL} select m.id, m.agency_id, a.name as agency_name, m.message, m.sent_at, m.sent_by, u.display_name as sender_name
       from reminders m join agencies a on a.id = m.agency_id join users u on u.id = m.sent_by
      where m.year = $2 and m.agency_id in (select id from subtree) order by m.sent_at desc, a.name`,
    [rootAgencyId, year],
  );
  return rows.map((r) => ({
    id: r.id,
    year,
    agency: { id: r.agency_id, name: r.agency_name },
    message: r.message,
    sentAt: iso(r.sent_at),
    sentBy: { id: r.sent_by, displayName: r.sender_name },
  }));
}
