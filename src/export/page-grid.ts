// The GB/T 9704 character grid, shared by the DOCX, PDF and HTML renderers so all three set the
// same number of characters per line: 28 characters of 三号 (16 pt) need 448 pt, but the 156 mm
// text block is 442.2 pt wide, so official typesetting condenses every character slightly.
import type { FontRoleName, PageStyle } from '../core/index.ts';

export const PT_PER_MM = 72 / 25.4;

/** Roles whose text sits on the grid (charsPerLine per line); title, tables and page numbers do not. */
const GRID_ROLES: ReadonlySet<FontRoleName> = new Set(['body', 'heading1', 'heading2', 'heading3']);

/** Width of the text block in points (156 mm). */
export function textBlockWidthPt(page: PageStyle): number {
  return (page.paper.widthMm - page.marginsMm.left - page.marginsMm.right) * PT_PER_MM;
}

/**
 * Spacing added after each character of a role, in points (negative: condensed): the grid's
 * character pitch minus the type size, rounded down to whole twips (1/20 pt) because that is what a
 * DOCX run can store — so Word, LibreOffice and the PDF advance by exactly the same amount. 0 for
 * roles off the grid or type that already fits.
 */
export function gridTrackingPt(page: PageStyle, role: FontRoleName): number {
  const size = page.roles[role].sizePt;
  const pitch = textBlockWidthPt(page) / page.grid.charsPerLine;
  return GRID_ROLES.has(role) && size > pitch ? Math.floor((pitch - size) * 20) / 20 : 0;
}

/** Advance of one full-width character of the role, spacing included: the unit of first-line indents. */
export function charAdvancePt(page: PageStyle, role: FontRoleName): number {
  return page.roles[role].sizePt + gridTrackingPt(page, role);
}
