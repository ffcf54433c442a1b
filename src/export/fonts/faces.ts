// The open fonts the PDF export ships, and which official font each one stands in for.
// The official faces (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) are proprietary and cannot be
// bundled; Noto Serif SC / Noto Sans SC and LXGW WenKai (SIL OFL 1.1) come from the npm registry as
// full TrueType (glyf) faces with all of GB2312, which fontkit subsets reliably (WenKai as WOFF,
// unpacked by woff.ts). Users and administrators may supply the real fonts per role.
import type { FontRoleName } from '../../core/index.ts';

export type ShippedFace = 'serif' | 'serifSemiBold' | 'sans' | 'kai';

export const SHIPPED_FACES: Record<ShippedFace, { family: string; file: string }> = {
  serif: { family: 'Noto Serif SC Light', file: '@expo-google-fonts/noto-serif-sc/300Light/NotoSerifSC_300Light.ttf' },
  serifSemiBold: { family: 'Noto Serif SC SemiBold', file: '@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf' },
  sans: { family: 'Noto Sans SC Regular', file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  kai: { family: 'LXGW WenKai', file: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff' },
};

/**
 * Official font (as named in templates/gov-2021/page-style.ts) → the shipped substitute.
 * - 仿宋_GB2312 and 宋体 → Noto Serif SC Light: no open 仿宋 is on npm or in Debian; 仿宋 is a thin
 *   face, and the Light Song matches its colour on the page far
 *   better than the Regular, which reads visibly darker. One face for body, tables and page numbers.
 * - 方正小标宋简体 → Noto Serif SC SemiBold: 小标宋 is a heavy display Song (the DOCX renderer's
 *   LibreOffice mapping uses the same face, so both exports look alike).
 * - 黑体 → Noto Sans SC Regular: both are plain sans (黑体 is a regular-weight gothic).
 * - 楷体_GB2312 → LXGW WenKai Regular: a true Kai (楷) face with all of GB2312, from @fontsource's full
 *   WOFF file (the other npm packages of it are web-font shards); AR PL KaitiM GB is only in Debian.
 */
export const OFFICIAL_FONT_SUBSTITUTES: Record<string, ShippedFace> = {
  仿宋_GB2312: 'serif',
  宋体: 'serif',
  方正小标宋简体: 'serifSemiBold',
  黑体: 'sans',
  楷体_GB2312: 'kai',
};

export const FONT_ROLES: FontRoleName[] = ['title', 'body', 'heading1', 'heading2', 'heading3', 'table', 'pageNumber'];

/** Shipped font bytes (always needed: they are the fallback of every role) and the user's own fonts. */
export interface FontFiles {
  shipped: Record<ShippedFace, Uint8Array>;
  /**
   * Fonts the user supplied, keyed by page-style role. A role's font also serves every role set in
   * the same official font (body's 仿宋 also sets heading3 and table).
   */
  user?: Partial<Record<FontRoleName, Uint8Array>>;
}

export function isFontRole(name: string): name is FontRoleName {
  return (FONT_ROLES as string[]).includes(name);
}
