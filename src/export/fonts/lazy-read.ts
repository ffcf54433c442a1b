// Reads a TrueType font file in Node without its glyph outlines, which are read glyph by glyph as
// fonts use them (glyph-bytes.ts): a CLI PDF export then reads ~0.5 MB of each shipped 10–16 MB
// face. The file stays open until the process exits (so only a process that exports and exits reads
// this way), and later reads come from the file that was read first even if it is replaced meanwhile
// (npm and the font cache replace files, they do not rewrite them in place).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { registerLazyBytes } from './glyph-bytes.ts';

/** Tables that make fontkit read outlines other than through a TrueType glyph (or not from glyf). */
const EXCLUDED = ['fvar', 'gvar', 'CFF ', 'CFF2', 'sbix'];

export interface ReadFont {
  bytes: Uint8Array;
  /** The file's identity while it was read (see plain-cache.ts), null when it changed meanwhile. */
  identity: string | null;
}

type Stats = { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint };
export const identityOf = (s: Stats): string => [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':');

/** Reads the file's bytes [start, end) into `into` from `at` on (by default at the same offsets). */
function readRange(fd: number, into: Uint8Array, start: number, end: number, at = start): void {
  for (let pos = start; pos < end; ) {
    const n = readSync(fd, into, at + pos - start, end - pos, pos);
    if (n === 0) throw new Error('font file ended early');
    pos += n;
  }
}

/** The glyf table's [offset, end) when the font may be read lazily, else null. */
function glyfRange(fd: number, size: number): [number, number] | null {
  const head = new Uint8Array(12);
  if (size < 12 || readSync(fd, head, 0, 12, 0) < 12) return null;
  const view = new DataView(head.buffer);
  if (![0x00010000, 0x74727565].includes(view.getUint32(0))) return null;
  const count = view.getUint16(4);
  const dir = new Uint8Array(count * 16);
  if (12 + dir.length > size) return null;
  readRange(fd, dir, 12, 12 + dir.length, 0);
  const tables = new Map<string, [number, number]>();
  const d = new DataView(dir.buffer);
  for (let i = 0; i < count; i++) {
    const offset = d.getUint32(i * 16 + 8);
    tables.set(String.fromCharCode(...dir.subarray(i * 16, i * 16 + 4)), [offset, offset + d.getUint32(i * 16 + 12)]);
  }
  const glyf = tables.get('glyf');
  if (!glyf || !tables.has('loca') || glyf[1] > size || EXCLUDED.some((t) => tables.has(t))) return null;
  return glyf;
}

/**
 * The font file's bytes, its outlines left to be read as glyphs are used when it is a TrueType face
 * (and the file did not change while it was read), else read whole.
 */
export function readFontLazily(path: string): ReadFont {
  const fd = openSync(path, 'r');
  let lazy = false;
  try {
    const before = fstatSync(fd, { bigint: true });
    const size = Number(before.size);
    const bytes = new Uint8Array(size);
    const glyf = glyfRange(fd, size);
    if (glyf) {
      readRange(fd, bytes, 0, glyf[0]);
      readRange(fd, bytes, glyf[1], size);
    } else readRange(fd, bytes, 0, size);
    const after = fstatSync(fd, { bigint: true });
    const identity = identityOf(before) === identityOf(after) ? identityOf(after) : null;
    if (glyf && !identity) readRange(fd, bytes, glyf[0], glyf[1]);
    lazy = !!glyf && !!identity;
    if (lazy) registerLazyBytes(bytes, outlineReader(fd, bytes, glyf!));
    return { bytes, identity };
  } finally {
    if (!lazy) closeSync(fd);
  }
}

/** Reads a glyph's outline (or all of them) into the bytes, once. */
function outlineReader(fd: number, bytes: Uint8Array, [glyfStart, glyfEnd]: [number, number]) {
  const read = new Set<number>();
  let all = false;
  return (start: number, end: number) => {
    if (all) return;
    if (start <= glyfStart && end >= glyfEnd) {
      readRange(fd, bytes, glyfStart, glyfEnd);
      all = true;
      return;
    }
    const from = Math.max(start, glyfStart);
    const to = Math.min(end, glyfEnd);
    if (from >= to || read.has(from)) return;
    readRange(fd, bytes, from, to);
    read.add(from);
  };
}
