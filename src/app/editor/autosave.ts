// Autosave: every change is written shortly after typing pauses, and at once when the page is
// hidden or closed, so a reload loses nothing typed more than a moment before. Saving never
// waits for the report to be valid.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReportDocument } from '../../core/index.ts';
import type { ReportRecord } from '../data/store.ts';
import type { EditorStore } from './editor-store.ts';

export type SaveState = { kind: 'saved'; at: string } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export const AUTOSAVE_DELAY_MS = 400;

type Save = (document: ReportDocument, baseRevision: number) => Promise<ReportRecord>;

export class Autosaver {
  state: SaveState;
  private revision: number;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private store: EditorStore,
    record: ReportRecord,
    private save: Save,
  ) {
    this.revision = record.revision;
    this.state = { kind: 'saved', at: record.savedAt };
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(state: SaveState) {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** True while something typed is not yet stored. */
  get unsaved() {
    return this.dirty || this.inflight !== null;
  }

  changed() {
    this.dirty = true;
    if (this.state.kind !== 'saving') this.set({ kind: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inflight) return this.inflight.then(() => this.flush());
    if (!this.dirty) return;
    this.dirty = false;
    this.set({ kind: 'saving' });
    this.inflight = this.save(this.store.derived, this.revision).then(
      (record) => {
        this.revision = record.revision;
        if (!this.dirty) this.set({ kind: 'saved', at: record.savedAt });
      },
      (e: unknown) => {
        this.dirty = true;
        this.set({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    await this.inflight;
    this.inflight = null;
    if (this.dirty && this.state.kind !== 'failed') return this.flush();
  }
}

export function useAutosave(store: EditorStore, record: ReportRecord, save: Save): Autosaver {
  const [saver] = useState(() => new Autosaver(store, record, save));
  useEffect(() => {
    const unsubscribe = store.subscribe(() => saver.changed());
    const flush = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!saver.unsaved) return;
      flush();
      e.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [store, saver]);
  return saver;
}

export function useSaveState(saver: Autosaver): SaveState {
  return useSyncExternalStore(saver.subscribe, () => saver.state);
}
