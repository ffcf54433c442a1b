// A standalone TrueType subset of a font for a given character set: fontkit 2 writes the glyph
// tables (as it does for PDF embedding); this adds what a font file needs to be loaded again —
// a cmap for the kept characters, and name, OS/2 and post (version 3, no glyph names) — so the
// browser downloads a GB2312-sized font instead of the whole 30,000-glyph face.
import * as fontkit from 'fontkit';
import { wholeFont } from './glyph-bytes.ts';

interface SubsetWriter {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

export function subsetFont(bytes: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const font = fontkit.create(wholeFont(bytes)) as fontkit.Font & { createSubset(): SubsetWriter };
  const subset = font.createSubset();
  const map: [number, number][] = [];
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (font.hasGlyphForCodePoint(cp)) map.push([cp, subset.includeGlyph(font.glyphForCodePoint(cp).id)]);
  }
  const tables = readTables(subset.encode());
  const original = readTables(bytes);
  for (const tag of ['OS/2', 'name'] as const) {
    const table = original.get(tag);
    if (table) tables.set(tag, table);
  }
  const post = original.get('post');
  if (post) {
    const v3 = post.slice(0, 32);
    new DataView(v3.buffer).setUint32(0, 0x00030000);
    tables.set('post', v3);
  }
  tables.set('cmap', cmapFormat12(map));
  return writeSfnt(tables);
}

function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    tables.set(tag, bytes.slice(offset, offset + length));
  }
  return tables;
}

/** cmap with one (3,10) format 12 subtable: ranges of consecutive characters and glyph ids. */
function cmapFormat12(map: [number, number][]): Uint8Array {
  const groups: [number, number, number][] = [];
  for (const [cp, gid] of map) {
    const last = groups.at(-1);
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const out = new Uint8Array(12 + 16 + groups.length * 12);
  const v = new DataView(out.buffer);
  v.setUint16(2, 1); // one encoding record
  v.setUint16(4, 3);
  v.setUint16(6, 10);
  v.setUint32(8, 12);
  v.setUint16(12, 12); // format
  v.setUint32(16, 16 + groups.length * 12);
  v.setUint32(24, groups.length);
  groups.forEach(([start, end, gid], i) => {
    v.setUint32(28 + i * 12, start);
    v.setUint32(32 + i * 12, end);
    v.setUint32(36 + i * 12, gid);
  });
  return out;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
  padded.set(data);
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

export function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const head = tables.get('head');
  if (head) new DataView(head.buffer, head.byteOffset).setUint32(8, 0); // checkSumAdjustment, set below
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  let offset = 12 + n * 16;
  const size = tags.reduce((s, t) => s + Math.ceil(tables.get(t)!.length / 4) * 4, offset);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let headOffset = -1;
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, n * 16 - searchRange);
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += Math.ceil(data.length / 4) * 4;
  });
  if (headOffset >= 0) v.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
