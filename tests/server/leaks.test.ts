// What must not leak: source maps of the built app, and query parameters (password hashes, whole
// documents) in the server log when a database statement fails.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { handleError } from '../../src/server/http/errors.ts';

describe('leaks', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('source maps are not served, even when a build left some in dist/', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>年报</title>');
    writeFileSync(join(dist, 'assets/app.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets/app.js.map'), '{"sources":["secret.ts"]}');
    const db = await openDatabase({ dataDir: null });
    await db.query("insert into agencies (id, name, kind) values (gen_random_uuid(), '某局', 'government')");
    await db.query("insert into users (id, username, display_name, password_hash, role, agency_id) select gen_random_uuid(), 'a', 'a', 'x', 'admin', id from agencies");
    const app = createApp({ db, distDir: dist });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    closers.push(
      () => new Promise((r) => server.close(r)),
      () => db.close(),
    );
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
    const map = await fetch(`${base}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
  });

  it('a failed statement is logged with its text, not its parameters', async () => {
    const db = await openDatabase({ dataDir: null });
    closers.push(() => db.close());
    const app = new Hono();
    app.onError(handleError);
    app.get('/', async () => {
      await db.query('insert into users (id, username) values ($1, $2)', ['not-a-uuid', 'scrypt$131072$8$SECRET-HASH']);
      return new Response('unreachable');
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await app.request('/');
      expect(res.status).toBe(500);
      const logged = log.mock.calls.flat().map(String).join('\n');
      expect(logged).toContain('statement: insert into users (id, username) values ($1, $2)');
      expect(logged).not.toContain('SECRET-HASH');
    } finally {
      log.mockRestore();
    }
  });
});
