// The one-time setup page: on a fresh database, whoever sits at the server creates the first
// administrator and the top agency. No default password exists anywhere; once an account exists
// the page is gone. Reachable only from the server itself (loopback, not through a proxy).
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { AGENCY_KINDS, passwordSchema, usernameSchema } from '../../api/accounts.ts';
import { agencyKindLabel } from '../../core/index.ts';
import { audit } from '../audit.ts';
import { hashPassword } from '../auth/password.ts';
import { createSession } from '../auth/sessions.ts';
import type { AppContext, AppEnv } from '../context.ts';
import type { Queryable } from '../db/adapter.ts';
import { findIllFormedText, readBodyText } from '../http/body.ts';
import { HttpError } from '../http/errors.ts';
import { isSameOrigin } from '../http/security.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
// Any sign that a proxy relayed the request: the setup page is for the person at the server.
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-forwarded-host'];

const setupSchema = z
  .strictObject({
    agencyName: z.string().trim().min(1, { message: '请填写单位名称' }).max(100),
    agencyKind: z.enum(AGENCY_KINDS, { message: '请选择单位类型' }),
    username: usernameSchema,
    displayName: z.string().trim().min(1, { message: '请填写姓名' }).max(100),
    password: passwordSchema,
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, { message: '两次输入的密码不一致', path: ['password2'] });

type Fields = Partial<Record<keyof z.input<typeof setupSchema>, string>>;

export async function needsSetup(db: Queryable): Promise<boolean> {
  return (await db.query('select 1 from users limit 1')).length === 0;
}

function fromServerItself(c: AppContext): boolean {
  return LOOPBACK.has(c.get('clientAddress')) && PROXY_HEADERS.every((h) => c.req.header(h) === undefined);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 年报</title><style>
body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}
h1{font-size:1.5rem}fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.5rem 1rem 1rem}
label{display:block;margin-top:.75rem}input,select{display:block;width:100%;box-sizing:border-box;padding:.4rem;font-size:1rem;margin-top:.25rem}
.error{color:#b00020;font-size:.9rem}.errors{border:1px solid #b00020;padding:.5rem 1rem;border-radius:6px}
button{margin-top:1.25rem;padding:.5rem 1.5rem;font-size:1rem}</style></head><body>${body}</body></html>`;
}

/** The kinds of agency as the format names them, `kind` selected. */
function kindOptions(kind: string): string {
  return AGENCY_KINDS.map((k) => `<option value="${k}"${k === kind ? ' selected' : ''}>${esc(agencyKindLabel(k))}</option>`).join('');
}

function form(values: Fields = {}, errors: Record<string, string> = {}): string {
  const field = (name: keyof Fields, label: string, type = 'text', extra = '') =>
    `<label>${label}<input name="${name}" type="${type}" ${type === 'password' ? '' : `value="${esc(values[name] ?? '')}"`} required ${extra}></label>` +
    (errors[name] ? `<div class="error" id="${name}-error">${esc(errors[name])}</div>` : '');
  const kind = values.agencyKind ?? 'government';
  const summary = Object.keys(errors).length ? `<div class="errors" role="alert">请修正下列问题后再提交。</div>` : '';
  return page(
    '初始化',
    `<h1>年报系统初始化</h1><p>这是一个新的数据库。请创建第一个管理员账号和本级单位。此页面只能在服务器本机访问，完成后即失效。</p>${summary}
<form method="post" action="/setup">
<fieldset><legend>本级单位</legend>${field('agencyName', '单位名称', 'text', 'maxlength="100"')}
<label>单位类型<select name="agencyKind">${kindOptions(kind)}</select></label></fieldset>
<fieldset><legend>管理员账号</legend>${field('username', '用户名', 'text', 'autocomplete="username" maxlength="64"')}${field('displayName', '姓名', 'text', 'maxlength="100"')}
${field('password', '密码（至少 10 个字符）', 'password', 'autocomplete="new-password" minlength="10"')}${field('password2', '再次输入密码', 'password', 'autocomplete="new-password"')}</fieldset>
<button type="submit">创建管理员</button></form>`,
  );
}

function refuse(c: AppContext, status: 403 | 404, message: string) {
  return c.html(page('初始化', `<h1>年报系统初始化</h1><p>${message}</p>`), status);
}

export const setupRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    if (!(await needsSetup(c.get('db')))) return refuse(c, 404, '系统已完成初始化。请<a href="/">登录</a>。');
    if (!fromServerItself(c)) return refuse(c, 403, '初始化页面只能在服务器本机上打开（http://127.0.0.1）。');
    return c.html(form());
  })
  .post('/', async (c) => {
    const db = c.get('db');
    if (!(await needsSetup(db))) return refuse(c, 404, '系统已完成初始化。请<a href="/">登录</a>。');
    if (!fromServerItself(c) || !isSameOrigin(c)) return refuse(c, 403, '初始化页面只能在服务器本机上打开（http://127.0.0.1）。');
    const raw = Object.fromEntries(new URLSearchParams(await readBodyText(c, 16 * 1024)));
    if (findIllFormedText(raw)) return c.html(form({}, { agencyName: '内容含有无效字符（NUL），请重新填写' }), 400);
    const parsed = setupSchema.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'agencyName')] ??= issue.message;
      return c.html(form(raw as Fields, errors), 400);
    }
    const v = parsed.data;
    const hash = await hashPassword(v.password);
    const user = await db.transaction(async (tx) => {
      // Two setup posts racing: the lock makes the second see the first's administrator.
      await tx.query('select pg_advisory_xact_lock(7242023)');
      if (!(await needsSetup(tx))) throw new HttpError(409, 'already_set_up', '系统已完成初始化');
      const agencyId = randomUUID();
      const userId = randomUUID();
      await tx.query('insert into agencies (id, name, kind, parent_id) values ($1, $2, $3, null)', [agencyId, v.agencyName, v.agencyKind]);
      await tx.query("insert into users (id, username, display_name, password_hash, role, agency_id) values ($1, $2, $3, $4, 'admin', $5)", [userId, v.username, v.displayName, hash, agencyId]);
      await audit(tx, { actorId: userId, action: 'setup', detail: { agencyId, username: v.username } });
      return { id: userId, username: v.username, displayName: v.displayName, role: 'admin' as const, agencyId };
    });
    await createSession(c, db, user);
    return c.redirect('/', 303);
  });
