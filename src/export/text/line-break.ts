// Chinese line breaking for the PDF renderer: break opportunities from UAX #14 (the `linebreak`
// package) tailored with the 禁则 of Chinese typesetting, greedy filling with 标点挤压 (squeezing
// punctuation to fit one more character), and justification of every line but a paragraph's last,
// never spread beyond a limit; table labels balanced. Pure: widths come from the caller's `measure`.
import LineBreaker from 'linebreak';

/** Characters that must not begin a line (行首禁则). */
export const NO_LINE_START = new Set(Array.from('，。、；：？！）」』】》〕〉〗〙”’…‥·・％‰℃°,.;:?!)]}%～'));
/** Characters that must not end a line (行尾禁则). */
export const NO_LINE_END = new Set(Array.from('（「『【《〔〈〖〘“‘([{'));

/**
 * Punctuation allowed to hang past the right edge (标点溢出边界, on by default in Word and WPS and
 * honoured by LibreOffice) instead of pushing the character before it onto the next line.
 */
export const HANGING = new Set(Array.from('，。、．'));

/**
 * Full-width punctuation whose glyph fills only half its em box (标点挤压 may take the other half):
 * closing marks keep their glyph at the left, opening marks at the right.
 */
const SQUEEZE_CLOSING = new Set(Array.from('，。、；：？！）」』】》〕〉〗〙”’'));
const SQUEEZE_OPENING = new Set(Array.from('（「『【《〔〈〖〘“‘'));

