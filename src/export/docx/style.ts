// Typography for the DOCX renderer, derived from the template's page style (GB/T 9704): every size,
// margin and font name comes from templates/<format>/page-style.ts; this module only converts
// units and applies the caller's font-name overrides.
import type { FontRoleName, PageStyle } from '../../core/index.ts';
import { gridTrackingPt } from '../page-grid.ts';

export interface DocxFontOptions {
  /** Font name per role, e.g. { body: '仿宋', heading2: '楷体' } where the _GB2312 faces are missing. */
  fonts?: Partial<Record<FontRoleName, string>>;
  /** Face for digits and Latin text (the ascii/hAnsi slots); the page style's latinFont by default. */
  latinFont?: string;
}

const TWIPS_PER_MM = 1440 / 25.4;

export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
/** Run sizes are in half-points (三号 16 pt → 32). */
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);

export interface RoleStyle {
  /** The object form sets the East Asian slot apart from ascii/hAnsi, so digits stay Times New Roman. */
  font: { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  size: number;
  sizePt: number;
  /**
   * Character spacing in twips (negative: condensed) for text set on the page grid (see
   * ../page-grid.ts). Word templates get the same from a docGrid charSpace, which LibreOffice
   * renders badly, so the spacing is set on the runs. 0 for roles off the grid.
   */
  spacing: number;
  /** Advance of one character including the spacing, twips: the unit of first-line indents. */
  charAdvance: number;
}

export interface DocxStyle {
  page: PageStyle;
  role: (name: FontRoleName) => RoleStyle;
  /** Exact line pitch of body text, twips (22 lines per page). */
  linePitch: number;
  /** Width of the text block, twips (156 mm). */
  textWidth: number;
}

export function docxStyle(page: PageStyle, options: DocxFontOptions = {}): DocxStyle {
  const latin = options.latinFont ?? page.latinFont;
  const role = (name: FontRoleName): RoleStyle => {
    const r = page.roles[name];
    const eastAsia = options.fonts?.[name] ?? r.font;
    // Page numbers are half-width 宋体 digits (GB/T 9704 §7.5), so that role keeps one face throughout.
    const ascii = name === 'pageNumber' ? eastAsia : latin;
    const spacing = ptToTwips(gridTrackingPt(page, name));
    return { font: { ascii, hAnsi: ascii, eastAsia, cs: ascii }, size: ptToHalfPoints(r.sizePt), sizePt: r.sizePt, spacing, charAdvance: ptToTwips(r.sizePt) + spacing };
  };
  return {
    page,
    role,
    linePitch: ptToTwips(page.grid.linePitchPt),
    textWidth: mmToTwips(page.paper.widthMm - page.marginsMm.left - page.marginsMm.right),
  };
}
