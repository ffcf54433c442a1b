// Which font draws each character: the role's font (the user's own, or the shipped substitute),
// else the first shipped font that has the glyph. Measures text the way the PDF will show it and
// embeds each face lazily, subset, under a standard subset tag (pdffonts "sub yes").

import type { PDFDocument, PDFFont, PDFHexString } from '@cantoo/pdf-lib';
import type * as fontkit from 'fontkit';
import type { FontRoleName, PageStyle } from '../../core/index.ts';
import { FONT_ROLES, type FontFiles, OFFICIAL_FONT_SUBSTITUTES, SHIPPED_FACES, type ShippedFace } from '../fonts/faces.ts';
import { createFont } from '../fonts/plain-layout.ts';
import { ExportProblem } from './problem.ts';

/** A user font file that cannot be used; the message is Chinese. */
export class FontFileError extends ExportProblem {}

export interface Face {
  key: string;
  bytes: Uint8Array;
  font: fontkit.Font;
  widths: Map<string, Metrics>;
  pdf: Promise<PDFFont> | null;
  /** Encoded glyph runs by text, for this document's embedding of the face. */
  encoded: Map<string, PDFHexString>;
}

/** A run's advance in ems and its number of glyphs (each of which PDF character spacing, Tc, follows). */
interface Metrics {
  ems: number;
  glyphs: number;
}

/** Parsed fonts and measured widths, kept across exports of the same font bytes (warm exports). */
const parsed = new WeakMap<Uint8Array, { font: fontkit.Font; widths: Map<string, Metrics> }>();

const FALLBACK_ORDER: ShippedFace[] = ['serif', 'sans', 'serifSemiBold', 'kai'];

export class FontBook {
  private readonly chains = new Map<FontRoleName, Face[]>();
  private readonly faces: Face[] = [];
  private readonly measured = new Map<FontRoleName, Map<string, Metrics[]>>();
  private readonly split = new Map<FontRoleName, Map<string, readonly { face: Face; text: string }[]>>();

  constructor(files: FontFiles, pageStyle: PageStyle) {
    const shipped = new Map<ShippedFace, Face>();
    for (const face of Object.keys(SHIPPED_FACES) as ShippedFace[]) shipped.set(face, this.addFace(face, files.shipped[face]));
    const userByFont = new Map<string, Face>();
    for (const role of FONT_ROLES) {
      const bytes = files.user?.[role];
      if (bytes) userByFont.set(pageStyle.roles[role].font, this.addFace(`user-${role}`, bytes, role));
    }
    for (const role of FONT_ROLES) {
      const official = pageStyle.roles[role].font;
      const chain = [userByFont.get(official), shipped.get(OFFICIAL_FONT_SUBSTITUTES[official] ?? 'serif'), ...FALLBACK_ORDER.map((f) => shipped.get(f))];
      this.chains.set(role, [...new Set(chain.filter((f): f is Face => !!f))]);
    }
  }

  private addFace(key: string, bytes: Uint8Array, role?: FontRoleName): Face {
    let known = parsed.get(bytes);
    if (!known) {
      let font: fontkit.Font;
      try {
        font = createFont(bytes);
      } catch {
        throw new FontFileError(`字体文件无法识别（${role ?? key}）：请提供 TrueType（.ttf）或 OpenType（.otf）字体文件`);
      }
      if (typeof font.hasGlyphForCodePoint !== 'function') {
        throw new FontFileError(`不支持字体集文件（${role ?? key}，.ttc）：请提供其中单个字体的 .ttf 或 .otf 文件`);
      }
      known = { font, widths: new Map() };
      parsed.set(bytes, known);
    }
    const face: Face = { key, bytes, ...known, pdf: null, encoded: new Map() };
    this.faces.push(face);
    return face;
  }

