// Costs of fontkit 2.0.4 that a PDF export paid for nothing, removed by reaching into its internals
// for TrueType (glyf) fonts without variations; a font whose internals differ is used as fontkit
// made it.
// - Every fontkit.create of the same bytes decoded the same tables again (pdf-lib creates its own
//   font per embedding, beside the font book's). Fonts of the same bytes now share their decoded
//   tables, which depend only on the bytes and are never changed once decoded (fontkit copies
//   before it edits).
// - Some tables are decoded directly from the bytes: `loca` (every glyph's offset, which fontkit
//   reads for any glyph's metrics; its generic decoder took ~10 ms per face), a glyph's offsets only
//   when the glyph is made (fontkit and this module make a glyph before reading its offsets);
//   `hmtx` and `vmtx` (a glyph's metrics, read as fontkit's generic decoder would, only faster); and
//   `post` as far as the PDF font descriptor reads it — the glyph names it also holds (30,000 of
//   them) are decoded by fontkit when first asked for.
// - Subsetting decoded each simple glyph's whole outline only to learn that it is not composite; its
//   bytes are now copied directly, as fontkit then does.
// - A glyph's metrics (its advance, read for every glyph measured or embedded) made fontkit decode
//   the glyph's outline header for a bounding box that only fonts without vertical metrics use; with
//   vmtx they are now read from hmtx and vmtx alone, as fontkit then does.
// - Bytes whose outlines are read lazily (glyph-bytes.ts) get each glyph's outline read when fontkit
//   makes the glyph, which every reader of an outline goes through.
import type * as fontkit from 'fontkit';
import { fillBytes, isLazy, wholeFont } from './glyph-bytes.ts';

interface GlyfFont {
  _tables: Record<string, unknown>;
  _decodeTable(table: unknown): Record<string, unknown>;
  _variationProcessor?: unknown;
  directory: { tables: Record<string, { offset: number; length: number }> };
  loca: { offsets: ArrayLike<number> };
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  _getBaseGlyph(id: number, characters?: number[]): TTFGlyph | null;
  createSubset(): unknown;
}

/** fontkit's TrueType glyph, as far as its metrics go. */
interface TTFGlyph {
  _metrics?: Metrics;
  _getMetrics(): Metrics;
  _getTableMetrics(table: unknown): { advance: number; bearing: number };
}
interface Metrics {
  advanceWidth: number;
  advanceHeight: number;
  leftBearing: number;
  topBearing: number;
}

/** fontkit's TrueType subset, as far as adding a glyph touches it. */
interface TTFSubset {
  font: GlyfFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  glyphEncoder?: unknown;
  _addGlyph(gid: number): number;
}

const decodedTables = new WeakMap<Uint8Array, Record<string, unknown>>();
/** Decodes a glyph's loca offsets (its own and the next) into the shared table, by bytes. */
const locaDecoders = new WeakMap<Uint8Array, (id: number) => void>();

/** An sfnt of TrueType outlines (not WOFF, whose tables lie compressed elsewhere in the bytes). */
const isTrueType = (bytes: Uint8Array) => bytes.length > 4 && [0x00010000, 0x74727565].includes(new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0));

function isPlainGlyfFont(font: unknown, bytes: Uint8Array): font is GlyfFont {
  if (!isTrueType(bytes)) return false;
  const f = font as Partial<GlyfFont>;
  const tables = f.directory?.tables;
  return typeof f._tables === 'object' && !!tables && 'glyf' in tables && 'loca' in tables && !('fvar' in tables) && !('CFF ' in tables) && typeof f.createSubset === 'function';
}

/** Applies the above to a font fontkit created from `bytes` (a font, not a collection). */
export function speedUpFont(font: fontkit.Font, bytes: Uint8Array): void {
  if (!isPlainGlyfFont(font, bytes)) {
    wholeFont(bytes);
    return;
  }
  const shared = decodedTables.get(bytes);
  if (shared) font._tables = shared;
  else {
    decodedTables.set(bytes, font._tables);
    decodeDirectly(font, bytes);
  }
  const decodeLoca = locaDecoders.get(bytes);
  const lazy = isLazy(bytes);
  const baseGlyph = font._getBaseGlyph.bind(font);
  const glyf = font.directory.tables.glyf!.offset;
  font._getBaseGlyph = (id, characters) => {
    decodeLoca?.(id);
    const { offsets } = font.loca;
    if (lazy && id >= 0 && id + 1 < offsets.length) fillBytes(bytes, glyf + offsets[id]!, glyf + offsets[id + 1]!);
    const glyph = baseGlyph(id, characters);
    if (glyph) glyph._getMetrics = metricsFromTables;
    return glyph;
  };

  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as TTFSubset;
    if (typeof subset._addGlyph !== 'function' || !subset.glyphEncoder) return subset;
    const addGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = (gid) => addSimpleGlyph(subset, bytes, gid) ?? addGlyph(gid);
    return subset;
  };
}

/** fontkit's Glyph._getMetrics for a font with vmtx (not variable), without TTFGlyph's bounding box; fontkit's own otherwise. */
function metricsFromTables(this: TTFGlyph & { _font: { hmtx: unknown; vmtx: unknown } }): Metrics {
  if (this._metrics) return this._metrics;
  if (!this._font.vmtx) return (Object.getPrototypeOf(this) as TTFGlyph)._getMetrics.call(this);
  const { advance: advanceWidth, bearing: leftBearing } = this._getTableMetrics(this._font.hmtx);
  const { advance: advanceHeight, bearing: topBearing } = this._getTableMetrics(this._font.vmtx);
  this._metrics = { advanceWidth, advanceHeight, leftBearing, topBearing };
  return this._metrics;
}

