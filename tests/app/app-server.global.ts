// One real server for all app-component test files (vitest globalSetup of the `webapp` project), run as
// `npm start` runs it (its own process, on a fresh embedded database), its administrator created
// through /setup. Starting a server per file cost more than most of those files' tests; each file
// still builds its own government, department and accounts on it (render-app.tsx), so no file sees
// another's reports. Its password hashes are cheap (PASSWORD_HASH_COST=10): these tests are about screens;
// hashing at the real cost is tested in tests/server.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../server/support/postgres.ts';

export interface SharedAppServer {
  base: string;
  /** The administrator's username; every account of the app tests has `password`. */
  admin: string;
  password: string;
  /** Written once the server has started and its administrator exists: `{ ok: true }` or `{ ok: false, error }`. */
  readyFile: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    appServer: SharedAppServer;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-app-test-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', PASSWORD_HASH_COST: '10' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const shared: SharedAppServer = { base: `http://127.0.0.1:${port}`, admin: 'admin', password: 'app-test-password', readyFile: `${dataDir}.ready` };
  const stop = async () => {
    if (child.exitCode === null) await new Promise((done) => (child.once('exit', done), child.kill('SIGTERM')));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(shared.readyFile, { force: true });
  };
  // The server starts (a few seconds: tsx, migrations) while the other project's tests already run;
  // each app file waits for the ready file (render-app.tsx), which says whether the start succeeded.
  const announce = (state: object) => {
    writeFileSync(`${shared.readyFile}.tmp`, JSON.stringify(state));
    renameSync(`${shared.readyFile}.tmp`, shared.readyFile); // whole or not at all for the readers
  };
  void startAndSetUp(child, shared).then(
    () => announce({ ok: true }),
    (error: Error) => announce({ ok: false, error: error.message }),
  );
  project.provide('appServer', shared);
  return stop;
}

async function startAndSetUp(child: ChildProcess, shared: SharedAppServer): Promise<void> {
  let output = '';
  await new Promise<void>((done, fail) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('年报服务已启动')) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  const form = new URLSearchParams({ agencyName: '测试服务器', agencyKind: 'government', username: shared.admin, displayName: shared.admin, password: shared.password, password2: shared.password });
  const res = await fetch(`${shared.base}/setup`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: shared.base } });
  if (res.status !== 303) throw new Error(`setup: ${res.status} ${await res.text()}`);
}