const OPENING_QUOTES = new Set(['“', '‘']);
const CLOSING_QUOTES = new Set(['”', '’']);
/** Letters and digits of alphabetic scripts: a run of them is one unbreakable, unstretched unit. */
const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;
/** Punctuation that stays inside a word when letters or digits surround it (1.5, a@b.cn, 0517-8722). */
const WORD_JOINER = /[.,:@\-_/+&#=~'’]/u;
/** Inside a web address or e-mail, a line may break after these (never between "//"). */
const ADDRESS_BREAK_AFTER = /[/.\-?&_=]/u;
/** Digit runs longer than this may break between groups of four counted from the end (a phone number). */
const LONG_DIGITS = 8;
const SPACE = /\s/u;
const LATIN_END = /[\x21-\x7e]$/u;
const LATIN_START = /^[\x21-\x7e]/u;

export interface LineUnit {
  text: string;
  /** Offset of the unit's left edge from the line's left edge (includes indent and justification). */
  x: number;
  width: number;
}

export interface Line {
  text: string;
  units: LineUnit[];
  /** Width of the text without justification or trailing spaces. */
  naturalWidth: number;
  justified: boolean;
  /** The last unit is punctuation hanging past the right edge (not part of naturalWidth). */
  hangs: boolean;
}

export interface BreakOptions {
  /** Width of the text column. */
  width: number;
  /** Indent of a paragraph's first line (二字缩进: two character widths). */
  firstLineIndent?: number;
  /** Width of a piece of text in the caller's font and size. */
  measure: (text: string) => number;
  /** Stretch every line but the last to the full width (default true). */
  justify?: boolean;
  /** Let a comma or full stop that would start the next line hang past the edge (default false). */
  hang?: boolean;
  /** Squeeze full-width punctuation by up to half its width when that fits one more unit (default false). */
  squeeze?: boolean;
  /**
   * Greatest space justification may add between two units; a line that would need more stays
   * short instead of spreading its characters apart (default: no limit).
   */
  maxStretch?: number;
}

interface Unit {
  start: number;
  end: number;
  text: string;
  width: number;
  /** Width that 标点挤压 may take away (half of a full-width mark), 0 for everything else. */
  squeezable: number;
}

/** Splits text into units: one code point each, except runs of letters and digits, which stay whole. */
export function segmentUnits(text: string): { start: number; end: number; text: string }[] {
  const cps = Array.from(text);
  const units: { start: number; end: number; text: string }[] = [];
  let pos = 0;
  let i = 0;
  while (i < cps.length) {
    let j = i + 1;
    if (WORD_CHAR.test(cps[i]!)) {
      while (j < cps.length && (WORD_CHAR.test(cps[j]!) || (WORD_JOINER.test(cps[j]!) && j + 1 < cps.length && WORD_CHAR.test(cps[j + 1]!)))) j++;
    }
    // Most units are one character: no array to join for them.
    const piece = j === i + 1 ? cps[i]! : cps.slice(i, j).join('');
    units.push({ start: pos, end: pos + piece.length, text: piece });
    pos += piece.length;
    i = j;
  }
  return units;
}

/**
 * Offsets (in UTF-16 units, relative to the word) where a word of letters and digits may break: in a
 * web address or e-mail after / . - ? & _ = (not inside "//", and a number's "1.5" stays whole), in a
 * long digit run between groups of four from the end. Keeps a URL or phone number from pushing a
 * whole line's worth of text apart.
 */
export function wordBreaks(word: string): number[] {
  const out = new Set<number>();
  const letters = /\p{L}/u.test(word);
  for (let i = 1; i < word.length - 1; i++) {
    const ch = word[i - 1]!;
    if (!ADDRESS_BREAK_AFTER.test(ch) || ADDRESS_BREAK_AFTER.test(word[i]!)) continue;
    if (letters || ch === '-') out.add(i);
  }
  for (const m of word.matchAll(/\d+/gu)) {
    const run = m[0];
    if (run.length <= LONG_DIGITS) continue;
    for (let k = run.length - 4; k >= 3; k -= 4) out.add(m.index + k);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * UTF-16 offsets where a new line may start. UAX #14 gives the base; Chinese typesetting then
 * allows a break before an opening and after a closing quotation mark (UAX #14 glues class QU to
 * both neighbours, right for Western quotes, wrong for full-width Chinese ones), and forbids every break that would start a line with a 行首禁则 character or end
 * one with a 行尾禁则 character.
 */
export function breakPositions(text: string): Set<number> {
  const allowed = new Set<number>();
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (b.position > 0 && b.position < text.length) allowed.add(b.position);
  }
  const cps = Array.from(text);
  let pos = 0;
  for (let i = 0; i < cps.length - 1; i++) {
    pos += cps[i]!.length;
    const prev = cps[i]!;
    const next = cps[i + 1]!;
    if (OPENING_QUOTES.has(next) || CLOSING_QUOTES.has(prev)) allowed.add(pos);
    if (NO_LINE_START.has(next) || NO_LINE_END.has(prev)) allowed.delete(pos);
  }
  return allowed;
}

/** Breaks one paragraph into lines that fit `width`. Lossless: the lines' texts join to `text`. */
export function breakLines(text: string, options: BreakOptions): Line[] {
  const { width, measure } = options;
  const indent = options.firstLineIndent ?? 0;
  const justify = options.justify ?? true;
  const allowed = breakPositions(text);
  const units: Unit[] = [];
  const unit = (start: number, piece: string, w = measure(piece)): Unit => ({
    start,
    end: start + piece.length,
    text: piece,
    width: w,
    squeezable: options.squeeze && (SQUEEZE_CLOSING.has(piece) || SQUEEZE_OPENING.has(piece)) ? w / 2 : 0,
  });
  for (const u of segmentUnits(text)) {
    const w = measure(u.text);
    // A word wider than the column is broken between its characters rather than overflowing.
    if (w > width - indent && Array.from(u.text).length > 1) {
      let p = u.start;
      for (const ch of Array.from(u.text)) {
        units.push(unit(p, ch));
        if (p > u.start) allowed.add(p);
        p += ch.length;
      }
    } else {
      // Most units are one character: only words can have breaks inside.
      const cuts = u.text.length > 2 ? wordBreaks(u.text) : [];
      if (!cuts.length) {
        units.push(unit(u.start, u.text, w));
        continue;
      }
      let from = 0;
      for (const at of [...cuts, u.text.length]) {
        units.push(unit(u.start + from, u.text.slice(from, at)));
        if (from > 0) allowed.add(u.start + from);
        from = at;
      }
    }
  }

  const maxStretch = options.maxStretch ?? Infinity;
  const lines: Line[] = [];
  let first = 0;
  while (first < units.length) {
    const lineIndent = lines.length === 0 ? indent : 0;
    const avail = width - lineIndent;
    let fit = fillLine(units, first, avail, allowed, !!options.hang, false);
    // Punctuation is squeezed only where the line would otherwise spread beyond the limit: full
    // lines keep the grid's characters per line.
    const spread = (f: typeof fit) => f.end < units.length && justify && lineStretch(units.slice(first, f.end), avail, f.hangs) > maxStretch;
    if (options.squeeze && spread(fit)) {
      const squeezed = fillLine(units, first, avail, allowed, !!options.hang, true);
      if (squeezed.end > fit.end) fit = squeezed;
    }
    const isLast = fit.end >= units.length;
    lines.push(placeLine(units.slice(first, fit.end), lineIndent, avail, justify && !isLast, fit.hangs, maxStretch));
    first = fit.end;
  }
  return lines;
}

/** Greedy fill from unit `first`: where the line ends (exclusive) and whether its last unit hangs. */
function fillLine(units: Unit[], first: number, avail: number, allowed: Set<number>, hang: boolean, squeeze: boolean): { end: number; hangs: boolean } {
  let x = 0;
  let squeezable = 0;
  let lastBreak = -1;
  let k = first;
  for (; k < units.length; k++) {
    const u = units[k]!;
    if (k > first && allowed.has(u.start)) lastBreak = k;
    const room = avail + (squeeze ? squeezable + u.squeezable : 0);
    // Spaces may hang past the right edge; they are dropped from the line's width below.
    if (k > first && x + u.width > room + 1e-6 && !SPACE.test(u.text)) break;
    x += u.width;
    squeezable += u.squeezable;
  }
  const hangs = hang && k > first && k < units.length && HANGING.has(units[k]!.text) && (k + 1 === units.length || allowed.has(units[k + 1]!.start));
  return { end: hangs ? k + 1 : k >= units.length ? units.length : lastBreak > first ? lastBreak : k, hangs };
}

/** A line's measures before justification: its visible units, width after 标点挤压, and stretchable gaps. */
function measureLine(units: Unit[], avail: number, hangs: boolean) {
  // A hanging mark sits just past the edge: it neither counts in the width nor takes stretch.
  let visible = hangs ? units.length - 1 : units.length;
  while (visible > 0 && SPACE.test(units[visible - 1]!.text)) visible--;
  const fullWidth = units.slice(0, visible).reduce((s, u) => s + u.width, 0);
  // 标点挤压: a line too wide takes the excess from its punctuation, in proportion to each mark's blank half.
  const squeezable = units.slice(0, visible).reduce((s, u) => s + u.squeezable, 0);
  const squeeze = fullWidth > avail + 1e-6 && squeezable > 0 ? Math.min(1, (fullWidth - avail) / squeezable) : 0;
  const naturalWidth = fullWidth - squeeze * squeezable;
  // Justification stretches the gaps after units 0 … visible-2, except inside Latin text such as
  // "http://" (split into several units), which must stay tight.
  const stretchable = units.map((u, i) => i < visible - 1 && !(LATIN_END.test(u.text) && LATIN_START.test(units[i + 1]!.text)));
  const gaps = stretchable.filter(Boolean).length;
  return { visible, squeeze, naturalWidth, stretchable, gaps };
}

/** Space justification would add between two units to fill the line. */
function lineStretch(units: Unit[], avail: number, hangs: boolean): number {
  return stretchOf(measureLine(units, avail, hangs), avail);
}

function stretchOf({ naturalWidth, gaps }: { naturalWidth: number; gaps: number }, avail: number): number {
  return gaps > 0 && naturalWidth < avail ? (avail - naturalWidth) / gaps : 0;
}

/**
 * A label broken into as few lines as fit the cell; where that strands a single character on the
 * last line, as even as possible instead — the narrowest width that still gives that many lines
 * ("…禁止公/开" becomes "…行政/法规禁止公开").
 */
export function balancedLines(text: string, width: number, measure: (t: string) => number): Line[] {
  const wrap = (w: number) => breakLines(text, { width: w, measure, justify: false });
  const greedy = wrap(width);
  if (greedy.length < 2 || Array.from(greedy.at(-1)!.text.trim()).length > 1) return greedy;
  let lo = 0;
  let hi = width;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(mid).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return wrap(hi);
}

function placeLine(units: Unit[], indent: number, avail: number, justify: boolean, hangs: boolean, maxStretch: number): Line {
  const measured = measureLine(units, avail, hangs);
  const { visible, squeeze, naturalWidth, stretchable } = measured;
  const stretch = justify ? Math.min(maxStretch, stretchOf(measured, avail)) : 0;
  let x = indent;
  const placed = units.map((u, i) => {
    const cut = i < visible ? squeeze * u.squeezable : 0;
    // An opening mark's blank half is on its left: the glyph moves left into the space given up
    // (its box then starts before x); a closing mark keeps its glyph and loses its right half.
    const unit = SQUEEZE_OPENING.has(u.text) ? { text: u.text, x: x - cut, width: u.width } : { text: u.text, x, width: u.width - cut };
    x += u.width - cut + (stretchable[i] ? stretch : 0);
    return unit;
  });
  return { text: units.map((u) => u.text).join(''), units: placed, naturalWidth, justified: stretch > 0, hangs };
}
