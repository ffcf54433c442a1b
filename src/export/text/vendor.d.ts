// Minimal types for untyped dependencies used by the text and font code.
declare module 'linebreak' {
  /** UAX #14 line breaking (Unicode Line Breaking Algorithm). */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: `position` is the index (UTF-16) where the next line may start. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}

declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string): { glyphs: Glyph[] };
  }
  /** A font, or a collection (.ttc/.dfont) that has `fonts` and no glyph lookup. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
