// DNS rebinding and reverse proxies: a foreign Host is refused on every route; the setup page
// refuses anything a proxy relayed; behind TRUST_PROXY the client address comes from
// X-Forwarded-For's right hops, so one client's failures do not lock everyone out — on both engines.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/server/http/proxy.ts';
import { Client } from './support/client.ts';
import { ENGINES, startServer, stopPostgres, type TestServer } from './support/harness.ts';
import { buildWorld, PASSWORD } from './support/world.ts';

/** A GET with an arbitrary Host header (fetch does not let one set it). */
function getWithHost(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(ENGINES)('hosts and proxies (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(engine, { trustProxy: parseTrustProxy('1') });
    await buildWorld(server.base);
  });
  afterAll(async () => {
    await server?.close();
    await stopPostgres();
  });

  it('a foreign Host is refused on every route; our own names are answered', async () => {
    const port = new URL(server.base).port;
    for (const path of ['/setup', '/api/session', '/', '/assets/x.js']) {
      const res = await getWithHost(server.base, path, `rebound.example:${port}`);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('host_not_allowed');
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) expect((await getWithHost(server.base, '/api/session', host)).status).toBe(401);
  });

  it('the setup page refuses requests relayed by a proxy, whichever header says so', async () => {
    const fresh = await startServer(engine);
    try {
      for (const header of ['x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-forwarded-host', 'x-forwarded-for']) {
        const res = await fetch(`${fresh.base}/setup`, { headers: { [header]: '127.0.0.1' } });
        expect(res.status, header).toBe(403);
      }
      expect((await fetch(`${fresh.base}/setup`)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('behind one trusted proxy, failures lock out the client that made them, not everyone', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': `10.9.9.9, ${address}` });
    const attacker = new Client(server.base);
    for (let i = 0; i < 5; i++) await attacker.request('POST', '/api/session', { username: 'clerkA', password: 'wrong-password' }, from('203.0.113.5'));
    expect((await attacker.request('POST', '/api/session', { username: 'clerkA', password: PASSWORD }, from('203.0.113.5'))).status).toBe(429);
    // The left entry is the client's own claim; only the proxy's (right) entry counts.
    expect((await attacker.request('POST', '/api/session', { username: 'clerkA', password: PASSWORD }, { 'x-forwarded-for': '198.51.100.7, 203.0.113.5' })).status).toBe(429);
    const someoneElse = await new Client(server.base).request('POST', '/api/session', { username: 'clerkA', password: PASSWORD }, from('198.51.100.7'));
    expect(someoneElse.status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('reads hops or addresses and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBeNull();
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    expect(parseTrustProxy('10.0.0.1')).toEqual({ addresses: new Set(['10.0.0.1', '::ffff:10.0.0.1']) });
    expect(() => parseTrustProxy('proxy.local')).toThrow(/TRUST_PROXY/);
  });
});
