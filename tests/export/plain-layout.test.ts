// The plain-text fast path of the PDF export (src/export/fonts/plain-layout.ts), and its shaping of
// the other runs without positioning, give exactly the glyphs fontkit's shaping gives, for every
// shipped face, on the seed reports' texts and on seeded random mixes of what reports contain; the
// PDF is byte for byte the same with it and without it; and
// its disk cache (plain-cache.ts) is used while the font file is unchanged and never after, as is the
// cache of the unpacked WOFF face.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { commonCodePoints } from '../../src/export/fonts/charset.ts';
import { SHIPPED_FACES, type ShippedFace } from '../../src/export/fonts/faces.ts';
import { readFontFile, readWoffFile } from '../../src/export/fonts/plain-cache.ts';
import { analyzePlainText, type CodePoints, createFont, type PlainText, plainRun, plainTextFor, registerPlainText } from '../../src/export/fonts/plain-layout.ts';
import { sfntFromWoff } from '../../src/export/fonts/woff.ts';
import { reportOutline } from '../../src/export/outline.ts';
import { renderPdf } from '../../src/export/pdf/index.ts';
import { loadSeed } from './pdf-support.ts';

const require = createRequire(import.meta.url);
const FACES = Object.keys(SHIPPED_FACES) as ShippedFace[];
const fontPath = (face: ShippedFace) => require.resolve(SHIPPED_FACES[face].file);
const isWoffFace = (face: ShippedFace) => SHIPPED_FACES[face].file.endsWith('.woff');
/** The face as TrueType (the Kai face ships as WOFF, which the export unpacks). */
const fontBytes = (face: ShippedFace) => sfntFromWoff(new Uint8Array(readFileSync(fontPath(face))));
/** The face read as the export reads it, with its analysis from the cache in `dir`. */
const readFace = (face: ShippedFace, dir: string) => (isWoffFace(face) ? readWoffFile(fontPath(face), dir) : readFontFile(fontPath(face), dir));
const SEEDS = readdirSync(new URL('../../seeds/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every text a seed prints, and slices of it such as the line breaker measures. */
async function seedTexts(): Promise<string[]> {
  const next = random(1);
  const texts: string[] = [];
  for (const seed of SEEDS) {
    for (const b of reportOutline(await loadSeed(seed))) {
      if (b.kind === 'title') texts.push(...b.lines);
      else if (b.kind === 'paragraph' || b.kind === 'heading') texts.push(b.text);
      else if (b.kind === 'signature') texts.push(b.signatory, b.date ?? '');
      else for (const row of [...b.table.layout.header, ...b.table.layout.body]) for (const cell of row) texts.push('cell' in cell ? b.text(cell.cell) : cell.text);
    }
  }
  for (const text of [...texts]) {
    for (let i = 0; i < 3 && text.length > 2; i++) {
      const from = Math.floor(next() * text.length);
      texts.push(text.slice(from, from + 1 + Math.floor(next() * 20)));
    }
  }
  return texts.filter(Boolean);
}

/** Mixes of Han, digits, Latin (with ligature pairs), kana, Greek, Cyrillic, fractions and the punctuation fonts substitute. */
function randomTexts(count: number): string[] {
  const next = random(2);
  const pieces = [
    '政',
    '府',
    '信',
    '息',
    '公',
    '开',
    '年',
    '度',
    '件',
    '0',
    '1',
    '2',
    '9',
    ' ',
    'N',
    'f',
    'i',
    'l',
    'M',
    'm',
    'Ê',
    'ê',
    'あ',
    'か',
    'ア',
    '゙',
    'α',
    'Б',
    '—',
    '――',
    '…',
    '‘',
    '’',
    '“',
    '”',
    '、',
    '。',
    '（',
    '）',
    '《',
    '》',
    '〳',
    '〵',
    '１',
    'Ⅻ',
    '①',
    '℃',
    '\u00ad',
    '\u200b',
    '\ufe00',
    // A fraction slash: the digits around it take fraction features, only there.
    '⁄',
  ];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

/** An analysis as plain data: the cache reads its code points into bitmaps, the analysis makes Sets (all in the BMP). */
function contents(table: PlainText | undefined) {
  if (!table) return table;
  const points = (set: CodePoints) => Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => set.has(cp));
  return { tags: table.tags, usable: points(table.usable), shaped: new Map([...table.shaped].map(([tag, set]) => [tag, points(set)])) };
}

const analyses = new Map<ShippedFace, PlainText>();
function analysisOf(face: ShippedFace): PlainText {
  if (!analyses.has(face)) analyses.set(face, analyzePlainText(fontkit.create(fontBytes(face)), commonCodePoints()));
  return analyses.get(face)!;
}

describe('plain runs', () => {
  for (const face of FACES) {
    it(`${face}: the fast path's glyphs are fontkit's, on the seeds' texts and random mixes`, async () => {
      const bytes = fontBytes(face);
      const fast = fontkit.create(bytes);
      const shaped = fontkit.create(bytes);
      const table = analysisOf(face);
      // The export's font: plain runs by the fast path, the others shaped without positioning.
      const exported = new Uint8Array(bytes);
      registerPlainText(exported, table);
      const exportFont = createFont(exported);
      const check = (texts: string[]) => {
        let plain = 0;
        for (const text of texts) {
          const run = plainRun(fast, table, text);
          if (!run) {
            expect(
              exportFont.layout(text).glyphs.map((g) => g.id),
              text,
            ).toEqual(shaped.layout(text).glyphs.map((g) => g.id));
            continue;
          }
          plain++;
          const expected = shaped.layout(text);
          expect(
            run.glyphs.map((g) => g.id),
            text,
          ).toEqual(expected.glyphs.map((g) => g.id));
          expect(
            run.glyphs.map((g) => g.advanceWidth),
            text,
          ).toEqual(expected.glyphs.map((g) => g.advanceWidth));
          expect(run.script, text).toBe(expected.script);
        }
        return plain / texts.length;
      };
      const all = await seedTexts();
      expect(all.length).toBeGreaterThan(1000);
      // Every 4th text: fontkit's layout of each costs milliseconds, and the sample spans every seed.
      const seeds = all.filter((_, i) => i % 4 === 0);
      // Nearly all of a report is plain: that is what makes the fast path worth having. (The Kai
      // face, which sets only （一） headings, shapes digits by context.)
      expect(check(seeds)).toBeGreaterThan(isWoffFace(face) ? 0.5 : 0.95);
      expect(check(randomTexts(600))).toBeGreaterThan(0.1);
    });
  }

  it('leaves to shaping what a font substitutes', () => {
    const font = fontkit.create(readFileSync(fontPath('sans')));
    const table = analysisOf('sans');
    // Noto Sans SC: ccmp joins dashes, liga f-ligatures, and locl swaps digits in Latin runs.
    for (const text of ['——', 'fi', 'ffl', 'M\u0300', 'N1', '中\u200b文', '']) expect(plainRun(font, table, text), text).toBeNull();
    expect(font.layout('——').glyphs).toHaveLength(1);
    expect(plainRun(font, table, '2022年度')).not.toBeNull();
  });
});

describe('the PDF with the fast path', () => {
  it('is byte for byte the PDF shaped by fontkit alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-plain-'));
    const withAnalysis = Object.fromEntries(await Promise.all(FACES.map(async (f) => [f, await readFace(f, dir)] as const))) as Record<ShippedFace, Uint8Array>;
    const without = Object.fromEntries(FACES.map((f) => [f, fontBytes(f)])) as Record<ShippedFace, Uint8Array>;
    for (const f of FACES) {
      expect(plainTextFor(withAnalysis[f])).toBeDefined();
      expect(plainTextFor(without[f])).toBeUndefined();
    }
    const doc = await loadSeed('2022-zhongwei-spfw');
    const now = new Date('2024-01-31T00:00:00Z');
    const fast = await renderPdf(doc, { fonts: { shipped: withAnalysis }, now });
    const shaped = await renderPdf(doc, { fonts: { shipped: without }, now });
    expect(fast.length).toBeGreaterThan(50_000);
    expect(Buffer.from(fast).equals(Buffer.from(shaped))).toBe(true);
  });
});

