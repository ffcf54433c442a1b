// Font files in Node (CLI, tests, bench): the shipped fonts from node_modules, user fonts from disk.
import type { FontRoleName } from '../../core/index.ts';
import { ExportProblem } from '../pdf/problem.ts';
import { FONT_ROLES, type FontFiles, isFontRole, SHIPPED_FACES, type ShippedFace } from './faces.ts';
import { packageFile } from './installed.ts';
import { readFontFile, readWoffFile } from './plain-cache.ts';

type Shipped = Promise<Record<ShippedFace, Uint8Array>>;
const shipped: { whole?: Shipped; lazily?: Shipped } = {};

/**
 * The shipped fonts, read once per process, with their cached plain-text analysis (plain-cache.ts).
 * The Kai face ships as WOFF: unpacked, and the unpacked face cached and analysed. `lazily` (the
 * CLI's PDF export, which reads them only through createFont): their outlines are read as glyphs are used.
 */
export function loadShippedFonts(lazily = false): Shipped {
  shipped[lazily ? 'lazily' : 'whole'] ??= (async () => {
    const read = (file: string) => (file.endsWith('.woff') ? readWoffFile(file, undefined, lazily) : readFontFile(file, undefined, lazily));
    const entries = await Promise.all((Object.keys(SHIPPED_FACES) as ShippedFace[]).map(async (face) => [face, await read(packageFile(SHIPPED_FACES[face].file))] as const));
    return Object.fromEntries(entries) as Record<ShippedFace, Uint8Array>;
  })();
  return shipped[lazily ? 'lazily' : 'whole']!;
}

/** A `role=path` argument that names no role or no readable file; the message is Chinese. */
export class FontSpecError extends ExportProblem {}

/** Reads `--font role=path` arguments into the user's fonts by role. */
export async function readUserFonts(specs: string[]): Promise<Partial<Record<FontRoleName, Uint8Array>>> {
  const user: Partial<Record<FontRoleName, Uint8Array>> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const role = spec.slice(0, eq);
    const path = spec.slice(eq + 1);
    if (eq < 1 || !path) throw new FontSpecError(`字体参数应为 角色=文件路径（如 body=/path/simfang.ttf）：${spec}`);
    if (!isFontRole(role)) throw new FontSpecError(`未知的字体角色：${role}（可用：${FONT_ROLES.join('、')}）`);
    try {
      user[role] = await readFontFile(path);
    } catch {
      throw new FontSpecError(`无法读取字体文件：${path}`);
    }
  }
  return user;
}

type InstalledFontSource = () => Promise<Partial<Record<FontRoleName, Uint8Array>>>;
let installed: InstalledFontSource = async () => ({});

/**
 * Where the fonts an administrator installed on the server come from (the server registers its
 * database here); every Node export then uses them, `--font` files taking precedence.
 */
export function setInstalledFontSource(source: InstalledFontSource): void {
  installed = source;
}

/**
 * The fonts of a Node export. `lazyOutlines`: the shipped faces' outlines are read as glyphs are used,
 * their files open until the process ends — for a process that exports and exits (the CLI), not for
 * threads that come and go in a server.
 */
export async function nodeFontFiles(userSpecs: string[] = [], lazyOutlines = false): Promise<FontFiles> {
  return { shipped: await loadShippedFonts(lazyOutlines), user: { ...(await installed()), ...(await readUserFonts(userSpecs)) } };
}
