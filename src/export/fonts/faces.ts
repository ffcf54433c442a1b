// The open fonts the PDF export ships, and which official font each one stands in for.
// The official faces (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) are proprietary and cannot be
// bundled; Noto Serif SC / Noto Sans SC (SIL OFL 1.1) come from the npm registry as full TrueType
// (glyf) files, which fontkit subsets reliably. Users may supply the real fonts per role.
import type { FontRoleName } from '../../core/index.ts';

export type ShippedFace = 'serif' | 'serifSemiBold' | 'sans';

export const SHIPPED_FACES: Record<ShippedFace, { family: string; file: string }> = {
  serif: { family: 'Noto Serif SC Regular', file: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
  serifSemiBold: { family: 'Noto Serif SC SemiBold', file: '@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf' },
  sans: { family: 'Noto Sans SC Regular', file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
};

/**
 * Official font (as named in templates/gov-2021/page-style.json) → the shipped substitute.
 * - 仿宋_GB2312 and 宋体 → Noto Serif SC Regular: no open 仿宋 is on npm; a light Song (serif) is the
 *   closest in colour and keeps body text, tables and page numbers in one face.
 * - 方正小标宋简体 → Noto Serif SC SemiBold: 小标宋 is a heavy display Song (the DOCX renderer's
 *   LibreOffice mapping uses the same face, so both exports look alike).
 * - 黑体 → Noto Sans SC Regular: both are plain sans (黑体 is a regular-weight gothic).
 * - 楷体_GB2312 → Noto Serif SC SemiBold: there is no open 楷 on npm; the heavier serif keeps （一） headings
 *   distinct from body text at no extra size, since the title already embeds that face.
 */
export const OFFICIAL_FONT_SUBSTITUTES: Record<string, ShippedFace> = {
  '仿宋_GB2312': 'serif',
  '宋体': 'serif',
  '方正小标宋简体': 'serifSemiBold',
  '黑体': 'sans',
  '楷体_GB2312': 'serifSemiBold',
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
