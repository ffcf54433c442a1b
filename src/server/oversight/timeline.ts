// The cycle's progress by day: how many of the subtree's reports for the year had been submitted
// (first submission) and published (first publication) by each date, read from the audit log.
import type { OversightTimeline } from '../../api/oversight.ts';
import { SUBTREE_SQL } from '../access.ts';
import type { Queryable } from '../db/adapter.ts';
import { chinaDate, deadlineStatus } from './calendar.ts';

const DAY_MS = 86_400_000;

export async function oversightTimeline(db: Queryable, rootAgencyId: string, year: number, today = chinaDate()): Promise<OversightTimeline> {
  const rows = await db.query<{ submitted_at: Date | string | null; published_at: Date | string | null }>(
    `${SUBTREE_SQL}
     select min(l.at) filter (where l.action = 'submit') as submitted_at, min(l.at) filter (where l.action = 'publish') as published_at
       from reports r join audit_log l on l.report_id = r.id and l.action in ('submit', 'publish')
      where r.year = $2 and r.deleted_at is null and r.agency_id in (select id from subtree)
      group by r.id`,
    [rootAgencyId, year],
  );
  const day = (t: Date | string | null) => (t === null ? null : chinaDate(new Date(t)));
  const submitted = rows.map((r) => day(r.submitted_at)).filter((d) => d !== null);
  const published = rows.map((r) => day(r.published_at)).filter((d) => d !== null);
  const dates = [...submitted, ...published].sort();
  if (dates.length === 0) return { year, days: [] };
  // Through today while the cycle runs (a flat line shows a stall), else up to the last event.
  const cycleEnd = deadlineStatus('government', year, false, today).deadline;
  const through = [dates.at(-1)!, today < cycleEnd ? today : cycleEnd].sort().at(-1)!;
  const count = (list: string[]) => {
    const perDay = new Map<string, number>();
    for (const d of list) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    return perDay;
  };
  const [submittedOn, publishedOn] = [count(submitted), count(published)];
  const days: OversightTimeline['days'] = [];
  let s = 0;
  let p = 0;
  for (let t = Date.parse(dates[0]!); t <= Date.parse(through); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    s += submittedOn.get(date) ?? 0;
    p += publishedOn.get(date) ?? 0;
    days.push({ date, submitted: s, published: p });
  }
  return { year, days };
}
