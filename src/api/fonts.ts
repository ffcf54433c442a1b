// Wire contract of the fonts an administrator installs for the whole server (docs/api.md), shared
// by the server and the app. Pure types and zod schemas: no React, no Node APIs.
import { z } from 'zod';
import type { FontRoleName } from '../core/index.ts';

/** GET /api/fonts — a font installed for a page-style role. */
export interface InstalledFont {
  role: FontRoleName;
  /** The official font it stands for (仿宋_GB2312 …). */
  official: string;
  fileName: string;
  family: string;
  size: number;
  installedAt: string;
}

/** A CJK font is 10–20 MB; base64 adds a third. */
export const FONT_BODY_LIMIT = 40 * 1024 * 1024;

/** PUT /api/fonts/:role */
export const fontInstallRequest = z.strictObject({
  fileName: z.string().trim().min(1, { message: '不能为空' }).max(200),
  base64: z.string().min(1, { message: '不能为空' }),
});
export type FontInstallRequest = z.input<typeof fontInstallRequest>;

/** PUT /api/fonts/:role answers `{ font }`. */
export type InstalledFontAnswer = Pick<InstalledFont, 'role' | 'fileName' | 'family' | 'size'>;
