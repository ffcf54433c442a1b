// @vitest-environment jsdom
// Autosave against the real server: revisions, a change during a save, a stale save (409) that
// stops saving until merged, and edits kept in localStorage while the server is unreachable.
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../../src/app/data/api.ts';
import { ApiClient } from '../../src/app/data/api-client.ts';
import { readPending } from '../../src/app/data/pending.ts';
import { Autosaver } from '../../src/app/editor/autosave.ts';
import { EditorStore } from '../../src/app/editor/editor-store.ts';
import { cellField } from '../../src/app/editor/form-model.ts';
import { type CellId, createBlankDocument, mergeDocuments, withDerivedTotals } from '../../src/core/index.ts';
import { freePort } from '../server/support/postgres.ts';
import { cookieFetch, createReport, withAppServer } from './render-app.tsx';

const world = withAppServer();
// The tests decide when a save happens (flush); a timer firing on its own would race them on a slow machine.
const MANUAL = { afterTypingMs: 3_600_000, offlineRetryMs: 3_600_000 };
afterEach(() => localStorage.clear());

async function setup(target?: { store: ApiClient | null }) {
  const reports = await world.store();
  const record = await createReport(reports, createBlankDocument({ agency: '测试局', year: 2024 }));
  const id = record.report.id;
  const editor = new EditorStore(record.document, null);
  const saver = new Autosaver(
    editor,
    id,
    { revision: record.revision.number, at: record.revision.createdAt },
    async (doc, rev) => {
      const { revision } = await (target?.store ?? reports).save(id, doc, rev);
      return { revision: revision.number, at: revision.createdAt };
    },
    MANUAL,
  );
  return { reports, id, editor, saver };
}

const edit = (editor: EditorStore, saver: Autosaver, id: CellId, v: number) => {
  editor.edit(cellField(id), String(v));
  saver.changed();
};

describe('autosave', () => {
  it('saves the latest document with computed totals, revision after revision', async () => {
    const { reports, id, editor, saver } = await setup();
    edit(editor, saver, 't3.new.natural', 2);
    expect(saver.state.kind).toBe('pending');
    expect(saver.unsaved).toBe(true);
    await saver.flush();
    edit(editor, saver, 't3.new.business', 3);
    await saver.flush();
    const stored = await reports.get(id);
    expect(stored.revision.number).toBe(3);
    expect(stored.document.cells['t3.new.total']).toBe(5);
    expect(saver.state.kind).toBe('saved');
    expect(saver.unsaved).toBe(false);
    expect(readPending(id)).toBeNull();
  });

  it('a change made while a save is in flight is saved after it', async () => {
    const { reports, id, editor, saver } = await setup();
    edit(editor, saver, 't3.new.natural', 2);
    const first = saver.flush();
    edit(editor, saver, 't3.new.natural', 7);
    await first;
    await saver.flush();
    expect((await reports.get(id)).document.cells['t3.new.natural']).toBe(7);
  });

  it('keeps edits in this browser while the server is unreachable and saves them when it answers', async () => {
    const unreachable = new ApiClient(new Api(`http://127.0.0.1:${await freePort()}`, cookieFetch()));
    const target = { store: unreachable as ApiClient | null };
    const { reports, id, editor, saver } = await setup(target);
    edit(editor, saver, 't3.new.natural', 4);
    await saver.flush();
    expect(saver.state).toEqual({ kind: 'offline', local: true });
    expect(readPending(id)?.document.cells['t3.new.natural']).toBe(4);
    target.store = null;
    saver.retry();
    await saver.flush();
    expect(saver.state.kind).toBe('saved');
    expect((await reports.get(id)).document.cells['t3.new.natural']).toBe(4);
    expect(readPending(id)).toBeNull();
  });

  it('carries on without a conflict when the newer revision is exactly this document (an answer lost on the way)', async () => {
    const { reports, id, editor, saver } = await setup();
    const otherTab = await world.store();
    edit(editor, saver, 't3.new.natural', 2);
    // The same document reached the server from this browser before (e.g. from the page that closed).
    await otherTab.save(id, editor.derived, 1);
    await saver.flush();
    expect(saver.state.kind).toBe('saved');
    expect(saver.revision).toBe(2);
    expect((await reports.get(id)).revision.number).toBe(2);
    expect(readPending(id)).toBeNull();
  });

  it('a save based on an old revision gets 409 with their changes; nothing is saved until merged', async () => {
    const { reports, id, editor, saver } = await setup();
    const base = structuredClone(editor.derived);
    const other = await world.store();
    const theirs = structuredClone(base);
    theirs.cells['t3.new.business'] = 9;
    await other.save(id, withDerivedTotals(theirs), 1);
    edit(editor, saver, 't3.new.natural', 2);
    await saver.flush();
    expect(saver.state.kind).toBe('conflict');
    const error = (saver.state as Extract<typeof saver.state, { kind: 'conflict' }>).error;
    expect(error.message).toContain('张填报');
    expect(error.theirChanges.cells.map((c) => c.id)).toEqual(['t3.new.business', 't3.new.total']);
    // Blocked: more typing does not resend the old document.
    edit(editor, saver, 't3.new.research', 1);
    await saver.flush();
    expect((await reports.get(id)).revision.number).toBe(2);
    expect(readPending(id)?.document.cells['t3.new.research']).toBe(1);

    const merged = mergeDocuments(base, editor.derived, error.current.document);
    expect(merged.conflicts.cells).toEqual(['t3.new.total']);
    editor.replace(merged.document);
    saver.rebase(error.current.revision.number, error.current.revision.createdAt, true);
    await saver.flush();
    const stored = (await reports.get(id)).document;
    expect([stored.cells['t3.new.natural'], stored.cells['t3.new.business'], stored.cells['t3.new.research'], stored.cells['t3.new.total']]).toEqual([2, 9, 1, 12]);
  });
});
