// The fontkit speed-ups of the PDF export (src/export/fonts/fontkit-internals.ts) change nothing fontkit
// answers: the tables decoded from the bytes equal fontkit's own decoding, a subset is byte for byte
// fontkit's (simple, empty and composite glyphs), and fonts of the same bytes share one decoding.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { SHIPPED_FACES, type ShippedFace } from '../../src/export/fonts/faces.ts';
import { speedUpFont } from '../../src/export/fonts/fontkit-internals.ts';
import { loadShippedFonts } from '../../src/export/fonts/node.ts';
import { writeSfnt } from '../../src/export/fonts/subset.ts';

/** A Latin system font: TrueType with composite glyphs (accented letters), which the CJK faces hardly have. */
const LATIN_FONT = execFileSync('fc-match', ['-f', '%{file}', 'serif:fontformat=TrueType'], { encoding: 'utf8' });

type MetricsTable = Record<'metrics' | 'bearings', { length: number; get(i: number): unknown }>;
// fontkit's internals, as far as the test reads them.
type Internal = fontkit.Font & {
  _tables: Record<string, unknown>;
  loca: { version: number; offsets: ArrayLike<number> };
  post: Record<string, unknown>;
  italicAngle: number;
  hmtx: MetricsTable;
  vmtx?: MetricsTable;
  hhea: unknown;
  directory: { tables: Record<string, { offset: number }> };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  getGlyph(id: number): { _getMetrics(): object };
};

/** The font rewritten with short (16-bit, halved) glyph offsets, which the shipped faces do not use. */
function withShortLoca(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const rec = 12 + i * 16;
    tables.set(String.fromCharCode(...bytes.subarray(rec, rec + 4)), bytes.slice(view.getUint32(rec + 8), view.getUint32(rec + 8) + view.getUint32(rec + 12)));
  }
  const head = tables.get('head')!;
  const longLoca = tables.get('loca')!;
  const oldGlyf = tables.get('glyf')!;
  expect(new DataView(head.buffer).getInt16(50)).toBe(1);
  const count = longLoca.length / 4 - 1;
  const offsets = Array.from({ length: count + 1 }, (_, i) => new DataView(longLoca.buffer).getUint32(i * 4));
  const glyphs = offsets.slice(0, count).map((start, i) => oldGlyf.subarray(start, offsets[i + 1]));
  const padded = glyphs.map((g) => g.length + (g.length % 2));
  const glyf = new Uint8Array(padded.reduce((a, b) => a + b, 0));
  const loca = new Uint8Array((count + 1) * 2);
  let at = 0;
  glyphs.forEach((g, i) => {
    new DataView(loca.buffer).setUint16(i * 2, at / 2);
    glyf.set(g, at);
    at += padded[i]!;
  });
  new DataView(loca.buffer).setUint16(count * 2, at / 2);
  new DataView(head.buffer).setInt16(50, 0);
  tables.set('glyf', glyf).set('loca', loca);
  return writeSfnt(tables);
}

const fonts = async (): Promise<[string, Uint8Array][]> => {
  const shipped = await loadShippedFonts();
  const latin = new Uint8Array(readFileSync(LATIN_FONT));
  return [...(Object.keys(SHIPPED_FACES) as ShippedFace[]).map((face) => [face, shipped[face]] as [string, Uint8Array]), ['latin', latin], ['latin, short offsets', withShortLoca(latin)]];
};

/** A copy of the bytes: fonts made from it share nothing with fonts made from the original. */
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

function spedUp(bytes: Uint8Array): Internal {
  const font = fontkit.create(bytes) as Internal;
  speedUpFont(font, bytes);
  return font;
}

/** Glyphs whose first field (numberOfContours) says they are composite. */
function compositeGlyphs(font: Internal, bytes: Uint8Array): number[] {
  const glyf = font.directory.tables.glyf!.offset;
  const { offsets } = font.loca;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (let id = 0; id < offsets.length - 1 && found.length < 20; id++) {
    if (offsets[id + 1]! > offsets[id]! && view.getInt16(glyf + offsets[id]!) < 0) found.push(id);
  }
  return found;
}

