// @vitest-environment jsdom
// Typing in a page: what a keystroke changes elsewhere (totals, marks) is drawn once typing pauses
// in the typist's own rhythm, so keys typed in quick succession are each drawn alone; saving still
// sees every total at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorStore } from '../../src/app/editor/editor-store.ts';
import { cellField, INPUT_CELLS } from '../../src/app/editor/form-model.ts';
import { afterTypingPause, LONGEST_PAUSE_MS, TYPING_PAUSE_MS, TypingRhythm } from '../../src/app/editor/typing-pause.ts';
import { createBlankDocument } from '../../src/core/index.ts';

function zeroFilledStore() {
  const doc = createBlankDocument({ agency: '测试局', year: 2024 });
  for (const c of INPUT_CELLS) if (c.table === 't3') doc.cells[c.id] = 0;
  // The fake clock drives both the timers and the rhythm's timestamps.
  return new EditorStore(
    doc,
    null,
    afterTypingPause(() => Date.now()),
  );
}

describe('the typing rhythm', () => {
  const pausesAfter = (times: number[]) => {
    const rhythm = new TypingRhythm();
    return times.map((t) => rhythm.keyAt(t));
  };

  it('waits the shortest pause for a fast typist and for the first key', () => {
    expect(pausesAfter([0, 50, 110, 160])).toEqual([TYPING_PAUSE_MS, TYPING_PAUSE_MS, TYPING_PAUSE_MS, TYPING_PAUSE_MS]);
  });

  it("waits half as long again as a steady typist's usual gap, so the drawing falls after the next key, not on it", () => {
    const pauses = pausesAfter([0, 150, 300, 460, 600]);
    // Gaps 150, 150, 160, 140: the usual one is 150.
    expect(pauses.at(-1)).toBe(225);
    expect(pauses.slice(1).every((p) => p > 160)).toBe(true);
  });

  it('is not stretched by one hesitation, and a real pause does not count as rhythm', () => {
    // Gaps 150, 150, 390 (a hesitation), 150.
    expect(pausesAfter([0, 150, 300, 690, 840]).at(-1)).toBe(225);
    // A 2-second pause between two bursts at 60 ms: the fast rhythm holds.
    expect(pausesAfter([0, 60, 120, 2120, 2180]).at(-1)).toBe(TYPING_PAUSE_MS);
  });

  it('never waits longer than LONGEST_PAUSE_MS', () => {
    expect(pausesAfter([0, 390, 780, 1170]).at(-1)).toBe(LONGEST_PAUSE_MS);
  });
});

describe('derived views of a visible page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('wait until a fast typist pauses for TYPING_PAUSE_MS, then draw the last keystroke once', () => {
    expect(document.hidden).toBe(false);
    const store = zeroFilledStore();
    let totalDrawn = 0;
    store.subscribeCell('t3.granted.total')(() => totalDrawn++);
    const field = cellField('t3.granted.natural');
    store.edit(field, '1');
    vi.advanceTimersByTime(60);
    store.edit(field, '12');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    // Two keys, the second within the pause of the first: nothing derived drawn yet, but saving sees the total.
    expect(totalDrawn).toBe(0);
    expect(store.derived.cells['t3.granted.total']).toBe(12);
    vi.advanceTimersByTime(1);
    expect(totalDrawn).toBe(1);
    expect(store.cellFindings('t3.new.natural')?.severity).toBe('error');
    vi.advanceTimersByTime(10 * TYPING_PAUSE_MS);
    expect(totalDrawn).toBe(1);
  });

  it("a steady typist's keys are drawn once the rhythm breaks, not between two keys", () => {
    const store = zeroFilledStore();
    let totalDrawn = 0;
    store.subscribeCell('t3.granted.total')(() => totalDrawn++);
    const field = cellField('t3.granted.natural');
    // Keys 150 ms apart: a fixed 100 ms pause would draw between every two of them.
    for (const text of ['1', '', '2', '', '3']) {
      store.edit(field, text);
      vi.advanceTimersByTime(150);
    }
    expect(totalDrawn).toBeLessThanOrEqual(2);
    const drawnWhileTyping = totalDrawn;
    store.edit(field, '34');
    vi.advanceTimersByTime(150);
    expect(totalDrawn).toBe(drawnWhileTyping);
    vi.advanceTimersByTime(100);
    expect(totalDrawn).toBe(drawnWhileTyping + 1);
    expect(store.derived.cells['t3.granted.total']).toBe(34);
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
