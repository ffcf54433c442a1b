// Laying out plain text without OpenType shaping, with exactly the glyphs fontkit's layout gives.
// Shaping a run (GSUB, then GPOS for positions nobody here reads) is most of a PDF export's time, yet
// in a CJK font almost no character is touched by a default substitution. An analysis of the font's
// GSUB lists, per script fontkit may select, the characters whose glyph no lookup of a default
// feature covers: a run made only of those keeps its cmap glyphs, so the fast path maps them
// directly. Anything else — another script, a covered glyph, user features — goes through fontkit.
// The analysis is slow (Node caches it on disk: plain-cache.ts); using it is not.
import * as fontkit from 'fontkit';
import { getScript } from 'unicode-properties';
import { speedUpFont } from './fontkit-internals.ts';
import { wholeFont } from './glyph-bytes.ts';

/** Code points, as far as the fast path asks: a Set as analysed, or as read from the cache (plain-cache.ts). */
export interface CodePoints {
  has(cp: number): boolean;
}

/**
 * What a font's runs may skip shaping for. A run takes the script of its first character that has one
 * of its own; a run of usable characters none of which that script's lookups may touch is plain.
 */
export interface PlainText<Points extends CodePoints = CodePoints> {
  /** fontkit's script tag for each Unicode script of the usable characters ('Han' → 'hani'). */
  tags: Map<string, string>;
  /** Characters the font has, of the default shaper's scripts or of none, not default-ignorable. */
  usable: Points;
  /** By the run's script tag ('zzzz' for a run of Common characters): the usable characters a default substitution may touch. */
  shaped: Map<string, Points>;
}

/** fontkit's script tag for a run of Common/Inherited characters only (Unicode's Unknown). */
const COMMON_RUN = 'zzzz';

/** fontkit 2.0.4's features of a horizontal run with the default shaper (DefaultShaper: common, fractional, horizontal, directional). */
const DEFAULT_FEATURES = new Set(['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'frac', 'numr', 'dnom', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'ltra', 'ltrm']);
/** Scripts fontkit shapes with its default shaper; runs of others (Hangul, Arabic, Indic…) are shaped. */
const DEFAULT_SHAPER_SCRIPTS = new Set(['Latin', 'Greek', 'Cyrillic', 'Han', 'Hiragana', 'Katakana', 'Bopomofo']);
/** fontkit falls back to these GSUB scripts when the run's own is missing (OTProcessor.selectScript). */
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/** Default-ignorable code points of the BMP, which fontkit's layout replaces by a zero-width space. */
function isDefaultIgnorable(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    (cp >= 0x17b4 && cp <= 0x17b5) ||
    (cp >= 0x180b && cp <= 0x180e) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xfff0 && cp <= 0xfff8)
  );
}

// fontkit's parsed GSUB, as far as the analysis reads it.
type Coverage = { version: 1; glyphs: number[] } | { version: 2; rangeRecords: { start: number; end: number }[] };
interface Subtable {
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  extension?: Subtable;
}
interface LangSys {
  reqFeatureIndex: number;
  featureIndexes: number[];
}
interface Gsub {
  scriptList: { tag: string; script: { defaultLangSys: LangSys | null } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): { subTables: Subtable[] } };
  featureVariations?: unknown;
}

/** Glyphs that some lookup of the default features of `langSys` may substitute (or that start a context). */
function coveredGlyphs(gsub: Gsub, langSys: LangSys | null): Set<number> {
  const covered = new Set<number>();
  if (!langSys) return covered;
  const addCoverage = (c: Coverage | undefined) => {
    if (!c) return;
    if (c.version === 1) for (const g of c.glyphs) covered.add(g);
    else for (const r of c.rangeRecords) for (let g = r.start; g <= r.end; g++) covered.add(g);
  };
  const features = [...langSys.featureIndexes, ...(langSys.reqFeatureIndex === 0xffff ? [] : [langSys.reqFeatureIndex])];
  for (const index of features) {
    const record = gsub.featureList[index];
    if (!record || !DEFAULT_FEATURES.has(record.tag)) continue;
    for (const lookup of record.feature.lookupListIndexes) {
      for (const table of gsub.lookupList.get(lookup).subTables) {
        const sub = table.extension ?? table;
        addCoverage(sub.coverage);
        for (const list of [sub.coverages, sub.inputCoverage, sub.backtrackCoverage, sub.lookaheadCoverage]) list?.forEach(addCoverage);
      }
    }
  }
  return covered;
}

const hasOwnScript = (script: string) => script !== 'Common' && script !== 'Inherited' && script !== 'Unknown';

