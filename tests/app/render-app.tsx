// Renders the whole app in jsdom against the real server (its own process on a fresh embedded
// database — jsdom's globals are not Node's, so the server does not run inside the test): the
// ApiClient talks HTTP to it through a fetch that keeps the session cookie like a browser does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { afterAll, beforeAll } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { Api, type Fetch } from '../../src/app/data/api.ts';
import { createQueryClient, ApiClientProvider } from '../../src/app/data/queries.ts';
import { ApiClient } from '../../src/app/data/api-client.ts';
import type { ReportRecord } from '../../src/app/data/api-client.ts';
import type { ReportDocument } from '../../src/core/index.ts';
import { Client } from '../server/support/client.ts';
import { freePort } from '../server/support/postgres.ts';

// What the app shows after a server round trip (a scrypt sign-in, a save) comes when it comes: the
// findBy/waitFor queries wait on the condition, with a ceiling far above any machine's speed, instead of
// testing-library's 1 s default, which a loaded 2-core machine overruns.
configure({ asyncUtilTimeout: 30_000 });

export const PASSWORD = 'app-test-password';
export const AGENCY = '测试市交通运输局';

/** Node's fetch with a cookie jar (the browser keeps the HttpOnly session cookie the same way). */
export function cookieFetch(): Fetch {
  let cookie = '';
  return async (url, init) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    // jsdom's AbortSignal is not Node's; requests in tests need no timeout.
    const res = await fetch(url, { method: init.method, body: init.body, headers });
    for (const set of res.headers.getSetCookie()) {
      const m = /^nianbao_session=([^;]*)/.exec(set);
      if (m) cookie = m[1] ? `nianbao_session=${m[1]}` : '';
    }
    return res;
  };
}

export interface AppWorld {
  base: string;
  /** A store signed in as `username` (clerk, reviewer or admin). */
  store(username?: string): Promise<ApiClient>;
}

async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((done, fail) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('年报服务已启动')) done();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Starts a server with one government, one department, a clerk and a reviewer for the test file. */
export function withAppServer(): AppWorld {
  const world = { base: '' } as AppWorld;
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-app-test-'));
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    ({ child, base: world.base } = await startServerProcess(dataDir));
    const form = `agencyName=${encodeURIComponent('测试市人民政府')}&agencyKind=government&username=admin&displayName=admin&password=${PASSWORD}&password2=${PASSWORD}`;
    const setup = await fetch(`${world.base}/setup`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: world.base, 'content-type': 'application/x-www-form-urlencoded' } });
    if (setup.status !== 303) throw new Error(`setup: ${setup.status}`);
    const admin = await new Client(world.base).login('admin', PASSWORD);
    const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
    const dept = (await admin.post('/api/agencies', { name: AGENCY, kind: 'department', parentId: gov })).body.agency.id as string;
    await admin.post('/api/users', { username: 'clerk', displayName: '张填报', password: PASSWORD, role: 'clerk', agencyId: dept });
    await admin.post('/api/users', { username: 'reviewer', displayName: '李审核', password: PASSWORD, role: 'reviewer', agencyId: gov });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) await new Promise((done) => (child!.once('exit', done), child!.kill('SIGTERM')));
    rmSync(dataDir, { recursive: true, force: true });
  });
  world.store = async (username = 'clerk') => {
    const store = new ApiClient(new Api(world.base, cookieFetch()));
    await store.signIn(username, PASSWORD);
    return store;
  };
  return world;
}

let nextYear = 2010;

/** A report of its own year (one report per agency and year), with last year's report when given. */
export async function createReport(store: ApiClient, doc: ReportDocument, previous?: ReportDocument): Promise<ReportRecord> {
  const year = (nextYear += 2);
  if (previous) await store.create(year - 1, { ...structuredClone(previous), year: year - 1 });
  return store.create(year, { ...structuredClone(doc), year });
}

export function renderApp(store: ApiClient, hash = '#/') {
  window.location.hash = hash;
  const client = createQueryClient({ retry: false });
  const view = render(
    <QueryClientProvider client={client}>
      <ApiClientProvider client={store}>
        <App />
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  return { store, ...view };
}

export const cell = (id: string) => document.querySelector<HTMLInputElement>(`[data-cell="${id}"]`)!;
