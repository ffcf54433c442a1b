// The report's history as a person reads it: autosaves grouped into editing sessions (one entry
// per pause of minutes), counting only the cells a person changed (not the totals that followed),
// with the workflow events (提交、退回、审核通过、发布、重新打开…) in the same timeline.

import type { AuditEntry, Revision } from '../../api/reports.ts';
import { cellInfo, isCellId } from '../../core/index.ts';

/** A pause longer than this ends an editing session. */
export const SESSION_GAP_MS = 5 * 60_000;

export type TimelineEntry = { kind: 'revisions'; revisions: Revision[]; cells: number; texts: number; fields: number; at: string } | { kind: 'event'; event: AuditEntry; at: string };

const time = (iso: string) => new Date(iso).getTime();

function session(revisions: Revision[]): TimelineEntry {
  const cells = new Set<string>();
  const texts = new Set<string>();
  const fields = new Set<string>();
  for (const r of revisions) {
    for (const id of r.changes.cells) if (!isCellId(id) || !cellInfo(id).computed) cells.add(id);
    r.changes.texts.forEach((t) => texts.add(t));
    r.changes.fields.forEach((f) => fields.add(f));
  }
  return { kind: 'revisions', revisions, cells: cells.size, texts: texts.size, fields: fields.size, at: revisions[revisions.length - 1]!.createdAt };
}

/** Newest first. `events`: the audit log's workflow entries. */
export function historyTimeline(revisions: readonly Revision[], events: readonly AuditEntry[]): TimelineEntry[] {
  const ascending = [...revisions].sort((a, b) => a.number - b.number);
  const eventTimes = events.map((e) => time(e.at));
  const out: TimelineEntry[] = [];
  let open: Revision[] = [];
  const close = () => {
    if (open.length) out.push(session(open));
    open = [];
  };
  for (const r of ascending) {
    const last = open[open.length - 1];
    const continues =
      last &&
      r.kind === 'save' &&
      last.kind === 'save' &&
      r.author.id === last.author.id &&
      time(r.createdAt) - time(last.createdAt) <= SESSION_GAP_MS &&
      !eventTimes.some((t) => t > time(last.createdAt) && t < time(r.createdAt));
    if (!continues) close();
    open.push(r);
  }
  close();
  for (const event of events) out.push({ kind: 'event', event, at: event.at });
  return out.sort((a, b) => time(b.at) - time(a.at) || (a.kind === 'event' ? -1 : 1));
}