/** Which of `candidates` runs of each script may lay out plainly in `font` (slow: reads the whole GSUB). */
export function analyzePlainText(font: fontkit.Font, candidates: Iterable<number>): PlainText<Set<number>> {
  const tags = new Map<string, string>();
  const usable = new Set<number>();
  const gsub = (font as unknown as { GSUB?: Gsub }).GSUB;
  // Apple's morx substitutions (which fontkit prefers to GSUB) and variable-font substitutions are
  // not analysed: nothing is plain.
  const tables = (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
  if ('morx' in tables || gsub?.featureVariations) return { tags, usable, shaped: new Map() };
  for (const cp of candidates) {
    // Beyond the BMP (not among the candidates the CLI uses) the ignorable list above would not suffice.
    if (cp > 0xffff || isDefaultIgnorable(cp) || !font.hasGlyphForCodePoint(cp)) continue;
    const script = getScript(cp);
    if (hasOwnScript(script)) {
      if (!DEFAULT_SHAPER_SCRIPTS.has(script)) continue;
      // The tag fontkit gives this script: what it reports for a run of this one character.
      if (!tags.has(script)) tags.set(script, font.layout(String.fromCodePoint(cp)).script);
    }
    usable.add(cp);
  }
  const shaped = new Map<string, Set<number>>();
  for (const tag of new Set([COMMON_RUN, ...tags.values()])) {
    const find = (t: string) => gsub?.scriptList.find((s) => s.tag === t);
    const entry = find(tag) ?? FALLBACK_SCRIPTS.map(find).find((s) => s);
    const covered = gsub && entry ? coveredGlyphs(gsub, entry.script.defaultLangSys) : new Set<number>();
    shaped.set(tag, new Set([...usable].filter((cp) => covered.has(font.glyphForCodePoint(cp).id))));
  }
  return { tags, usable, shaped };
}

/** The run fontkit's layout would give for `text` (glyphs and script) when the text is plain, else null. */
export function plainRun(font: fontkit.Font, table: PlainText, text: string): fontkit.GlyphRun | null {
  if (!text) return null;
  const cps: number[] = [];
  let tag: string | undefined;
  // By index, not for-of: the string iterator made a string of each character, for every run measured.
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (!table.usable.has(cp)) return null;
    cps.push(cp);
    if (tag === undefined) {
      const script = getScript(cp);
      if (hasOwnScript(script)) tag = table.tags.get(script)!;
    }
  }
  const script = tag ?? COMMON_RUN;
  const shaped = table.shaped.get(script);
  if (!shaped || cps.some((cp) => shaped.has(cp))) return null;
  const glyphs = cps.map((cp) => font.glyphForCodePoint(cp));
  // fontkit's layout looks up the space glyph on every run (for default ignorables); doing so too
  // creates the font's glyph objects in the same order, so they carry the same code points.
  font.glyphForCodePoint(0x20);
  return { glyphs, script };
}

/**
 * The default shaper's features that only move glyphs (GPOS). A shaped run's glyphs — all that is
 * read of a layout here — are the same without them, and fontkit then skips decoding the font's
 * positioning lookups (its kerning pairs: milliseconds in a cold process).
 */
const POSITIONING_FEATURES = ['kern', 'mark', 'mkmk', 'curs'];

/** Whether the font's substitutions (GSUB) use none of POSITIONING_FEATURES' tags. */
function positioningOnly(font: fontkit.Font): boolean {
  const gsub = (font as unknown as { GSUB?: Gsub }).GSUB;
  return !gsub?.featureList.some((record) => POSITIONING_FEATURES.includes(record.tag));
}

const registered = new WeakMap<Uint8Array, PlainText>();

/** Makes fonts created from these bytes (createFont) lay out plain runs without shaping. */
export function registerPlainText(bytes: Uint8Array, table: PlainText): void {
  registered.set(bytes, table);
}

/** The analysis registered for these bytes, if any. */
export function plainTextFor(bytes: Uint8Array): PlainText | undefined {
  return registered.get(bytes);
}

/**
 * fontkit.create, sped up (fontkit-internals.ts), with the fast path when the bytes have a registered
 * analysis: the font's `layout` then answers plain runs itself and shapes the others without
 * positioning (glyphs only — the one field pdf-lib and the font book read). pdf-lib is handed
 * `{ create: createFont }` as its fontkit, so its own copy of the font is fast too.
 */
export function createFont(bytes: Uint8Array, postscriptName?: string): fontkit.Font {
  const font = fontkit.create(bytes, postscriptName);
  if (postscriptName === undefined) speedUpFont(font, bytes);
  else wholeFont(bytes);
  const table = plainTextFor(bytes);
  if (table && typeof font.hasGlyphForCodePoint === 'function') {
    // The cmap is consulted for every character of every measured run: its answers are kept (the
    // glyph objects are fontkit's own, which it keeps per glyph id anyway).
    const has = new Map<number, boolean>();
    const glyphs = new Map<number, fontkit.Glyph>();
    const hasGlyph = font.hasGlyphForCodePoint.bind(font);
    const glyphFor = font.glyphForCodePoint.bind(font);
    font.hasGlyphForCodePoint = (cp) => has.get(cp) ?? has.set(cp, hasGlyph(cp)).get(cp)!;
    font.glyphForCodePoint = (cp) => glyphs.get(cp) ?? glyphs.set(cp, glyphFor(cp)).get(cp)!;
    const shape = font.layout.bind(font);
    let glyphsOnly: boolean | undefined;
    font.layout = (text: string, features?: unknown) => {
      if (features !== undefined) return shape(text, features);
      // A new object each time: fontkit adds the features it applied to the one it is given.
      return plainRun(font, table, text) ?? shape(text, (glyphsOnly ??= positioningOnly(font)) ? Object.fromEntries(POSITIONING_FEATURES.map((tag) => [tag, false])) : undefined);
    };
  }
  return font;
}
