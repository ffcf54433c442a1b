// Signing in and out, and who is signed in.
import { Hono } from 'hono';
import { passwordChangeRequest, type Role, type SessionAnswer, signInRequest } from '../../api/accounts.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password.ts';
import { clearLoginFailures, reserveLoginAttempt } from '../auth/rate-limit.ts';
import { createSession, currentUser, endSession } from '../auth/sessions.ts';
import type { AppEnv, SessionUser } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpError } from '../http/errors.ts';
import { type AgencyRow, agencyOut } from '../serialize.ts';

interface LoginRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  agency_id: string;
  password_hash: string;
  disabled: boolean;
  [k: string]: unknown;
}

export const sessionRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const db = c.get('db');
    const { username, password } = await readJson(c, signInRequest);
    const address = c.get('clientAddress');
    await reserveLoginAttempt(db, username, address);
    const [user] = await db.query<LoginRow>('select id, username, display_name, role, agency_id, password_hash, disabled from users where username = $1', [username]);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH, address);
    if (!user || !ok || user.disabled) throw new HttpError(401, 'bad_credentials', '用户名或密码不正确');
    await clearLoginFailures(db, username, address);
    // A new sign-in replaces the old session (no fixation); the new cookie overwrites the old one.
    const old = c.get('session');
    if (old) await db.query('delete from sessions where id_hash = $1', [old.idHash]);
    const session = await createSession(c, db, { id: user.id, username: user.username, displayName: user.display_name, role: user.role, agencyId: user.agency_id });
    return c.json(await sessionBody(c.get('db'), session.user, session.csrfToken));
  })
  .get('/', async (c) => {
    const user = currentUser(c);
    return c.json(await sessionBody(c.get('db'), user, c.get('session')!.csrfToken));
  })
  .delete('/', async (c) => {
    currentUser(c);
    await endSession(c, c.get('db'));
    return c.body(null, 204);
  })
  .put('/password', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const body = await readJson(c, passwordChangeRequest);
    // The same limits as signing in: a stolen session must not become a way to guess the password.
    await reserveLoginAttempt(db, user.username, c.get('clientAddress'));
    const [row] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [user.id]);
    if (!row || !(await verifyPassword(body.currentPassword, row.password_hash, c.get('clientAddress')))) throw new HttpError(403, 'bad_credentials', '当前密码不正确');
    await clearLoginFailures(db, user.username, c.get('clientAddress'));
    await db.query('update users set password_hash = $2 where id = $1', [user.id, await hashPassword(body.newPassword, c.get('clientAddress'))]);
    // Every other session of this user ends: a changed password should lock out whoever knew the old one.
    await db.query('delete from sessions where user_id = $1 and id_hash <> $2', [user.id, c.get('session')!.idHash]);
    return c.body(null, 204);
  });

async function sessionBody(db: AppEnv['Variables']['db'], user: SessionUser, csrfToken: string): Promise<SessionAnswer> {
  // users.agency_id references agencies: the row exists.
  const [agency] = await db.query<AgencyRow>('select id, name, kind, parent_id from agencies where id = $1', [user.agencyId]);
  return { user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, agency: agencyOut(agency!) }, csrfToken };
}
