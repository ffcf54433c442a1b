// The editor store: one state for what was typed and the document it makes, and a keystroke
// wakes only the table cells whose text, value, findings or marks it changed: the text through
// the field's subscription (a table input writes it without rendering), the rest through the cell's.
import { describe, expect, it } from 'vitest';
import { EditorStore } from '../../src/app/editor/editor-store.ts';
import { cellField, INPUT_CELLS, proseField } from '../../src/app/editor/form-model.ts';
import { CELL_IDS, type CellId, createBlankDocument } from '../../src/core/index.ts';

function zeroFilledStore() {
  const doc = createBlankDocument({ agency: '测试局', year: 2024 });
  for (const c of INPUT_CELLS) if (c.table === 't3') doc.cells[c.id] = 0;
  return new EditorStore(doc, null);
}

/** Everything a cell shows. */
const shown = (s: EditorStore, id: CellId) => JSON.stringify([s.text(cellField(id)), s.derived.cells[id], s.cellFindings(id), s.doc.notApplicable.includes(id), s.doc.origin.cells[id]]);

/** The cells whose subscribers heard of a change: `rendered` through the cell's subscription, `heard` through either. */
function woken(store: EditorStore, change: () => void) {
  const heard = new Set<CellId>();
  const rendered = new Set<CellId>();
  const unsubscribe = [
    ...CELL_IDS.map((id) => store.subscribeCell(id)(() => heard.add(id) && rendered.add(id))),
    ...INPUT_CELLS.map((c) => store.subscribeField(cellField(c.id))(() => heard.add(c.id))),
  ];
  const before = new Map(CELL_IDS.map((id) => [id, shown(store, id)]));
  change();
  unsubscribe.forEach((u) => u());
  const changed = new Set(CELL_IDS.filter((id) => before.get(id) !== shown(store, id)));
  return { heard, rendered, changed };
}

describe('editor store', () => {
  it('a keystroke in a cell wakes exactly the cells whose display it changed', () => {
    const store = zeroFilledStore();
    const { heard, changed } = woken(store, () => store.edit(cellField('t3.granted.natural'), '3'));
    expect(changed).toContain('t3.granted.natural');
    expect(changed).toContain('t3.granted.total');
    expect(changed).toContain('t3.total.natural');
    expect(heard).toEqual(changed);
    expect(heard.size).toBeLessThan(15);
  });

  it('typed text, 不适用 and undo live in the one store', () => {
    const store = zeroFilledStore();
    store.edit(cellField('t3.new.natural'), '1,000');
    expect(store.text(cellField('t3.new.natural'))).toBe('1,000');
    expect(store.doc.cells['t3.new.natural']).toBe(1000);
    store.edit(cellField('t3.new.natural'), '');
    store.setNotApplicable('t3.new.natural', true);
    expect(store.doc.notApplicable).toEqual(['t3.new.natural']);
    expect(store.undo()).toBe(true);
    expect(store.doc.notApplicable).toEqual([]);
    expect(store.undo()).toBe(true);
    expect(store.text(cellField('t3.new.natural'))).toBe('0');
    expect(store.doc.cells['t3.new.natural']).toBe(0);
  });

  it('prose typing and a number shown normalised wake no cell; the latter changes no document', () => {
    const store = zeroFilledStore();
    expect(woken(store, () => store.edit(proseField('problems'), '无')).heard.size).toBe(0);
    store.edit(cellField('t3.new.natural'), '１２');
    const doc = store.doc;
    const { heard } = woken(store, () => store.edit(cellField('t3.new.natural'), '12'));
    expect([...heard]).toEqual(['t3.new.natural']);
    expect(store.doc).toBe(doc);
  });

  it('a keystroke redraws its own cell at once and the views derived from it after the scheduled flush; saving hears at once', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    for (const c of INPUT_CELLS) if (c.table === 't3') doc.cells[c.id] = 0;
    let scheduled: (() => void) | null = null;
    const store = new EditorStore(doc, null, (run) => {
      scheduled = run;
    });
    let views = 0;
    let saves = 0;
    store.subscribeView(() => views++);
    store.subscribe(() => saves++);
    const { heard, rendered } = woken(store, () => store.edit(cellField('t3.granted.natural'), '3'));
    // Only the typed text is heard at once, by the field: nothing of the cell re-renders.
    expect([...heard]).toEqual(['t3.granted.natural']);
    expect(rendered.size).toBe(0);
    expect([views, saves]).toEqual([0, 1]);
    // The store itself is up to date: saving, undo and paste see the new total.
    expect(store.derived.cells['t3.granted.total']).toBe(3);
    const { heard: later } = woken(store, () => scheduled!());
    expect(later).toContain('t3.granted.total');
    expect(later).toContain('t3.total.natural');
    expect(views).toBe(1);
    // A change that is not typing (a paste, a zero-fill, an undo) is drawn at once.
    expect(woken(store, () => store.undo()).heard).toContain('t3.granted.total');
    expect(views).toBe(2);
  });

  it('an undo or a zero-fill before the flush reaches the field just typed, even when it puts back the text last drawn', () => {
    const store = new EditorStore(createBlankDocument({ agency: '测试局', year: 2024 }), null, () => {});
    const field = cellField('t3.new.natural');
    const shows = { text: store.text(field) };
    store.subscribeField(field)(() => {
      shows.text = store.text(field);
    });
    store.edit(field, '5');
    expect(shows.text).toBe('5');
    store.undo();
    expect(shows.text).toBe('');
    store.batch(() => store.edit(field, '0'));
    store.edit(field, '');
    // The zero-fill of empty cells, before typing pauses: the cell shows 0 again, as last drawn.
    store.batch(() => store.edit(field, '0'));
    expect(shows.text).toBe('0');
  });

  it('a keystroke is judged at the flush: its marks wait for it, saving sees its totals at once', () => {
    let scheduled: (() => void) | null = null;
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    for (const c of INPUT_CELLS) if (c.table === 't3') doc.cells[c.id] = 0;
    const store = new EditorStore(doc, null, (run) => {
      scheduled = run;
    });
    // 一·自然人 = 5 breaks the column's balance (一 + 二 = （七）总计 + 四).
    store.edit(cellField('t3.new.natural'), '5');
    expect(store.cellFindings('t3.new.natural')).toBeUndefined();
    scheduled!();
    expect(store.cellFindings('t3.new.natural')?.severity).toBe('error');
    store.edit(cellField('t3.new.natural'), '0');
    expect(store.derived.cells['t3.new.total']).toBe(0);
    expect(store.findings.some((f) => f.rule === 't3.balance')).toBe(false);
    scheduled!();
    expect(store.cellFindings('t3.new.natural')).toBeUndefined();
  });
});
