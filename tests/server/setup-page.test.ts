// The one-time setup page: only on a fresh database, only from the server itself, no defaults.
import { networkInterfaces } from 'node:os';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { launchBrowser } from '../support/browser.ts';
import { Client } from './support/client.ts';
import { ENGINES, startServer, stopPostgres, type TestServer } from './support/harness.ts';

const post = (base: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/setup`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual', headers: { origin: base, ...headers } });

const valid = { agencyName: '某某县人民政府', agencyKind: 'government', username: 'chief', displayName: '王五', password: 'a-long-password', password2: 'a-long-password' };

describe.each(ENGINES)('setup page (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(engine);
  });
  afterAll(async () => {
    await server?.close();
    await stopPostgres();
  });

  it('creates the first administrator once, from localhost only', async () => {
    const { base } = server;
    // Nobody can sign in to a fresh database: there is no default account.
    for (const [u, p] of [
      ['admin', 'admin'],
      ['admin', 'password'],
      ['root', 'root'],
    ]) {
      expect((await new Client(base).request('POST', '/api/session', { username: u, password: p })).status).toBe(401);
    }
    const page = await fetch(`${base}/setup`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('年报系统初始化');
    expect(html).toContain('创建管理员');
    // Through a reverse proxy the client is not the server itself, even though the socket is loopback.
    expect((await fetch(`${base}/setup`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await post(base, valid, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
    expect((await post(base, valid, { origin: 'https://evil.example' })).status).toBe(403);

    const mismatch = await post(base, { ...valid, password2: 'something-else' });
    expect(mismatch.status).toBe(400);
    const again = await mismatch.text();
    expect(again).toContain('两次输入的密码不一致');
    expect(again).toContain('value="某某县人民政府"');
    expect(again).not.toContain('a-long-password');
    expect(await (await post(base, { ...valid, password: 'short', password2: 'short' })).text()).toContain('密码至少 10 个字符');
    expect((await post(base, { ...valid, agencyName: '<script>alert(1)</script>', password2: 'x' })).status).toBe(400);
    expect(await (await post(base, { ...valid, agencyName: '<script>x</script>', password2: 'x' })).text()).not.toContain('<script>x');

    const done = await post(base, valid);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/');
    expect(done.headers.getSetCookie().join()).toMatch(/nianbao_session=.+HttpOnly/);
    const admin = await new Client(base).login('chief', 'a-long-password');
    const me = (await admin.get('/api/session')).body.user;
    expect(me).toMatchObject({ role: 'admin', displayName: '王五', agency: { name: '某某县人民政府', kind: 'government', parentId: null } });

    // Gone for good.
    expect((await fetch(`${base}/setup`)).status).toBe(404);
    expect((await post(base, { ...valid, username: 'second' })).status).toBe(404);
    expect((await server.db.query("select count(*)::int as n from users where role = 'admin'"))[0]).toEqual({ n: 1 });
  });

  it('is refused to a client on another address', async (ctx) => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!address) ctx.skip();
    const fresh = await startServer(engine);
    // Listening on that address makes it an allowed host name, as HOST does in main.ts.
    const app = createApp({ db: fresh.db, distDir: null, allowedHosts: [address!] });
    const outside = serve({ fetch: app.fetch, port: 0, hostname: address });
    try {
      await new Promise((r) => outside.once('listening', r));
      const { port } = outside.address() as { port: number };
      const base = `http://${address}:${port}`;
      const res = await fetch(`${base}/setup`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('只能在服务器本机上打开');
      expect((await post(base, valid)).status).toBe(403);
    } finally {
      outside.close();
      await fresh.close();
    }
  });
});

describe('setup page in Chromium', () => {
  it('a real browser form post creates the administrator and signs in', async () => {
    const server = await startServer('pglite');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.base}/setup`);
      await page.fill('input[name=agencyName]', valid.agencyName);
      await page.fill('input[name=username]', valid.username);
      await page.fill('input[name=displayName]', valid.displayName);
      await page.fill('input[name=password]', valid.password);
      await page.fill('input[name=password2]', valid.password2);
      await Promise.all([page.waitForURL(`${server.base}/`), page.click('button')]);
      const me = await page.evaluate(async () => (await fetch('/api/session')).json());
      expect(me.user).toMatchObject({ username: 'chief', role: 'admin' });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
