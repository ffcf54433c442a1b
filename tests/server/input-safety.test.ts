// Hostile and sloppy input: malformed JSON, oversize and chunked bodies, unknown fields, wrong
// types, bad documents; CSRF and cross-origin requests; login rate limits; sessions and cookies;
// security headers; errors without stack traces — on both engines.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from './support/client.ts';
import { ENGINES, startServer, stopPostgres, type TestServer } from './support/harness.ts';
import { buildWorld, cleanDocument, createReport, PASSWORD, type World } from './support/world.ts';

/** No stack frames, file paths or engine internals in anything a client sees. */
function expectNoLeak(body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+|Error:|stack/);
}

describe.each(ENGINES)('input safety (%s)', (engine) => {
  let server: TestServer;
  let world: World;
  let reportId: string;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await buildWorld(server.base);
    reportId = (await createReport(world.users.clerkA, 2024, cleanDocument('市司法局', 2024))).id;
  });
  afterAll(async () => {
    await server?.close();
    await stopPostgres();
  });

  const save = (c: Client, body: unknown, headers: Record<string, string> = {}) => c.request('PUT', `/api/reports/${reportId}/document`, body, headers);

  it('malformed JSON, wrong content type and invalid UTF-8 → 400 with a Chinese message', async () => {
    const { clerkA } = world.users;
    const cases = [
      [await save(clerkA, '{"baseRevision": 1, "document": '), 'malformed_json'],
      [await save(clerkA, 'null'), 'invalid_body'],
      [await save(clerkA, '[]'), 'invalid_body'],
      [await save(clerkA, '{"baseRevision":1}', { 'content-type': 'text/plain' }), 'unsupported_media_type'],
    ] as const;
    for (const [res, code] of cases) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expectNoLeak(res.body);
    }
    const bad = await fetch(`${server.base}/api/reports/${reportId}/document`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_encoding');
  });

  it('bodies over the limit → 400, declared or streamed without a length', async () => {
    const { clerkA } = world.users;
    const huge = JSON.stringify({ baseRevision: 1, document: { pad: 'x'.repeat(6 * 1024 * 1024) } });
    const declared = await save(clerkA, huge);
    expect(declared.status).toBe(400);
    expect(declared.body.error).toMatchObject({ code: 'body_too_large', message: expect.stringContaining('过大') });
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 120) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(`${server.base}/api/reports/${reportId}/document`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: clerkA.cookie, 'x-csrf-token': clerkA.csrf },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(400);
    expect((await streamed.json()).error.code).toBe('body_too_large');
    // Small endpoints have a small limit.
    const login = await new Client(server.base).request('POST', '/api/session', { username: 'a', password: 'p'.repeat(100 * 1024) });
    expect(login.body.error.code).toBe('body_too_large');
  });

  it('unknown fields and wrong types → 400 naming the field', async () => {
    const { clerkA, reviewerA } = world.users;
    const doc = (await clerkA.get(`/api/reports/${reportId}`)).body.document;
    const cases: [Client, string, string, unknown, RegExp][] = [
      [clerkA, 'PUT', `/api/reports/${reportId}/document`, { baseRevision: 1, document: doc, force: true }, /force/],
      [clerkA, 'PUT', `/api/reports/${reportId}/document`, { baseRevision: '1', document: doc }, /baseRevision/],
      [clerkA, 'PUT', `/api/reports/${reportId}/document`, { baseRevision: 1 }, /document/],
      [clerkA, 'POST', '/api/reports', { year: '2025' }, /year/],
      [clerkA, 'POST', '/api/reports', { year: 1999 }, /year/],
      [clerkA, 'POST', `/api/reports/${reportId}/submit`, { revision: 1, status: 'published' }, /status/],
      [reviewerA, 'POST', `/api/reports/${reportId}/comments`, { target: { cell: 't3.new.natural', section: 'problems' }, body: 'x' }, /target/],
      [reviewerA, 'POST', `/api/reports/${reportId}/comments`, { target: { cell: 't3.new.natural' }, body: 42 }, /body/],
      [world.admin, 'POST', '/api/users', { username: 'x y', displayName: 'x', password: 'short', role: 'root', agencyId: 'nope' }, /username[\s\S]*password[\s\S]*role[\s\S]*agencyId/],
    ];
    for (const [client, method, path, body, field] of cases) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
      expect(res.body.error.details.join('\n')).toMatch(field);
      expectNoLeak(res.body);
    }
  });

  it('bad documents → 400 with the schema’s Chinese findings; nothing stored', async () => {
    const { clerkA } = world.users;
    const doc = (await clerkA.get(`/api/reports/${reportId}`)).body.document;
    const cases = [
      { ...doc, cells: { ...doc.cells, 't3.new.natural': '12' } },
      { ...doc, cells: { ...doc.cells, 't9.fake.cell': 1 } },
      { ...doc, schemaVersion: 99 },
      { ...doc, prose: { ...doc.prose, problems: 7 } },
      { ...doc, extra: 1 },
    ];
    for (const document of cases) {
      const res = await save(clerkA, { baseRevision: 1, document });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_document');
      expect([res.body.error.message, ...(res.body.error.details ?? [])].join('\n')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await clerkA.get(`/api/reports/${reportId}`)).body.report.head).toBe(1);
  });

  it('the year is fixed once the report exists: a save for another year → 422, nothing stored', async () => {
    const { clerkA } = world.users;
    const doc = (await clerkA.get(`/api/reports/${reportId}`)).body.document;
    const res = await save(clerkA, { baseRevision: 1, document: { ...doc, year: doc.year - 1 } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'year_fixed', message: expect.stringContaining('报告年度创建后不能更改') });
    expect((await clerkA.get(`/api/reports/${reportId}`)).body.report.head).toBe(1);
  });

  it('CSRF: state changes need the session’s token and our own origin', async () => {
    const { clerkA } = world.users;
    const doc = (await clerkA.get(`/api/reports/${reportId}`)).body.document;
    const body = { baseRevision: 1, document: { ...doc, closing: 'csrf' } };
    const noToken = await save(clerkA, body, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf');
    expect((await save(clerkA, body, { 'x-csrf-token': world.users.clerkA2.csrf })).body.error.code).toBe('csrf');
    expect((await save(clerkA, body, { origin: 'https://evil.example' })).body.error.code).toBe('cross_origin');
    expect((await save(clerkA, body, { 'sec-fetch-site': 'cross-site' })).body.error.code).toBe('cross_origin');
    const login = await new Client(server.base).request('POST', '/api/session', { username: 'clerkA', password: PASSWORD }, { origin: 'https://evil.example' });
    expect(login.status).toBe(403);
    expect((await clerkA.get(`/api/reports/${reportId}`)).body.report.head).toBe(1);
    // Reads need no token; the right token and origin pass.
    expect((await save(clerkA, body, { origin: server.base })).status).toBe(200);
  });

  it('sessions: HttpOnly SameSite=Strict cookie, only its hash stored, logout ends it', async () => {
    const res = await fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerkB', password: PASSWORD }) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nianbao_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const id = /nianbao_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await server.db.query<{ id_hash: string }>('select id_hash from sessions');
    expect(rows.map((r) => r.id_hash)).toContain(createHash('sha256').update(id).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(id);
    const hashes = await server.db.query<{ password_hash: string }>('select password_hash from users');
    for (const h of hashes) expect(h.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);

    const c = await new Client(server.base).login('clerkB', PASSWORD);
    const old = c.cookie;
    expect((await c.delete('/api/session')).status).toBe(204);
    const stale = new Client(server.base);
    stale.cookie = old;
    expect((await stale.get('/api/session')).status).toBe(401);
  });

  it('disabling an account ends its sessions at once', async () => {
    const c = await new Client(server.base).login('reviewerB', PASSWORD);
    expect((await c.get('/api/session')).status).toBe(200);
    const id = (await world.admin.get('/api/users')).body.users.find((u: { username: string }) => u.username === 'reviewerB').id;
    expect((await world.admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/session')).status).toBe(401);
    await expect(new Client(server.base).login('reviewerB', PASSWORD)).rejects.toThrow(/401/);
    // The last administrator cannot lock everyone out.
    const adminId = (await world.admin.get('/api/session')).body.user.id;
    expect((await world.admin.patch(`/api/users/${adminId}`, { disabled: true })).body.error.code).toBe('last_admin');
  });

  it('login attempts are rate-limited; even the right password waits', async () => {
    const c = new Client(server.base);
    for (let i = 0; i < 5; i++) {
      const res = await c.request('POST', '/api/session', { username: 'clerkOther', password: 'wrong-password' });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('用户名或密码不正确');
    }
    const blocked = await c.request('POST', '/api/session', { username: 'clerkOther', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/分钟后再试/);
    // Unknown users answer exactly like wrong passwords.
    expect((await c.request('POST', '/api/session', { username: 'nobody', password: 'x' })).body.error.message).toBe('用户名或密码不正确');
    await new Client(server.base).login('reviewerOther', PASSWORD);
  });

  it('ill-formed UTF-16, NUL and bidi controls are refused with 400 and nothing is written', async () => {
    const { admin, agencies } = world;
    const usersBefore = (await admin.get('/api/users')).body.users.length;
    const cases = [
      ['/api/users', '{"username":"ghost\\udfff","displayName":"幽灵","password":"ghost-password-1","role":"clerk","agencyId":"' + agencies.deptA + '"}', 'bad_text'],
      ['/api/users', JSON.stringify({ username: 'nul', displayName: '空\u0000字符', password: 'ghost-password-1', role: 'clerk', agencyId: agencies.deptA }), 'bad_text'],
      ['/api/users', JSON.stringify({ username: 'evil\u202egnp', displayName: '方向', password: 'ghost-password-1', role: 'clerk', agencyId: agencies.deptA }), 'invalid_body'],
      ['/api/agencies', '{"name":"某局\\ud800","kind":"department","parentId":null}', 'bad_text'],
    ] as const;
    for (const [path, body, code] of cases) {
      const res = await admin.request('POST', path, body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const rename = await admin.request('PATCH', `/api/agencies/${agencies.deptB}`, '{"name":"市教育局\\udfff"}');
    expect(rename.status).toBe(400);
    expect((await admin.get('/api/users')).body.users.length).toBe(usersBefore);
    expect((await admin.get('/api/agencies')).body.agencies.find((a: { id: string }) => a.id === agencies.deptB).name).toBe('市教育局');
    // NUL inside a report document is refused the same way.
    const doc = cleanDocument('市司法局\u0000', 2024);
    expect((await save(world.users.clerkA, { baseRevision: 1, document: doc })).body.error.code).toBe('bad_text');
  });

  it('invisible characters are removed on save and the answer says where; the agency is the report’s; an emoji blocks submitting', async () => {
    const { clerkB } = world.users;
    const doc = cleanDocument('市司法局', 2025); // clerkB is of 市教育局: the name in the document is not theirs to set
    doc.prose.problems = '无\u200b\u200b';
    const created = await clerkB.post('/api/reports', { year: 2025, document: doc });
    expect(created.status).toBe(201);
    expect(created.body.normalized).toEqual(['已删除“五、存在的主要问题及改进情况”中的 2 个不可见或控制字符（U+200B）']);
    expect(created.body.document.prose.problems).toBe('无');
    expect(created.body.document.agency.name).toBe('市教育局');
    const id = created.body.report.id;
    const withEmoji = { ...created.body.document, prose: { ...created.body.document.prose, problems: '无🙂' } };
    const saved = await clerkB.put(`/api/reports/${id}/document`, { baseRevision: 1, document: withEmoji });
    expect(saved.status).toBe(200);
    expect(saved.body.normalized).toEqual([]);
    const submit = await clerkB.post(`/api/reports/${id}/submit`, { revision: saved.body.revision.number });
    expect(submit.status).toBe(422);
    expect(JSON.stringify(submit.body)).toContain('“🙂”（U+1F642');
  });

  it('security headers on every response, errors as JSON without internals', async () => {
    for (const res of [await fetch(`${server.base}/api/session`), await fetch(`${server.base}/setup`), await fetch(`${server.base}/api/nope`)]) {
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
    const api = await world.users.clerkA.get('/api/nope');
    expect(api.status).toBe(404);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.body.error.code).toBe('not_found');
  });
});

describe('internal errors', () => {
  it('answer 500 with a generic Chinese message; the cause is only logged', async () => {
    const server = await startServer('pglite');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const admin = new Client(server.base);
      await server.db.close();
      const res = await admin.request('POST', '/api/session', { username: 'a', password: 'b' });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } });
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
      await server.close().catch(() => {});
    }
  });
});
