// Autosave to the server: every change is saved shortly after typing pauses, and at once when the
// page is hidden or closed. Each save names the revision it is based on; before it is sent the
// document is kept in this browser (pending.ts), so nothing is lost to a reload or an outage:
// - offline: the edits wait locally and are saved when the server answers again;
// - someone else saved first (409): saving stops until the person reviews, merges or reloads —
//   the old document is never resent with the new base;
// - the report left the clerk (submitted elsewhere): the editor turns read-only.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { diffDocuments, isEmptyDiff, type ReportDocument } from '../../core/index.ts';
import { NotEditableError, OfflineError, StaleRevisionError } from '../data/api.ts';
import { clearPending, writePending } from '../data/pending.ts';
import type { EditorStore } from './editor-store.ts';

export type SaveState =
  | { kind: 'saved'; at: string /** What the server removed (invisible characters), in Chinese. */; notice?: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The server is unreachable; `local` says whether the edits are kept in this browser. */
  | { kind: 'offline'; local: boolean }
  | { kind: 'conflict'; error: StaleRevisionError }
  | { kind: 'notEditable'; error: NotEditableError }
  | { kind: 'failed'; message: string };

export const AUTOSAVE_DELAY_MS = 400;
export const OFFLINE_RETRY_MS = 3000;

export type Save = (document: ReportDocument, baseRevision: number) => Promise<{ revision: number; at: string; notice?: string }>;

/** How long typing must pause before a save, and how long to wait before retrying while offline. */
export interface AutosaveDelays {
  afterTypingMs: number;
  offlineRetryMs: number;
}
const DEFAULT_DELAYS: AutosaveDelays = { afterTypingMs: AUTOSAVE_DELAY_MS, offlineRetryMs: OFFLINE_RETRY_MS };

export class Autosaver {
  state: SaveState;
  /** The server revision the editor's document is based on. */
  revision: number;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private store: EditorStore,
    private reportId: string,
    start: { revision: number; at: string },
    private save: Save,
    private delays: AutosaveDelays = DEFAULT_DELAYS,
  ) {
    this.revision = start.revision;
    this.state = { kind: 'saved', at: start.at };
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(state: SaveState) {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** True while something typed is not yet stored on the server. */
  get unsaved() {
    return this.dirty || this.inflight !== null;
  }

  /** Saving waits for the person (a conflict to resolve) or cannot happen (read-only). */
  get blocked() {
    return this.state.kind === 'conflict' || this.state.kind === 'notEditable';
  }

  changed() {
    this.dirty = true;
    if (this.blocked) return this.keepLocally();
    // Already pending: the indicator stays as it is (it would redraw on every keystroke).
    if (this.state.kind !== 'saving' && this.state.kind !== 'offline' && this.state.kind !== 'pending') this.set({ kind: 'pending' });
    this.schedule(this.delays.afterTypingMs);
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** Writes unsaved edits to this browser at once (the page is being hidden or closed). */
  keepLocally(): boolean {
    if (!this.unsaved) return true;
    return writePending(this.reportId, { baseRevision: this.revision, document: this.store.derived, at: new Date().toISOString() });
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inflight) return this.inflight.then(() => this.flush());
    if (!this.dirty || this.blocked) return;
    this.dirty = false;
    const document = this.store.derived;
    const local = writePending(this.reportId, { baseRevision: this.revision, document, at: new Date().toISOString() });
    if (this.state.kind !== 'offline') this.set({ kind: 'saving' });
    this.inflight = this.save(document, this.revision).then(
      (saved) => {
        this.revision = saved.revision;
        if (!this.dirty) {
          clearPending(this.reportId);
          this.set({ kind: 'saved', at: saved.at, notice: saved.notice });
        }
      },
      (e: unknown) => {
        if (e instanceof StaleRevisionError && isEmptyDiff(diffDocuments(document, e.current.document))) {
          // The newer revision already holds exactly this document (an earlier attempt arrived but its
          // answer was lost, e.g. the page closed): nothing to merge, carry on from it.
          this.revision = e.current.revision.number;
          this.dirty = this.store.derived !== document;
          if (this.dirty) return this.set({ kind: 'pending' });
          clearPending(this.reportId);
          return this.set({ kind: 'saved', at: e.current.revision.createdAt });
        }
        this.dirty = true;
        if (e instanceof OfflineError) {
          this.set({ kind: 'offline', local });
          this.schedule(this.delays.offlineRetryMs);
        } else if (e instanceof StaleRevisionError) this.set({ kind: 'conflict', error: e });
        else if (e instanceof NotEditableError) this.set({ kind: 'notEditable', error: e });
        else this.set({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    await this.inflight;
    this.inflight = null;
    if (this.dirty && (this.state.kind === 'saving' || this.state.kind === 'pending' || this.state.kind === 'saved')) return this.flush();
  }

  /** Tries again now (the browser says it is back online). */
  retry() {
    if (this.state.kind === 'offline' || this.state.kind === 'failed') void this.flush();
  }

  /**
   * After a conflict: the editor now shows a document based on `revision` — a merge still to be
   * saved (`unsaved`), or the server's newest document as it is.
   */
  rebase(revision: number, at: string, unsaved: boolean) {
    this.revision = revision;
    this.dirty = unsaved;
    if (unsaved) {
      this.set({ kind: 'pending' });
      void this.flush();
    } else {
      clearPending(this.reportId);
      this.set({ kind: 'saved', at });
    }
  }
}

export function useAutosave(store: EditorStore, reportId: string, start: { revision: number; at: string; unsaved: boolean }, save: Save, enabled: boolean): Autosaver {
  const [saver] = useState(() => new Autosaver(store, reportId, start, save));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `start` is the state at mount, which the saver was made from
  useEffect(() => {
    if (!enabled) return;
    // A change of the document is saved; text shown differently (a number normalised) is not a change.
    let seen = store.doc;
    const unsubscribe = store.subscribe(() => {
      if (store.doc === seen) return;
      seen = store.doc;
      saver.changed();
    });
    // Edits kept in this browser from an earlier visit are saved first thing.
    if (start.unsaved) saver.changed();
    const flush = () => {
      saver.keepLocally();
      void saver.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    // Edits kept in this browser are not lost by leaving; warn only when the browser refused to keep them.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!saver.unsaved) return;
      const kept = saver.keepLocally();
      void saver.flush();
      if (!kept) e.preventDefault();
    };
    const onOnline = () => saver.retry();
    window.addEventListener('pagehide', flush);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
    // `start` is read once, when the editor opens.
  }, [store, saver, enabled]);
  return saver;
}

export function useSaveState(saver: Autosaver): SaveState {
  return useSyncExternalStore(saver.subscribe, () => saver.state);
}
