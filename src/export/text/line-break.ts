// Chinese line breaking for the PDF renderer: break opportunities from UAX #14 (the `linebreak`
// package) tailored with the 禁则 of Chinese typesetting, greedy filling, and justification of every
// line but a paragraph's last. Pure: widths come from the caller's `measure`.
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

const OPENING_QUOTES = new Set(['“', '‘']);
const CLOSING_QUOTES = new Set(['”', '’']);
/** Letters and digits of alphabetic scripts: a run of them is one unbreakable, unstretched unit. */
const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;
/** Punctuation that stays inside a word when letters or digits surround it (1.5, a@b.cn, 0517-8722). */
const WORD_JOINER = /[.,:@\-_/+&#=~'’]/u;
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
}

interface Unit {
  start: number;
  end: number;
  text: string;
  width: number;
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
    const piece = cps.slice(i, j).join('');
    units.push({ start: pos, end: pos + piece.length, text: piece });
    pos += piece.length;
    i = j;
  }
  return units;
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
  for (const u of segmentUnits(text)) {
    const w = measure(u.text);
    // A word wider than the column is broken between its characters rather than overflowing.
    if (w > width - indent && Array.from(u.text).length > 1) {
      let p = u.start;
      for (const ch of Array.from(u.text)) {
        units.push({ start: p, end: p + ch.length, text: ch, width: measure(ch) });
        if (p > u.start) allowed.add(p);
        p += ch.length;
      }
    } else {
      units.push({ ...u, width: w });
    }
  }

  const lines: Line[] = [];
  let first = 0;
  while (first < units.length) {
    const lineIndent = lines.length === 0 ? indent : 0;
    const avail = width - lineIndent;
    let x = 0;
    let lastBreak = -1;
    let k = first;
    for (; k < units.length; k++) {
      const u = units[k]!;
      if (k > first && allowed.has(u.start)) lastBreak = k;
      // Spaces may hang past the right edge; they are dropped from the line's width below.
      if (k > first && x + u.width > avail + 1e-6 && !SPACE.test(u.text)) break;
      x += u.width;
    }
    const hangs = !!options.hang && k > first && k < units.length && HANGING.has(units[k]!.text) && (k + 1 === units.length || allowed.has(units[k + 1]!.start));
    const end = hangs ? k + 1 : k >= units.length ? units.length : lastBreak > first ? lastBreak : k;
    const isLast = end >= units.length;
    lines.push(placeLine(units.slice(first, end), lineIndent, avail, justify && !isLast, hangs));
    first = end;
  }
  return lines;
}

function placeLine(units: Unit[], indent: number, avail: number, justify: boolean, hangs: boolean): Line {
  // A hanging mark sits just past the edge: it neither counts in the width nor takes stretch.
  let visible = hangs ? units.length - 1 : units.length;
  while (visible > 0 && SPACE.test(units[visible - 1]!.text)) visible--;
  const naturalWidth = units.slice(0, visible).reduce((s, u) => s + u.width, 0);
  // Justification stretches the gaps after units 0 … visible-2, except inside Latin text such as
  // "http://" (split into several units), which must stay tight.
  const stretchable = units.map((u, i) => i < visible - 1 && !(LATIN_END.test(u.text) && LATIN_START.test(units[i + 1]!.text)));
  const gaps = stretchable.filter(Boolean).length;
  const stretch = justify && gaps > 0 && naturalWidth < avail ? (avail - naturalWidth) / gaps : 0;
  let x = indent;
  const placed = units.map((u, i) => {
    const unit = { text: u.text, x, width: u.width };
    x += u.width + (stretchable[i] ? stretch : 0);
    return unit;
  });
  return { text: units.map((u) => u.text).join(''), units: placed, naturalWidth, justified: stretch > 0, hangs };
}
