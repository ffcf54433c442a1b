// The HTTP application: security headers everywhere; /api (JSON, sessions, CSRF); the setup page;
// the built app. Stateless apart from the database, so several instances can share one.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { loadSession } from './auth/sessions.ts';
import { LOCAL_HOSTS } from './config.ts';
import type { AppEnv } from './context.ts';
import type { Db } from './db/adapter.ts';
import { handleError, notFound } from './http/errors.ts';
import { clientAddress, type TrustProxy } from './http/proxy.ts';
import { csrfGuard, hostGuard, securityHeaders } from './http/security.ts';
import { agencyRoutes, userRoutes } from './routes/admin.ts';
import { fontRoutes } from './routes/fonts.ts';
import { oversightRoutes, reminderRoutes } from './routes/oversight.ts';
import { publicationRoutes } from './routes/publications.ts';
import { reportRoutes } from './routes/reports.ts';
import { reviewRoutes } from './routes/review.ts';
import { sessionRoutes } from './routes/session.ts';
import { setupRoutes } from './routes/setup.ts';
import { serveApp } from './static.ts';

export interface AppOptions {
  db: Db;
  /** Directory of the built app; omitted in API-only tests. */
  distDir?: string | null;
  /** Host names answered; localhost and 127.0.0.1 by default. */
  allowedHosts?: readonly string[];
  trustProxy?: TrustProxy;
}

export function createApp({ db, distDir, allowedHosts = LOCAL_HOSTS, trustProxy = null }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', securityHeaders, hostGuard(allowedHosts));
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('clientAddress', clientAddress(getConnInfo(c).remote.address ?? '', c.req.header('x-forwarded-for'), trustProxy));
    await next();
  });

  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  api.use('*', loadSession(), csrfGuard());
  api.route('/session', sessionRoutes);
  api.route('/agencies', agencyRoutes);
  api.route('/users', userRoutes);
  api.route('/fonts', fontRoutes);
  api.route('/reports', reportRoutes);
  api.route('/reports', reviewRoutes);
  api.route('/reports', publicationRoutes);
  api.route('/oversight', oversightRoutes());
  api.route('/reminders', reminderRoutes);
  api.all('*', () => {
    throw notFound('没有这个接口');
  });
  app.route('/api', api);
  app.route('/setup', setupRoutes);
  if (distDir !== null) serveApp(app, distDir);
  return app;
}