describe('the analysis cache', () => {
  it('is used while the font file is unchanged, and not once it has changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-font-cache-'));
    const cache = join(dir, 'cache');
    const font = join(dir, 'body.ttf');
    copyFileSync(fontPath('serif'), font);

    const first = plainTextFor(await readFontFile(font, cache))!;
    expect(contents(first)).toEqual(contents(analysisOf('serif')));
    const [entry] = readdirSync(cache);
    expect(readdirSync(cache)).toEqual([entry]);

    // Marks the entry: a later read that reports the mark came from the cache.
    const stored = JSON.parse(readFileSync(join(cache, entry!), 'utf8'));
    stored.shaped.hani = [0x4e2d, 1];
    writeFileSync(join(cache, entry!), JSON.stringify(stored));
    expect(contents(plainTextFor(await readFontFile(font, cache)))!.shaped.get('hani')).toEqual([0x4e2d]);

    // Another face in the same file (Noto Sans SC also substitutes M, m, Ê and ê): the marked entry is not used.
    copyFileSync(fontPath('sans'), font);
    const replaced = plainTextFor(await readFontFile(font, cache))!;
    expect(contents(replaced)).toEqual(contents(analysisOf('sans')));
    expect(contents(replaced)).not.toEqual(contents(analysisOf('serif')));
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('recovers from an unreadable entry and works without a writable cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-font-cache-'));
    const cache = join(dir, 'cache');
    const font = join(dir, 'title.ttf');
    copyFileSync(fontPath('serifSemiBold'), font);
    await readFontFile(font, cache);
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry!), '{"key": "trunc');
    expect(contents(plainTextFor(await readFontFile(font, cache)))).toEqual(contents(analysisOf('serifSemiBold')));
    expect(JSON.parse(readFileSync(join(cache, entry!), 'utf8')).usable.length).toBeGreaterThan(100);

    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    expect(contents(plainTextFor(await readFontFile(font, blocked)))).toEqual(contents(analysisOf('serifSemiBold')));
  });
});

