// Fonts installed on the server: anyone signed in lists them and fetches their bytes (the browser's
// PDF export uses them); an administrator installs one per role, checked for GB2312 coverage, or
// removes it. Each install and removal is in the audit log.
import { Hono } from 'hono';
import { FONT_BODY_LIMIT, fontInstallRequest, type InstalledFont, type InstalledFontAnswer } from '../../api/fonts.ts';
import { type FontRoleName, getTemplate } from '../../core/index.ts';
import { checkFontCoverage } from '../../export/fonts/coverage.ts';
import { isFontRole } from '../../export/fonts/faces.ts';
import { requireRole } from '../access.ts';
import { audit } from '../audit.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv } from '../context.ts';
import { readJson } from '../http/body.ts';
import { badRequest, notFound } from '../http/errors.ts';

function roleParam(role: string) {
  if (!isFontRole(role)) throw notFound('没有这个字体角色');
  return role;
}

export const fontRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    currentUser(c);
    const rows = await c
      .get('db')
      .query<{ role: FontRoleName; file_name: string; family: string; size: number; installed_at: Date }>(
        'select role, file_name, family, octet_length(bytes) as size, installed_at from installed_fonts order by role',
      );
    const roles = getTemplate().pageStyle.roles;
    return c.json({
      fonts: rows.map((r) => ({
        role: r.role,
        official: roles[r.role]?.font ?? '',
        fileName: r.file_name,
        family: r.family,
        size: Number(r.size),
        installedAt: new Date(r.installed_at).toISOString(),
      })),
    } satisfies { fonts: InstalledFont[] });
  })
  .get('/:role', async (c) => {
    currentUser(c);
    const role = roleParam(c.req.param('role'));
    const [row] = await c.get('db').query<{ bytes: Uint8Array }>('select bytes from installed_fonts where role = $1', [role]);
    if (!row) throw notFound('该角色没有安装字体');
    return c.body(new Uint8Array(row.bytes), 200, { 'Content-Type': 'font/ttf' });
  })
  .put('/:role', async (c) => {
    const user = currentUser(c);
    requireRole(user, 'admin');
    const role = roleParam(c.req.param('role'));
    const body = await readJson(c, fontInstallRequest, FONT_BODY_LIMIT);
    let checked;
    try {
      checked = checkFontCoverage(new Uint8Array(Buffer.from(body.base64, 'base64')), body.fileName);
    } catch (e) {
      throw badRequest('invalid_font', (e as Error).message);
    }
    const db = c.get('db');
    await db.query(
      `insert into installed_fonts (role, file_name, family, bytes, installed_by) values ($1, $2, $3, $4, $5)
       on conflict (role) do update set file_name = excluded.file_name, family = excluded.family, bytes = excluded.bytes, installed_by = excluded.installed_by, installed_at = now()`,
      [role, body.fileName, checked.family, Buffer.from(checked.bytes), user.id],
    );
    await audit(db, { actorId: user.id, action: 'font.install', detail: { role, fileName: body.fileName, family: checked.family } });
    return c.json({ font: { role, fileName: body.fileName, family: checked.family, size: checked.bytes.length } satisfies InstalledFontAnswer });
  })
  .delete('/:role', async (c) => {
    const user = currentUser(c);
    requireRole(user, 'admin');
    const role = roleParam(c.req.param('role'));
    const db = c.get('db');
    const removed = await db.query('delete from installed_fonts where role = $1 returning role', [role]);
    if (!removed.length) throw notFound('该角色没有安装字体');
    await audit(db, { actorId: user.id, action: 'font.remove', detail: { role } });
    return c.body(null, 204);
  });
