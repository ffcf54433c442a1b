// The 政务公开 office's reminders (催办) as the agency's clerks see them: a list on the start screen,
// a banner in the editor, a count in the header — until each clerk dismisses them (知道了).
import type { Reminder } from '../../api/oversight.ts';
import { useDismissReminder, useUnreadReminders } from '../data/oversight.ts';
import { useUser } from '../data/queries.ts';

const when = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** The clerk's unread reminders; other roles have none. */
function useMyReminders(): Reminder[] {
  const isClerk = useUser().role === 'clerk';
  return useUnreadReminders(isClerk).data ?? [];
}

function ReminderItem({ reminder }: { reminder: Reminder }) {
  const dismiss = useDismissReminder();
  return (
    <li className="reminder">
      <p className="reminder-message">{reminder.message}</p>
      <p className="reminder-meta">
        {reminder.sentBy.agencyName} {reminder.sentBy.displayName} 催办 {reminder.year} 年度报告 · {when(reminder.sentAt)}
        <button type="button" className="small" onClick={() => dismiss.mutate(reminder.id)} disabled={dismiss.isPending} aria-label={`知道了：${reminder.message}`}>
          知道了
        </button>
      </p>
      {dismiss.isError && <p className="form-error">操作失败：{dismiss.error.message}</p>}
    </li>
  );
}

/** On the clerk's start screen. */
export function ReminderList() {
  const reminders = useMyReminders();
  if (!reminders.length) return null;
  return (
    <section className="reminders" aria-labelledby="reminders-title">
      <h2 id="reminders-title">催办消息（{reminders.length}）</h2>
      <ul>
        {reminders.map((r) => (
          <ReminderItem key={r.id} reminder={r} />
        ))}
      </ul>
    </section>
  );
}

/** In the editor: the reminders about this report's year. */
export function ReminderBanner({ year }: { year: number }) {
  const reminders = useMyReminders().filter((r) => r.year === year);
  if (!reminders.length) return null;
  return (
    <section className="reminders banner" aria-label="催办消息">
      <ul>
        {reminders.map((r) => (
          <ReminderItem key={r.id} reminder={r} />
        ))}
      </ul>
    </section>
  );
}

/** In the header: how many reminders are unread. */
export function ReminderBadge() {
  const count = useMyReminders().length;
  if (!count) return null;
  return (
    <a className="reminder-badge" href="#/" aria-label={`${count} 条未读催办消息`}>
      催办 <span className="badge error">{count}</span>
    </a>
  );
}