  /** The face that draws `ch` in `role`, or null when no font has a glyph for it. */
  faceFor(role: FontRoleName, ch: string): Face | null {
    const cp = ch.codePointAt(0)!;
    const chain = this.chains.get(role)!;
    for (let i = 0; i < chain.length; i++) if (chain[i]!.font.hasGlyphForCodePoint(cp)) return chain[i]!;
    return null;
  }

  /**
   * Splits text into runs of characters drawn by the same face (characters no font has are skipped),
   * kept by role and text: a report draws the same characters again and again. Not to be changed.
   */
  runs(role: FontRoleName, text: string): readonly { face: Face; text: string }[] {
    let byText = this.split.get(role);
    if (!byText) this.split.set(role, (byText = new Map()));
    let runs = byText.get(text);
    if (!runs) byText.set(text, (runs = this.splitRuns(role, text)));
    return runs;
  }

  private splitRuns(role: FontRoleName, text: string): { face: Face; text: string }[] {
    const runs: { face: Face; text: string }[] = [];
    for (const ch of text) {
      const face = this.faceFor(role, ch);
      if (!face) continue;
      const last = runs.at(-1);
      if (last && last.face === face) last.text += ch;
      else runs.push({ face, text: ch });
    }
    return runs;
  }

  /** Characters of `text` that no font of the role has (whitespace aside). */
  missing(role: FontRoleName, text: string): string[] {
    return [...new Set(Array.from(text).filter((ch) => !/\s/u.test(ch) && !this.faceFor(role, ch)))];
  }

  /** Width of text at `size` points, as the PDF will lay it out with `tracking` points after each glyph. */
  width(role: FontRoleName, text: string, size: number, tracking = 0): number {
    const metrics = this.runMetrics(role, text);
    let total = 0;
    // Indexed, as in the other loops run for every piece of text measured or drawn: a for-of loop's
    // iterator and result objects were a cold export's largest allocation (its code is not optimised).
    for (let i = 0; i < metrics.length; i++) total += metrics[i]!.ems * size + metrics[i]!.glyphs * tracking;
    return total;
  }

  /** The metrics of text's runs, kept by role and text: the line breaker measures the same pieces again and again. */
  private runMetrics(role: FontRoleName, text: string): Metrics[] {
    let byText = this.measured.get(role);
    if (!byText) this.measured.set(role, (byText = new Map()));
    let list = byText.get(text);
    if (!list) byText.set(text, (list = this.runs(role, text).map((run) => metrics(run.face, run.text))));
    return list;
  }

  /**
   * Glyph ids of `text` in `font`, the face's embedding (pdfFont), adding the glyphs to its subset.
   * Synchronous: each of a report's thousands of pieces of text awaited a promise long settled.
   */
  encode(face: Face, font: PDFFont, text: string): PDFHexString {
    let hex = face.encoded.get(text);
    if (!hex) face.encoded.set(text, (hex = font.encodeText(text)));
    return hex;
  }

  /** The face embedded (subset) into the document, once. */
  pdfFont(face: Face, doc: PDFDocument): Promise<PDFFont> {
    face.pdf ??= doc.embedFont(face.bytes, { subset: true, customName: `${subsetTag(face.key)}+${psName(face.font)}` });
    return face.pdf;
  }
}

/** Advance and glyph count, with the glyphs fontkit's layout picks (the same ones pdf-lib encodes). */
function metrics(face: Face, text: string): Metrics {
  let m = face.widths.get(text);
  if (!m) {
    const { glyphs } = face.font.layout(text);
    m = { ems: glyphs.reduce((s, g) => s + g.advanceWidth, 0) / face.font.unitsPerEm, glyphs: glyphs.length };
    face.widths.set(text, m);
  }
  return m;
}

function psName(font: fontkit.Font): string {
  return (font.postscriptName || font.familyName || 'Font').replace(/[^A-Za-z0-9-]/g, '') || 'Font';
}

/** Six capital letters (PDF 32000 §9.6.4): marks the font as a subset; stable per face. */
function subsetTag(key: string): string {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  return tag;
}
