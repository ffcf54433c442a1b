// The history timeline: autosaves grouped into editing sessions, only typed cells counted, and
// the workflow events in the same list.
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Revision } from '../../src/api/reports.ts';
import { historyTimeline, SESSION_GAP_MS } from '../../src/app/history/timeline.ts';
import type { CellId } from '../../src/core/index.ts';

const clerk = { id: 'u1', displayName: '张填报' };
const reviewer = { id: 'u2', displayName: '李审核' };
const t0 = Date.UTC(2026, 11, 1, 9);
const at = (ms: number) => new Date(t0 + ms).toISOString();

function revision(number: number, ms: number, cells: CellId[] = [], kind: Revision['kind'] = 'save', author = clerk): Revision {
  return { number, kind, author, createdAt: at(ms), changes: { cells, texts: [], fields: [] } };
}

function event(id: number, action: string, ms: number, revisionNo: number): AuditEntry {
  return { id, action, actor: action === 'submit' ? clerk : reviewer, fromStatus: null, toStatus: null, revision: revisionNo, detail: {}, at: at(ms) };
}

describe('historyTimeline', () => {
  it('groups autosaves of one sitting, counts typed cells only, and shows workflow events in order', () => {
    // 43 autosaves in 25 minutes, each typed cell followed by its totals.
    const saves = Array.from({ length: 43 }, (_, i) => revision(i + 2, 60_000 + i * 35_000, ['t3.new.natural', 't3.new.total', 't3.total.natural', 't3.total.total']));
    const later = revision(45, 60_000 + 42 * 35_000 + SESSION_GAP_MS + 1, ['t3.granted.business', 't3.granted.total']);
    const timeline = historyTimeline([revision(1, 0, [], 'create'), ...saves, later], [event(1, 'submit', 60_000 + 42 * 35_000 + SESSION_GAP_MS + 60_000, 45)]);
    expect(timeline.map((e) => (e.kind === 'event' ? e.event.action : `${e.revisions[0]!.number}-${e.revisions.at(-1)!.number}:${e.cells}`))).toEqual(['submit', '45-45:1', '2-44:1', '1-1:0']);
  });

  it('a workflow event or another person ends a session', () => {
    const timeline = historyTimeline(
      [revision(2, 0, ['t3.new.natural']), revision(3, 60_000, ['t3.new.business']), revision(4, 120_000, ['t3.new.research'], 'save', reviewer)],
      [event(1, 'return', 30_000, 2)],
    );
    expect(timeline.filter((e) => e.kind === 'revisions').map((e) => e.kind === 'revisions' && e.revisions.map((r) => r.number))).toEqual([[4], [3], [2]]);
  });
});
