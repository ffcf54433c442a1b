// @vitest-environment jsdom
// Typing in a page: what a keystroke changes elsewhere (totals, marks) is drawn once typing pauses,
// so keys typed in quick succession are each drawn alone; saving still sees every total at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorStore, TYPING_PAUSE_MS } from '../../src/app/editor/editor-store.ts';
import { cellField, INPUT_CELLS } from '../../src/app/editor/form-model.ts';
import { createBlankDocument } from '../../src/core/index.ts';

function zeroFilledStore() {
  const doc = createBlankDocument({ agency: '测试局', year: 2024 });
  for (const c of INPUT_CELLS) if (c.table === 't3') doc.cells[c.id] = 0;
  return new EditorStore(doc, null);
}

describe('derived views of a visible page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('wait until typing pauses for TYPING_PAUSE_MS, then draw the last keystroke once', () => {
    expect(document.hidden).toBe(false);
    const store = zeroFilledStore();
    let totalDrawn = 0;
    store.subscribeCell('t3.granted.total')(() => totalDrawn++);
    const field = cellField('t3.granted.natural');
    store.edit(field, '1');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    store.edit(field, '12');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    // Two keys, each within the pause of the one before: nothing derived drawn yet, but saving sees the total.
    expect(totalDrawn).toBe(0);
    expect(store.derived.cells['t3.granted.total']).toBe(12);
    vi.advanceTimersByTime(1);
    expect(totalDrawn).toBe(1);
    expect(store.cellFindings('t3.new.natural')?.severity).toBe('error');
    vi.advanceTimersByTime(10 * TYPING_PAUSE_MS);
    expect(totalDrawn).toBe(1);
  });

  it('a change that is not typing is drawn at once and settles a pending keystroke', () => {
    const store = zeroFilledStore();
    let totalDrawn = 0;
    store.subscribeCell('t3.granted.total')(() => totalDrawn++);
    store.edit(cellField('t3.granted.natural'), '3');
    // A paste into the next cell: both cells' change is drawn now.
    store.batch(() => store.edit(cellField('t3.granted.business'), '4'));
    expect(totalDrawn).toBe(1);
    expect(store.derived.cells['t3.granted.total']).toBe(7);
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(totalDrawn).toBe(1);
  });
});
