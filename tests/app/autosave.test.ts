import { describe, expect, it } from 'vitest';
import { createBlankDocument, type ReportDocument } from '../../src/core/index.ts';
import { Autosaver } from '../../src/app/editor/autosave.ts';
import { EditorStore } from '../../src/app/editor/editor-store.ts';
import { MemoryReportStore } from '../../src/app/data/memory-store.ts';
import type { ReportRecord } from '../../src/app/data/store.ts';

async function setup(save?: (store: MemoryReportStore, id: string, doc: ReportDocument, rev: number) => Promise<ReportRecord>) {
  const reports = new MemoryReportStore();
  const record = await reports.create({ document: createBlankDocument({ agency: '测试局', year: 2024 }), previous: null });
  const editor = new EditorStore(record.document, null);
  const saver = new Autosaver(editor, record, (doc, rev) => (save ? save(reports, record.id, doc, rev) : reports.save(record.id, doc, rev)));
  return { reports, record, editor, saver };
}

const edit = (editor: EditorStore, saver: Autosaver, id: string, v: number) => {
  editor.update({ ...editor.doc, cells: { ...editor.doc.cells, [id]: v } });
  saver.changed();
};

describe('autosave', () => {
  it('saves the latest document with computed totals, revision after revision', async () => {
    const { reports, record, editor, saver } = await setup();
    edit(editor, saver, 't3.new.natural', 2);
    expect(saver.state.kind).toBe('pending');
    expect(saver.unsaved).toBe(true);
    await saver.flush();
    edit(editor, saver, 't3.new.business', 3);
    await saver.flush();
    const stored = await reports.get(record.id);
    expect(stored.revision).toBe(3);
    expect(stored.document.cells['t3.new.total']).toBe(5);
    expect(saver.state.kind).toBe('saved');
    expect(saver.unsaved).toBe(false);
  });

  it('a change made while a save is in flight is saved after it', async () => {
    const { reports, record, editor, saver } = await setup();
    edit(editor, saver, 't3.new.natural', 2);
    const first = saver.flush();
    edit(editor, saver, 't3.new.natural', 7);
    await first;
    await saver.flush();
    expect((await reports.get(record.id)).document.cells['t3.new.natural']).toBe(7);
  });

  it('reports a failed save in Chinese, keeps the change unsaved, and saves it on the next change', async () => {
    let fail = true;
    const { reports, record, editor, saver } = await setup((store, id, doc, rev) => (fail ? Promise.reject(new Error('磁盘已满')) : store.save(id, doc, rev)));
    edit(editor, saver, 't3.new.natural', 2);
    await saver.flush();
    expect(saver.state).toEqual({ kind: 'failed', message: '磁盘已满' });
    expect(saver.unsaved).toBe(true);
    fail = false;
    edit(editor, saver, 't3.new.business', 1);
    await saver.flush();
    expect((await reports.get(record.id)).document.cells['t3.new.natural']).toBe(2);
  });

  it('refuses to overwrite a newer revision saved elsewhere', async () => {
    const { reports, record, editor, saver } = await setup();
    await reports.save(record.id, record.document, record.revision);
    edit(editor, saver, 't3.new.natural', 2);
    await saver.flush();
    expect(saver.state.kind).toBe('failed');
    expect((saver.state as { message: string }).message).toContain('已在其他窗口或由其他人修改');
  });
});
