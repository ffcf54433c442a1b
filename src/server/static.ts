// The built app (vite build → dist/): files as they are, every other non-API path gets index.html
// so the app's own routes work on reload. A fresh database sends visitors to the setup page first.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { needsSetup } from './routes/setup.ts';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export function serveApp(app: Hono<AppEnv>, distDir = DIST_DIR): void {
  app.get('/', async (c, next) => ((await needsSetup(c.get('db'))) ? c.redirect('/setup', 302) : next()));
  // A dist/ built before source maps were turned off must not serve them either.
  app.use('*', async (c, next) => (c.req.path.endsWith('.map') ? c.text('Not Found', 404) : next()));
  app.use('/assets/*', serveStatic({ root: distDir, onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root: distDir }));
  app.get('*', async (c) => {
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) return c.text('前端尚未构建：请先运行 npm run build', 503);
    return c.html(await readFile(index, 'utf8'));
  });
}
