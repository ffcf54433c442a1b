// Edits not yet acknowledged by the server, kept in this browser's localStorage: written before
// every save attempt and when the page is hidden, cleared once the server has stored them. They
// survive a reload or a server outage and are saved when the editor opens the report again.
import type { ReportDocument } from '../../core/index.ts';

export interface PendingEdit {
  /** The revision the edits were based on: saved with it, a newer revision means a merge. */
  baseRevision: number;
  document: ReportDocument;
  at: string;
}

const PREFIX = 'nianbao.pending.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readPending(reportId: string): PendingEdit | null {
  const raw = storage()?.getItem(PREFIX + reportId);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PendingEdit;
  } catch {
    return null;
  }
}

/** False when the browser refused (no storage, quota): the indicator then cannot promise a local copy. */
export function writePending(reportId: string, edit: PendingEdit): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(PREFIX + reportId, JSON.stringify(edit));
    return true;
  } catch {
    return false;
  }
}

export function clearPending(reportId: string): void {
  storage()?.removeItem(PREFIX + reportId);
}

/** How many reports have edits waiting in this browser. */
export function pendingCount(): number {
  const s = storage();
  if (!s) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(PREFIX)) n += 1;
  return n;
}
