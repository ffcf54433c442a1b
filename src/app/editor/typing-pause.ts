// When typing has paused: the moment the editor draws what a keystroke changed elsewhere (totals,
// marks, findings). On an old office PC (4× CPU throttling) that drawing takes 45–55 ms with its
// frame, and a key pressed meanwhile waits for it; so it waits for a pause in the typist's own
// rhythm, not a fixed one. With keys 120–180 ms apart, a fixed 100 ms pause drew between every two
// keys, and a key that came 100–150 ms after the last one waited.

/**
 * The shortest pause: a tenth of a second after the last key still reads as immediate. A typist
 * whose keys come further apart gets a pause of RHYTHM_FACTOR times their usual gap, up to
 * LONGEST_PAUSE_MS.
 */
export const TYPING_PAUSE_MS = 100;
export const LONGEST_PAUSE_MS = 400;
const RHYTHM_FACTOR = 1.5;
/** The usual gap is the median of the last few, so one hesitation does not stretch the pause. */
const GAPS_KEPT = 4;

/** The pause to wait after each key, learned from the gaps between the typist's keys. */
export class TypingRhythm {
  private last = Number.NEGATIVE_INFINITY;
  private readonly gaps: number[] = [];

  /** A key typed at `at` (ms); returns how long typing must now pause before drawing. */
  keyAt(at: number): number {
    const gap = at - this.last;
    this.last = at;
    // A gap as long as the longest pause was a pause, not the rhythm.
    if (gap < LONGEST_PAUSE_MS) {
      this.gaps.push(gap);
      if (this.gaps.length > GAPS_KEPT) this.gaps.shift();
    }
    if (this.gaps.length === 0) return TYPING_PAUSE_MS;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    const usual = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return Math.min(LONGEST_PAUSE_MS, Math.max(TYPING_PAUSE_MS, usual * RHYTHM_FACTOR));
  }
}

/**
 * Runs the latest drawing given once typing pauses in the typist's rhythm. Where nothing is painted
 * (no page, or a hidden one) it runs at once.
 */
export function afterTypingPause(now: () => number = () => performance.now()): (run: () => void) => void {
  const rhythm = new TypingRhythm();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (run) => {
    clearTimeout(timer);
    if (typeof document === 'undefined' || document.hidden) return run();
    timer = setTimeout(run, rhythm.keyAt(now()));
  };
}
