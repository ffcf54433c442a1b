// Font bytes whose glyph outlines are read from the file only as glyphs are used. The glyf table is
// ~97% of a shipped CJK face (14 of 15 MB), and a report uses a thousand or so of its 30,000 glyphs:
// the Node export reads the rest of the file and leaves the outlines to be filled in (fonts/lazy-read.ts).
// Only fonts made by createFont fill them, before fontkit reads a glyph; any other reader of such
// bytes asks for all of them first (wholeFont).

/** Makes bytes[start, end) hold the file's bytes (a no-op for what is already read). */
export type FillBytes = (start: number, end: number) => void;

const fillers = new WeakMap<Uint8Array, FillBytes>();

/** Marks `bytes` as partly read: `fill` reads the missing ranges. */
export function registerLazyBytes(bytes: Uint8Array, fill: FillBytes): void {
  fillers.set(bytes, fill);
}

/** Fills bytes[start, end) when the bytes are partly read. */
export function fillBytes(bytes: Uint8Array, start: number, end: number): void {
  fillers.get(bytes)?.(start, end);
}

/** The bytes, wholly read (for readers other than createFont's fonts). */
export function wholeFont(bytes: Uint8Array): Uint8Array {
  fillBytes(bytes, 0, bytes.length);
  return bytes;
}

export const isLazy = (bytes: Uint8Array): boolean => fillers.has(bytes);