/** `loca`, `hmtx`, `vmtx` and the head of `post`, as fontkit's decoders give them. */
function decodeDirectly(font: GlyfFont, bytes: Uint8Array): void {
  const { tables } = font.directory;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const maxp = tables.maxp;
  const numGlyphs = maxp && maxp.length >= 6 ? view.getUint16(maxp.offset + 4) : -1;
  // Where fontkit reads numberOfMetrics: its vhea takes the version for 16 bits (it is 32), so it
  // reads the field before — kept, for the same answers.
  for (const [tag, headerTag, at] of [
    ['hmtx', 'hhea', 34],
    ['vmtx', 'vhea', 32],
  ] as const) {
    const table = tables[tag];
    const header = tables[headerTag];
    if (!table || !header || header.length < 36 || numGlyphs < 0) continue;
    const longMetrics = view.getUint16(header.offset + at);
    const bearings = numGlyphs - longMetrics;
    if (bearings < 0 || longMetrics * 4 + bearings * 2 > table.length || table.offset + table.length > bytes.length) continue;
    font._tables[tag] = metricsTable(view, table.offset, longMetrics, bearings);
  }
  const head = tables.head;
  const loca = tables.loca!;
  if (head && head.length >= 54 && loca.offset + loca.length <= bytes.length) {
    const version = view.getInt16(head.offset + 50); // indexToLocFormat: 0 short offsets (halved), 1 long
    if (version === 0 || version === 1) {
      // A glyph's offset and the next, decoded when the glyph is made (speedUpFont): decoding all
      // ~30,000 of a CJK face took ~2 ms. Typed, so that the collector never copies them.
      const offsets = new Uint32Array(Math.floor(loca.length / (version === 0 ? 2 : 4)));
      const offset = (i: number) => (version === 0 ? view.getUint16(loca.offset + i * 2) * 2 : view.getUint32(loca.offset + i * 4));
      locaDecoders.set(bytes, (id) => {
        if (id < 0 || id + 1 >= offsets.length) return;
        offsets[id] = offset(id);
        offsets[id + 1] = offset(id + 1);
      });
      font._tables.loca = { version, offsets };
    }
  }
  const post = tables.post;
  const postVersion = post && post.length >= 32 && post.offset + post.length <= bytes.length ? view.getInt32(post.offset) / 65536 : 0;
  // Versions 1 to 4 (fontkit decodes no other).
  if (post && [1, 2, 3, 4].includes(postVersion)) {
    const at = post.offset;
    const fields: Record<string, unknown> = {
      version: postVersion,
      italicAngle: view.getInt32(at + 4) / 65536,
      underlinePosition: view.getInt16(at + 8),
      underlineThickness: view.getInt16(at + 10),
      isFixedPitch: view.getUint32(at + 12),
      minMemType42: view.getUint32(at + 16),
      maxMemType42: view.getUint32(at + 20),
      minMemType1: view.getUint32(at + 24),
      maxMemType1: view.getUint32(at + 28),
    };
    let full: Record<string, unknown> | undefined;
    for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
      Object.defineProperty(fields, key, { enumerable: true, get: () => (full ??= font._decodeTable(post))[key] });
    }
    font._tables.post = fields;
  }
}

/**
 * An hmtx/vmtx table as fontkit's decoder gives it: `metrics` (advance and bearing) and then the
 * remaining glyphs' `bearings`, each decoded on first `get` and kept, undefined out of range.
 */
function metricsTable(view: DataView, offset: number, longMetrics: number, bearings: number) {
  const metrics: ({ advance: number; bearing: number } | undefined)[] = [];
  const more: (number | undefined)[] = [];
  return {
    metrics: {
      length: longMetrics,
      get: (i: number) => (i >= 0 && i < longMetrics ? (metrics[i] ??= { advance: view.getUint16(offset + i * 4), bearing: view.getInt16(offset + i * 4 + 2) }) : undefined),
    },
    bearings: {
      length: bearings,
      get: (i: number) => (i >= 0 && i < bearings ? (more[i] ??= view.getInt16(offset + longMetrics * 4 + i * 2)) : undefined),
    },
  };
}

/** What fontkit's TTFSubset._addGlyph does for a simple or empty glyph; null for a composite one. */
function addSimpleGlyph(subset: TTFSubset, bytes: Uint8Array, gid: number): number | null {
  const { font } = subset;
  if (font._variationProcessor) return null;
  const glyph = font.getGlyph(gid); // decodes the glyph's offsets, reads a lazily read outline
  const { offsets } = font.loca;
  const start = offsets[gid]!;
  const end = offsets[gid + 1]!;
  const at = font.directory.tables.glyf!.offset + start;
  // A glyph's first field, numberOfContours, is negative for a composite glyph.
  if (end > start && ((bytes[at]! << 8) | bytes[at + 1]!) & 0x8000) return null;
  const data = bytes.slice(at, at + Math.max(0, end - start));
  subset.glyf.push(data);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
  subset.offset += data.length;
  return subset.glyf.length - 1;
}
