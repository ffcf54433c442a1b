// Renders the whole app in jsdom against the real server (one for all app test files, started by
// app-server.global.ts in vitest's own Node process — jsdom's globals are not Node's, so the server
// does not run inside the test): the ApiClient talks HTTP to it through a fetch that keeps the
// session cookie like a browser does. Each file has its own government, department and accounts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { beforeAll, inject, TestRunner } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { Api, type Fetch } from '../../src/app/data/api.ts';
import type { ReportRecord } from '../../src/app/data/api-client.ts';
import { ApiClient } from '../../src/app/data/api-client.ts';
import { ApiClientProvider, createQueryClient } from '../../src/app/data/queries.ts';
import type { ReportDocument } from '../../src/core/index.ts';
import { Client } from '../server/support/client.ts';

// What the app shows after a server round trip (a scrypt sign-in, a save) comes when it comes: the
// findBy/waitFor queries wait on the condition, with a ceiling far above any machine's speed, instead of
// testing-library's 1 s default, which a loaded 2-core machine overruns.
configure({ asyncUtilTimeout: 30_000 });

const shared = inject('appServer');
/** The password of every account here, the administrator's included. */
export const PASSWORD = shared.password;
/** The server's administrator, who sets up each file's agencies and accounts. */
export const ADMIN = shared.admin;
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
  /** This file's government (a top-level agency) and its department `AGENCY`, with their ids. */
  government: string;
  ids: { government: string; agency: string };
  /** Usernames of this file's clerk (张填报, of `AGENCY`) and reviewer (李审核, of the government). */
  clerk: string;
  reviewer: string;
  /** A store signed in as `username` (by default this file's clerk). */
  store(username?: string): Promise<ApiClient>;
}

/** Waits until app-server.global.ts has written the ready file: the server is up and set up, or failed. */
async function serverReady(): Promise<void> {
  let ready: string | undefined;
  while ((ready = readIfExists(shared.readyFile)) === undefined) await new Promise((next) => setTimeout(next, 25));
  const state = JSON.parse(ready) as { ok: boolean; error?: string };
  if (!state.ok) throw new Error(`the app tests' server did not start: ${state.error}`);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** This test file's government, department, clerk and reviewer on the shared server, named after the file. */
export function withAppServer(): AppWorld {
  const tag = basename(TestRunner.getCurrentSuite().file.name).replace(/\.test\.tsx?$/, '');
  const world = { base: shared.base, government: `测试市人民政府·${tag}`, clerk: `clerk-${tag}`, reviewer: `reviewer-${tag}` } as AppWorld;
  beforeAll(async () => {
    await serverReady();
    const admin = await new Client(world.base).login(ADMIN, PASSWORD);
    const government = (await admin.post('/api/agencies', { name: world.government, kind: 'government', parentId: null })).body.agency.id as string;
    const agency = (await admin.post('/api/agencies', { name: AGENCY, kind: 'department', parentId: government })).body.agency.id as string;
    world.ids = { government, agency };
    await admin.post('/api/users', { username: world.clerk, displayName: '张填报', password: PASSWORD, role: 'clerk', agencyId: agency });
    await admin.post('/api/users', { username: world.reviewer, displayName: '李审核', password: PASSWORD, role: 'reviewer', agencyId: government });
  });
  world.store = async (username = world.clerk) => {
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
  return { store, client, ...view };
}

export const cell = (id: string) => document.querySelector<HTMLInputElement>(`[data-cell="${id}"]`)!;
