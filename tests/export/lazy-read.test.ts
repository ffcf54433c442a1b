// The PDF export reads the shipped faces' glyph outlines only as glyphs are used (fonts/lazy-read.ts):
// the outlines it does not use stay unread, and the PDF is byte for byte the one made from the
// wholly read files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDocumentJson } from '../../src/core/index.ts';
import { SHIPPED_FACES } from '../../src/export/fonts/faces.ts';
import { isLazy, wholeFont } from '../../src/export/fonts/glyph-bytes.ts';
import { readFontLazily } from '../../src/export/fonts/lazy-read.ts';
import { loadShippedFonts, nodeFontFiles } from '../../src/export/fonts/node.ts';
import { createFont } from '../../src/export/fonts/plain-layout.ts';
import { renderPdf } from '../../src/export/pdf/index.ts';

const require = createRequire(import.meta.url);
const serifPath = require.resolve(SHIPPED_FACES.serif.file);

describe('lazily read fonts', () => {
  it('read a glyph outline when the glyph is used, and everything when asked for the whole font', () => {
    const file = new Uint8Array(readFileSync(serifPath));
    const { bytes, identity } = readFontLazily(serifPath);
    expect(identity).not.toBeNull();
    expect(isLazy(bytes)).toBe(true);
    expect(Buffer.from(bytes).equals(file)).toBe(false);
    const font = createFont(bytes) as ReturnType<typeof createFont> & { loca: { offsets: number[] }; directory: { tables: { glyf: { offset: number } } } };
    const glyph = font.glyphForCodePoint('年'.codePointAt(0)!);
    const start = font.directory.tables.glyf.offset + font.loca.offsets[glyph.id]!;
    const end = font.directory.tables.glyf.offset + font.loca.offsets[glyph.id + 1]!;
    expect(end).toBeGreaterThan(start);
    expect(Buffer.from(bytes.subarray(start, end)).equals(file.subarray(start, end))).toBe(true);
    expect(Buffer.from(wholeFont(bytes)).equals(file)).toBe(true);
  });

  it('make the same PDF as the wholly read files', async () => {
    const parsed = parseDocumentJson(readFileSync(new URL('../../seeds/2022-zhongwei-spfw.json', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const now = new Date('2026-01-15T08:00:00Z');
    const lazily = await loadShippedFonts(true);
    expect(Object.values(lazily).every(isLazy)).toBe(true);
    const fromLazy = await renderPdf(parsed.document, { fonts: { shipped: lazily }, now });
    const fromWhole = await renderPdf(parsed.document, { fonts: { shipped: await loadShippedFonts() }, now });
    expect(Buffer.from(fromLazy).equals(Buffer.from(fromWhole))).toBe(true);
  });

  it('are only for a process that asks for them: a server thread reads the fonts whole (no file stays open)', async () => {
    expect(Object.values((await nodeFontFiles()).shipped).some(isLazy)).toBe(false);
    expect(Object.values((await nodeFontFiles([], true)).shipped).every(isLazy)).toBe(true);
  });
});
