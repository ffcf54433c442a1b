// Crash safety: the real server process is killed with SIGKILL in the middle of a burst of saves
// and started again on the same data; every save it acknowledged is there, exactly as sent. On the
// embedded database a second process on the same data directory is refused before it opens it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rng, TEST_SEED } from '../support/random.ts';
import { Client, setupAdmin } from './support/client.ts';
import { ENGINES, type Engine, postgresCluster, stopPostgres } from './support/harness.ts';
import { freePort } from './support/postgres.ts';
import { cleanDocument } from './support/world.ts';

const ROOT = join(import.meta.dirname, '../..');

function spawnServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a server that is expected to refuse to start; resolves with its exit code and output. */
function runRefused(env: Record<string, string>, port: number): Promise<{ code: number | null; output: string }> {
  const child = spawnServer(env, port);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawnServer(env, port);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('年报服务已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(ENGINES)('crash safety (%s)', (engine: Engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-crash-'));
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await stopPostgres();
  });

  it('every acknowledged save survives kill -9 during a burst of saves', async () => {
    const env: Record<string, string> = engine === 'pglite' ? { DATA_DIR: dataDir } : { DATABASE_URL: await (await postgresCluster()).createDatabase() };
    let server = await startProcess(env);
    try {
      const admin = await setupAdmin(server.base);
      const agencyId = (await admin.get('/api/agencies')).body.agencies[0].id;
      await admin.post('/api/users', { username: 'clerk', displayName: '填报员', password: 'crash-password-1', role: 'clerk', agencyId });
      const clerk = await new Client(server.base).login('clerk', 'crash-password-1');
      const reports = await Promise.all(
        [2021, 2022, 2023, 2024].map(async (year) => ({ year, id: (await clerk.post('/api/reports', { year, document: cleanDocument('某某市人民政府', year) })).body.report.id as string })),
      );

      const acked: { reportId: string; revision: number; value: number }[] = [];
      let stop = false;
      const writer = async ({ id, year }: { id: string; year: number }) => {
        let base = 1;
        for (let value = 1; !stop; value++) {
          const document = cleanDocument('某某市人民政府', year);
          document.cells['t2.licensing.decisions'] = value;
          try {
            const res = await clerk.put(`/api/reports/${id}/document`, { baseRevision: base, document });
            if (res.status !== 200) throw new Error(`save ${res.status}`);
            base = res.body.revision.number;
            acked.push({ reportId: id, revision: base, value });
          } catch {
            return; // the server is gone: this save was never acknowledged
          }
        }
      };
      const writers = reports.map(writer);
      // Kill while saves are in flight, after some have been acknowledged (how many: seeded).
      const killAfter = 40 + Math.floor(rng(TEST_SEED)() * 40);
      while (acked.length < killAfter) await new Promise((r) => setTimeout(r, 5));
      if (engine === 'pglite') {
        // A second `npm start` in the middle of the burst: refused by the lock, before it opens the
        // database (without the lock it opened it, then failed on the port).
        const second = await runRefused(env, Number(new URL(server.base).port));
        expect(second.code).toBe(1);
        expect(second.output).toContain(`数据目录正被进程 ${server.child.pid} 使用`);
      }
      await kill9(server.child);
      stop = true;
      await Promise.all(writers);
      expect(acked.length).toBeGreaterThanOrEqual(40);

      server = await startProcess(env);
      const after = new Client(server.base);
      after.cookie = clerk.cookie; // sessions live in the database, so they survive the restart too
      for (const r of reports) {
        const mine = acked.filter((a) => a.reportId === r.id);
        const last = Math.max(1, ...mine.map((a) => a.revision));
        const head = (await after.get(`/api/reports/${r.id}`)).body.report.head;
        expect(head).toBeGreaterThanOrEqual(last);
        for (const a of mine) {
          const stored = await after.get(`/api/reports/${r.id}/revisions/${a.revision}`);
          expect(stored.status).toBe(200);
          expect(stored.body.document.cells['t2.licensing.decisions']).toBe(a.value);
        }
      }
      // And the server still takes saves after the crash.
      const r0 = reports[0]!;
      const head = (await after.get(`/api/reports/${r0.id}`)).body;
      after.csrf = (await after.get('/api/session')).body.csrfToken;
      const doc = { ...head.document, closing: '重启后' };
      expect((await after.put(`/api/reports/${r0.id}/document`, { baseRevision: head.report.head, document: doc })).status).toBe(200);
    } finally {
      await kill9(server.child);
    }
  });
});
