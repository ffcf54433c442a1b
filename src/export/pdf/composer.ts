// Pages, the vertical cursor in the text block, and drawing of laid-out lines as PDF text.
// Each line goes out as one text object with one TJ array per font run: unit positions
// (justification) are TJ adjustments, so text extracts as continuous lines in reading order.
import {
  beginText,
  endText,
  PDFArray,
  type PDFDocument,
  type PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  setCharacterSpacing,
  setFontAndSize,
  setTextMatrix,
} from '@cantoo/pdf-lib';
import type { FontRoleName, PageStyle } from '../../core/index.ts';
import { gridTrackingPt, PT_PER_MM, textBlockWidthPt } from '../page-grid.ts';
import type { Line } from '../text/line-break.ts';
import type { Face, FontBook } from './font-book.ts';

/** Centre of the ideographic em box above the baseline, in ems (CJK faces span about -0.12…0.88 em). */
const EM_BOX_CENTRE = 0.38;

export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  textWidth: number;
  textHeight: number;
  pitch: number;
}

export function geometry(style: PageStyle): Geometry {
  const m = style.marginsMm;
  return {
    pageWidth: style.paper.widthMm * PT_PER_MM,
    pageHeight: style.paper.heightMm * PT_PER_MM,
    left: m.left * PT_PER_MM,
    top: m.top * PT_PER_MM,
    textWidth: textBlockWidthPt(style),
    textHeight: (style.paper.heightMm - m.top - m.bottom) * PT_PER_MM,
    pitch: style.grid.linePitchPt,
  };
}

export class Composer {
  readonly pages: PDFPage[] = [];
  /** Distance from the top of the text block on the current page, in points. */
  y = 0;
  private readonly fontKeys = new Map<PDFPage, Map<Face, PDFName>>();

  readonly geo: Geometry;

  constructor(
    readonly pdf: PDFDocument,
    readonly book: FontBook,
    readonly style: PageStyle,
  ) {
    this.geo = geometry(style);
    this.newPage();
  }

  get page(): PDFPage {
    return this.pages.at(-1)!;
  }

  newPage(): void {
    this.pages.push(this.pdf.addPage([this.geo.pageWidth, this.geo.pageHeight]));
    this.y = 0;
  }

  /** Starts a new page unless `height` more points fit on this one (a fresh page always takes it). */
  ensure(height: number): void {
    if (this.y > 0 && this.y + height > this.geo.textHeight + 0.01) this.newPage();
  }

  fits(height: number): boolean {
    return this.y + height <= this.geo.textHeight + 0.01;
  }

  /** Moves the cursor to the next line of the page grid (after tables, so body text stays on it). */
  snapToGrid(): void {
    const lines = Math.ceil(this.y / this.geo.pitch - 0.01);
    this.y = lines * this.geo.pitch;
    if (this.y >= this.geo.textHeight - 0.01) this.newPage();
  }

  /** PDF y of a baseline that centres `size`-point glyphs in a box starting `boxTop` below the text block top. */
  baseline(boxTop: number, boxHeight: number, size: number): number {
    return this.geo.pageHeight - this.geo.top - boxTop - boxHeight / 2 - EM_BOX_CENTRE * size;
  }

  private readonly trackings = new Map<FontRoleName, number>();

  /** Spacing after each glyph of the role, points: the page grid's condensing (28 characters per line). */
  tracking(role: FontRoleName): number {
    let tracking = this.trackings.get(role);
    // Kept: every piece of text measured asks for it.
    if (tracking === undefined) this.trackings.set(role, (tracking = gridTrackingPt(this.style, role)));
    return tracking;
  }

  /** Width of text as drawLine sets it: the role's glyphs at `size` plus its tracking. */
  measure(role: FontRoleName, text: string, size: number): number {
    return this.book.width(role, text, size, this.tracking(role));
  }

  /** Draws a laid-out line with its left edge `x` points right of the text block's left edge. */
  async drawLine(page: PDFPage, role: FontRoleName, size: number, line: Line, x: number, baselineY: number): Promise<void> {
    const pieces: { face: Face; text: string; x: number; width: number }[] = [];
    // Indexed loops (see FontBook.width).
    for (let u = 0; u < line.units.length; u++) {
      const unit = line.units[u]!;
      const runs = this.book.runs(role, unit.text);
      let ux = unit.x;
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r]!;
        const width = this.measure(role, run.text, size);
        pieces.push({ face: run.face, text: run.text, x: ux, width });
        ux += width;
      }
    }
    if (!pieces.length) return;
    // Character spacing (Tc) follows every glyph, so text extraction sees the condensed advances.
    const tracking = this.tracking(role);
    const ops: PDFOperator[] = [beginText(), ...(tracking ? [setCharacterSpacing(tracking)] : [])];
    let i = 0;
    while (i < pieces.length) {
      const face = pieces[i]!.face;
      const font = await this.book.pdfFont(face, this.pdf);
      ops.push(setFontAndSize(this.fontKey(page, face, font), size), setTextMatrix(1, 0, 0, 1, this.geo.left + x + pieces[i]!.x, baselineY));
      const array = PDFArray.withContext(this.pdf.context);
      let end = pieces[i]!.x;
      for (; i < pieces.length && pieces[i]!.face === face; i++) {
        const p = pieces[i]!;
        const gap = p.x - end;
        if (Math.abs(gap) > 1e-3) array.push(PDFNumber.of(round((-gap * 1000) / size)));
        array.push(this.book.encode(face, font, p.text));
        end = p.x + p.width;
      }
      ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
    }
    // Tc belongs to the graphics state and outlives the text object: reset it for the next line.
    ops.push(...(tracking ? [setCharacterSpacing(0)] : []), endText());
    page.pushOperators(...ops);
  }

  private fontKey(page: PDFPage, face: Face, font: { name: string; ref: import('@cantoo/pdf-lib').PDFRef }): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(face);
    if (!key) keys.set(face, (key = page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
