// The fonts an administrator installed, read from the database for publishing (the PDF renderer
// asks through setInstalledFontSource). Cached per (role, installed_at), so an install or removal on
// any instance is seen at the next export without reading megabytes of font every time.
import type { FontRoleName } from '../core/index.ts';
import type { Queryable } from './db/adapter.ts';

let cached: { key: string; fonts: Partial<Record<FontRoleName, Uint8Array>> } = { key: '', fonts: {} };

export async function installedFonts(db: Queryable): Promise<Partial<Record<FontRoleName, Uint8Array>>> {
  const rows = await db.query<{ role: FontRoleName; installed_at: Date }>('select role, installed_at from installed_fonts order by role');
  const key = rows.map((r) => `${r.role}@${new Date(r.installed_at).getTime()}`).join(',');
  if (key !== cached.key) {
    const full = await db.query<{ role: FontRoleName; bytes: Uint8Array }>('select role, bytes from installed_fonts');
    cached = { key, fonts: Object.fromEntries(full.map((r) => [r.role, new Uint8Array(r.bytes)])) };
  }
  return cached.fonts;
}