describe('fontkit sped up', () => {
  it('decodes loca (a glyph’s offsets once the glyph is made), hmtx, vmtx and the head of post as fontkit does, and post’s glyph names when asked', async () => {
    for (const [name, bytes] of await fonts()) {
      const own = copy(bytes);
      const fast = spedUp(own);
      const plain = fontkit.create(copy(bytes)) as Internal;
      expect(fast._tables.loca, name).toBeDefined();
      expect(fast._tables.post, name).toBeDefined();
      expect(fast.loca.version, name).toBe(name === 'latin, short offsets' ? 0 : 1);
      for (let id = 0; id < fast.loca.offsets.length - 1; id++) fast.getGlyph(id);
      expect({ version: fast.loca.version, offsets: Array.from(fast.loca.offsets) }, name).toEqual({ version: plain.loca.version, offsets: Array.from(plain.loca.offsets) });
      expect(fast.italicAngle, name).toBe(plain.italicAngle);
      for (const tag of ['hmtx', 'vmtx'] as const) {
        if (!plain[tag]) continue;
        expect(fast._tables[tag], name).toBeDefined();
        for (const part of ['metrics', 'bearings'] as const) {
          const [a, b] = [fast[tag]![part], plain[tag]![part]];
          expect(a.length, `${name} ${tag}`).toBe(b.length);
          // Each entry (and undefined just out of range), fontkit's metrics as plain objects.
          const all = (t: typeof a) =>
            Array.from({ length: b.length + 2 }, (_, i) => t.get(i - 1)).map((v) =>
              typeof v === 'object' && v ? { advance: (v as { advance: number }).advance, bearing: (v as { bearing: number }).bearing } : v,
            );
          expect(all(a), `${name} ${tag} ${part}`).toEqual(all(b));
        }
      }
      expect({ ...fast.post }, name).toEqual(JSON.parse(JSON.stringify(plain.post)));
    }
  });

  it('gives every glyph fontkit’s metrics', async () => {
    for (const [name, bytes] of await fonts()) {
      const fast = spedUp(copy(bytes));
      const plain = fontkit.create(copy(bytes)) as Internal;
      const count = plain.loca.offsets.length - 1;
      // Spread over the font, with the first and last glyphs (past hmtx's long metrics in some fonts).
      const ids = [...Array.from({ length: 400 }, (_, i) => Math.floor((i * count) / 400)), count - 1];
      const metrics = (font: Internal) => ids.map((id) => ({ ...font.getGlyph(id)._getMetrics() }));
      expect(metrics(fast), name).toEqual(metrics(plain));
    }
  });

  it('subsets byte for byte as fontkit does: simple, empty and composite glyphs', async () => {
    for (const [name, bytes] of await fonts()) {
      const fast = spedUp(copy(bytes));
      const plain = fontkit.create(copy(bytes)) as Internal;
      const text = 'Aé 政府信息公开（一）2024年，。';
      const glyphs = [...[...text].map((ch) => plain.glyphForCodePoint(ch.codePointAt(0)!).id), ...compositeGlyphs(plain, bytes)];
      if (name.startsWith('latin')) expect(compositeGlyphs(plain, bytes).length).toBeGreaterThan(0);
      const [a, b] = [fast, plain].map((font) => {
        const subset = font.createSubset();
        for (const id of glyphs) subset.includeGlyph(id);
        return Buffer.from(subset.encode());
      });
      expect(a!.equals(b!), name).toBe(true);
    }
  });

  it('shares one decoding among fonts of the same bytes, and only those', async () => {
    const [, bytes] = (await fonts())[0]!;
    const own = copy(bytes);
    const first = spedUp(own);
    const second = spedUp(own);
    const other = spedUp(copy(bytes));
    expect(second._tables).toBe(first._tables);
    expect(other._tables).not.toBe(first._tables);
    void first.hhea;
    expect(Object.keys(second._tables)).toContain('hhea');
  });

  it('leaves a WOFF font as fontkit made it', async () => {
    const woff = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(SHIPPED_FACES.kai.file)));
    const font = spedUp(woff);
    expect(font._tables).toEqual({});
    expect(font.hasGlyphForCodePoint(0x4e2d)).toBe(true);
  });
});
