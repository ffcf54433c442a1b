// Review comments as the editor shows them: open comments by cell (highlighted and shown beside
// the cell, like findings) and by step (shown at the top of the step they are about).

import type { ReviewComment } from '../../api/reports.ts';
import { type CellId, cellInfo, GOV_2021, getTable } from '../../core/index.ts';
import type { StepId } from './steps.ts';

export interface CommentIndex {
  all: ReviewComment[];
  /** Open comments by cell; the same array for a cell until its comments or their replies change. */
  byCell: Map<CellId, ReviewComment[]>;
}

export const EMPTY_COMMENTS: CommentIndex = { all: [], byCell: new Map() };

export function indexComments(comments: ReviewComment[], old: CommentIndex): CommentIndex {
  const byCell = new Map<CellId, ReviewComment[]>();
  for (const c of comments) {
    if (c.resolvedAt || !('cell' in c.target)) continue;
    byCell.set(c.target.cell, [...(byCell.get(c.target.cell) ?? []), c]);
  }
  for (const [id, list] of byCell) {
    const before = old.byCell.get(id);
    if (before && before.length === list.length && before.every((c, i) => c.id === list[i]!.id && c.replies.length === list[i]!.replies.length)) byCell.set(id, before);
  }
  return { all: comments, byCell };
}

/** The step a comment is about: its cell's table, or its section. */
export function stepOfComment(c: ReviewComment): StepId {
  if ('cell' in c.target) return getTable(GOV_2021, cellInfo(c.target.cell).table).section;
  const s = c.target.section;
  if (s === 'preamble') return 'cover';
  if (s === 'closing') return 'other';
  return GOV_2021.format.sections.find((x) => s === x.id || s.startsWith(`${x.id}.`))?.id ?? 'check';
}

/** What to focus for a comment: its cell or its prose field. */
export function commentSelector(c: ReviewComment): string | undefined {
  if ('cell' in c.target) return `[data-cell="${c.target.cell}"]`;
  const s = c.target.section;
  if (s.startsWith('overview.') || s === 'problems' || s === 'other') return `[data-prose="${s}"]`;
  return undefined;
}
