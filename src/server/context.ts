// What every request handler can reach: the database and the signed-in user (if any).
import type { Context } from 'hono';
import type { Role } from '../api/accounts.ts';
import type { Db } from './db/adapter.ts';

/** The account a session belongs to (the wire's CurrentUser carries the agency itself). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
}

export interface Session {
  idHash: string;
  csrfToken: string;
  user: SessionUser;
}

export interface AppEnv {
  Variables: {
    db: Db;
    session: Session | null;
    /** Network address of the client, for login rate limits and the localhost-only setup page. */
    clientAddress: string;
  };
}

export type AppContext = Context<AppEnv>;
