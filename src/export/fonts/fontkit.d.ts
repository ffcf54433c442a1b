// The part of fontkit 2's API the PDF export uses (fontkit ships no types).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    /** The OpenType script tag the run was shaped as. */
    script: string;
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
    layout(text: string, features?: unknown): GlyphRun;
  }
  /** A font, or a collection (.ttc/.dfont) that has `fonts` and no glyph lookup. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
