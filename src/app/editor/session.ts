// Everything a step needs about the open report: the editor store (the fields' text, the
// document, totals, findings, undo), review comments, the mode, and navigation to a step or a cell.
import { createContext, useContext } from 'react';
import type { LastYear } from '../../api/reports.ts';
import type { CellId } from '../../core/index.ts';
import type { Signal } from '../signal.ts';
import type { Autosaver } from './autosave.ts';
import type { CommentIndex } from './comments.ts';
import type { EditorStore } from './editor-store.ts';
import type { StepId } from './steps.ts';

/** edit: the clerk's draft; readOnly: the report is with the reviewer or published; review: the 审核员. */
export type EditorMode = 'edit' | 'readOnly' | 'review';

export interface EditorSession {
  reportId: string;
  mode: EditorMode;
  store: EditorStore;
  /** Last year's report (its document is store.previous) and where it comes from. */
  lastYear: LastYear | null;
  saver: Autosaver;
  /** Open review comments, by cell. */
  comments: Signal<CommentIndex>;
  /** The table cell that has focus (or last had it), for the cell bar and 不适用. */
  focusedCell: Signal<CellId | null>;
  /** Polite announcements for screen readers and the status line (paste, zero-fill). */
  announce: Signal<string>;
  /** Opens a step and focuses an element in it (a cell, a prose field). */
  goTo(step: StepId, selector?: string): void;
}

export const SessionContext = createContext<EditorSession | null>(null);

export function useSession(): EditorSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('EditorSession missing');
  return session;
}
