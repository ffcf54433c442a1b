// Autosave latency with 50 concurrent editors on loopback, embedded (PGlite) and PostgreSQL.
// The server runs as its own process (as deployed); each editor has its own account and report and
// saves a real 19 KB report document. Two loads:
//   paced      — each editor autosaves about once a second (what the app does while people type);
//   saturated  — each editor saves again the moment the last save is acknowledged (a stress bound).
// Target: paced p99 ≤ 50 ms.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportDocument } from '../src/core/index.ts';
import { Client, setupAdmin } from '../tests/server/support/client.ts';
import { startPostgres } from '../tests/server/support/postgres.ts';
import { startServer } from './server-process.ts';

const ROOT = join(import.meta.dirname, '..');
const EDITORS = 50;
const PACED_SAVES = 20;
const SATURATED_SAVES = 20;
const PASSWORD = 'bench-password-1';

interface Editor {
  client: Client;
  reportId: string;
  head: number;
  document: ReportDocument;
}

async function prepare(base: string, seed: ReportDocument): Promise<Editor[]> {
  const admin = await setupAdmin(base);
  const root = (await admin.get('/api/agencies')).body.agencies[0].id;
  return Promise.all(
    Array.from({ length: EDITORS }, async (_, i) => {
      const agency = (await admin.post('/api/agencies', { name: `部门${i + 1}`, kind: 'department', parentId: root })).body.agency.id;
      await admin.post('/api/users', { username: `clerk${i + 1}`, displayName: `填报员${i + 1}`, password: PASSWORD, role: 'clerk', agencyId: agency });
      const client = await new Client(base).login(`clerk${i + 1}`, PASSWORD);
      const created = (await client.post('/api/reports', { year: seed.year, document: seed })).body;
      return { client, reportId: created.report.id, head: created.report.head, document: structuredClone(seed) };
    }),
  );
}

async function save(e: Editor, value: number): Promise<number> {
  e.document.cells['t2.licensing.decisions'] = value;
  e.document.prose.problems = `${e.document.prose.problems.slice(0, 2000)}${value % 10}`;
  const start = performance.now();
  const res = await e.client.put(`/api/reports/${e.reportId}/document`, { baseRevision: e.head, document: e.document });
  const ms = performance.now() - start;
  if (res.status !== 200) throw new Error(`save failed: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  e.head = res.body.revision.number;
  return ms;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(editors: Editor[], saves: number, pause: () => number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  let counter = 0;
  await Promise.all(
    editors.map(async (e) => {
      await sleep(pause());
      for (let i = 0; i < saves; i++) {
        latencies.push(await save(e, ++counter));
        await sleep(pause());
      }
    }),
  );
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(engine: string, load: string, { latencies, seconds }: { latencies: number[]; seconds: number }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `${engine.padEnd(10)} ${load.padEnd(10)} saves ${String(sorted.length).padStart(5)}  ${(sorted.length / seconds).toFixed(0).padStart(4)}/s   p50 ${f(percentile(sorted, 50))} ms   p99 ${f(percentile(sorted, 99))} ms   max ${f(sorted.at(-1)!)} ms`,
  );
}

export default async function autosaveBench(): Promise<void> {
  const seed = JSON.parse(readFileSync(join(ROOT, 'seeds/2022-zhongwei-spfw.json'), 'utf8')) as ReportDocument;
  console.log(`${EDITORS} editors, ${(JSON.stringify(seed).length / 1024).toFixed(0)} KB document; paced = one save per editor every ~1 s, saturated = no pause`);
  const cluster = await startPostgres({ durable: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    for (const [engine, env] of [
      ['PGlite', { DATA_DIR: dataDir }],
      ['PostgreSQL', { DATABASE_URL: await cluster.createDatabase() }],
    ] as const) {
      const server = await startServer(env);
      try {
        const editors = await prepare(server.base, seed);
        report(engine, 'paced', await run(editors, PACED_SAVES, () => 500 + Math.random() * 1000));
        report(engine, 'saturated', await run(editors, SATURATED_SAVES, () => 0));
      } finally {
        server.child.kill('SIGTERM');
      }
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
