// Label normalization and fuzzy matching: what lets "三 、本 年 度办 理 结果", "(二)部分公开" and
// "申請人" be recognised as the template's labels.
import { normalizeDigits } from '../core/index.ts';
import { EMPTY_MARKS, LABEL_TYPOS, TRADITIONAL_MAP } from './variants.ts';

/** NFKC (full-width → half-width), simplified characters, no whitespace, known typos corrected. */
export function compact(text: string): string {
  let s = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  s = Array.from(s, (ch) => TRADITIONAL_MAP.get(ch) ?? ch).join('');
  for (const [re, fix] of LABEL_TYPOS) s = s.replace(re, fix);
  return s;
}

/** Enumerators that start a label: （一） 一、 1. 1、 (after compact(), parentheses are half-width). */
const ENUMERATOR = /\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|(?<![\d.])\d{1,2}[.、](?!\d)/g;
const LEADING_ENUMERATOR = new RegExp(`^(?:${ENUMERATOR.source})`);

/** A compacted label split where an enumerator starts a new label ("(三)不予公开1.属于国家秘密" → two). */
export function splitAtEnumerators(compacted: string): string[] {
  const starts = [0, ...Array.from(compacted.matchAll(ENUMERATOR), (m) => m.index)];
  const parts = starts.map((s, i) => compacted.slice(s, starts[i + 1] ?? compacted.length));
  return parts.filter((p) => p.length > 0);
}

/** The comparable core of a label: no enumerator, no punctuation. */
export function labelCore(text: string): string {
  return compact(text)
    .replace(LEADING_ENUMERATOR, '')
    .replace(/[\p{P}\p{S}]/gu, '');
}

/** 2·LCS / (|a| + |b|) over characters: 1 for equal strings, tolerant of dropped or inserted characters. */
export function similarity(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  if (a === b) return 1;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return (2 * prev[b.length]!) / (a.length + b.length);
}

/** Shortest start of a label that identifies it when the rest wrapped onto a line after the values. */
const WRAPPED_PREFIX = 5;

/** similarity(), but the first characters of a long label (the rest wrapped away) also count as a match. */
export function labelScore(core: string, key: string): number {
  const s = similarity(core, key);
  return core.length >= WRAPPED_PREFIX && key.startsWith(core) ? Math.max(s, 0.75) : s;
}

export interface Candidate<T> {
  key: string;
  value: T;
}

/** Minimum similarity for a label to count as recognised, and the lead it needs over the runner-up. */
export const MATCH_THRESHOLD = 0.6;
export const MATCH_MARGIN = 0.1;

export type Match<T> = { value: T; score: number } | { ambiguous: [T, T] } | null;

/** The candidate a label core matches best, if it matches clearly; `ambiguous` when two are too close. */
export function bestMatch<T>(core: string, candidates: readonly Candidate<T>[]): Match<T> {
  let best: { c: Candidate<T>; score: number } | null = null;
  let second: { c: Candidate<T>; score: number } | null = null;
  for (const c of candidates) {
    const score = labelScore(core, c.key);
    if (!best || score > best.score) [second, best] = [best, { c, score }];
    else if (!second || score > second.score) second = { c, score };
  }
  if (!best || best.score < MATCH_THRESHOLD) return null;
  if (second && second.score > best.score - MATCH_MARGIN && JSON.stringify(second.c.value) !== JSON.stringify(best.c.value)) {
    return { ambiguous: [best.c.value, second.c.value] };
  }
  return { value: best.c.value, score: best.score };
}

/** A cell's text read as values: numbers (as text, for parseCellInput), null for blank / "/" / dashes. */
export function valueTokens(text: string): (string | null)[] | undefined {
  const t = normalizeDigits(text);
  if (t === '' || EMPTY_MARKS.test(t)) return [null];
  if (/^\d[\d,]*(?:\.\d+)?$/.test(t)) return [t];
  // Several numbers in one cell ("0 0 0 0"): a layout that separates cells by single spaces.
  if (/^(?:\d[\d,]*(?:\.\d+)?|[/／])(?: (?:\d[\d,]*(?:\.\d+)?|[/／]))+$/.test(t)) {
    return t.split(' ').map((v) => (EMPTY_MARKS.test(v) ? null : v));
  }
  return undefined;
}