describe('the unpacked WOFF cache', () => {
  it('is used while the WOFF file is unchanged, and not once it has changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-font-cache-'));
    const cache = join(dir, 'cache');
    const woff = join(dir, 'kai.woff');
    copyFileSync(fontPath('kai'), woff);
    const unpacked = Buffer.from(sfntFromWoff(new Uint8Array(readFileSync(woff))));
    expect(unpacked.readUInt32BE(0)).toBe(0x00010000);

    const read = await readWoffFile(woff, cache);
    expect(Buffer.from(read).equals(unpacked)).toBe(true);
    const sfnts = () => readdirSync(cache).filter((f) => f.endsWith('.sfnt'));
    const [entry] = sfnts();
    expect(sfnts()).toEqual([entry]);
    expect(readFileSync(join(cache, entry!)).equals(unpacked)).toBe(true);
    // The unpacked face comes with its plain-text analysis, cached beside it.
    expect(contents(plainTextFor(read))).toEqual(contents(analysisOf('kai')));
    expect(readdirSync(cache)).toHaveLength(2);

    // Marks the entry: a later read that returns the mark came from the cache.
    writeFileSync(join(cache, entry!), 'marked');
    expect(Buffer.from(await readWoffFile(woff, cache)).toString()).toBe('marked');

    // The file touched (a reinstall): unpacked anew, into a new entry.
    utimesSync(woff, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(Buffer.from(await readWoffFile(woff, cache)).equals(unpacked)).toBe(true);
    expect(sfnts()).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a font that is not WOFF through, caching nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-font-cache-'));
    const cache = join(dir, 'cache');
    expect(Buffer.from(await readWoffFile(fontPath('serifSemiBold'), cache)).equals(readFileSync(fontPath('serifSemiBold')))).toBe(true);
    expect(existsSync(cache)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
