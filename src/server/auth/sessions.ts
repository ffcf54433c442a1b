// Sessions: a random id in an HttpOnly, SameSite=Strict cookie; the database keeps only its SHA-256
// and the session's CSRF token. Sessions slide: each use within the last hour extends it.
import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../../api/accounts.ts';
import type { AppContext, AppEnv, Session, SessionUser } from '../context.ts';
import type { Queryable } from '../db/adapter.ts';
import { unauthorized } from '../http/errors.ts';

export const SESSION_COOKIE = 'nianbao_session';
const TTL_MS = 12 * 3600_000;
const REFRESH_AFTER_MS = 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

interface SessionRow {
  id_hash: string;
  csrf_token: string;
  expires_at: Date | string;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  agency_id: string;
  [k: string]: unknown;
}

export async function createSession(c: AppContext, db: Queryable, user: SessionUser): Promise<Session> {
  const id = token();
  const csrfToken = token();
  const idHash = sha256(id);
  await db.query('insert into sessions (id_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)', [idHash, user.id, csrfToken, new Date(Date.now() + TTL_MS).toISOString()]);
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:' || process.env.COOKIE_SECURE === '1',
    maxAge: TTL_MS / 1000,
  });
  return { idHash, csrfToken, user };
}

export async function endSession(c: AppContext, db: Queryable): Promise<void> {
  const session = c.get('session');
  if (session) await db.query('delete from sessions where id_hash = $1', [session.idHash]);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Loads the session named by the cookie, if it is valid; never fails the request itself. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', null);
    const id = getCookie(c, SESSION_COOKIE);
    if (id) {
      const db = c.get('db');
      const idHash = sha256(id);
      const [row] = await db.query<SessionRow>(
        `select s.id_hash, s.csrf_token, s.expires_at, u.id as user_id, u.username, u.display_name, u.role, u.agency_id
           from sessions s join users u on u.id = s.user_id
          where s.id_hash = $1 and s.expires_at > now() and not u.disabled`,
        [idHash],
      );
      if (row) {
        c.set('session', {
          idHash,
          csrfToken: row.csrf_token,
          user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role, agencyId: row.agency_id },
        });
        if (new Date(row.expires_at).getTime() - Date.now() < TTL_MS - REFRESH_AFTER_MS) {
          await db.query('update sessions set expires_at = $2 where id_hash = $1', [idHash, new Date(Date.now() + TTL_MS).toISOString()]);
        }
      }
    }
    await next();
  };
}

export function currentUser(c: AppContext): SessionUser {
  const session = c.get('session');
  if (!session) throw unauthorized();
  return session.user;
}
