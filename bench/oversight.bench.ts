// The 政务公开 office's console at province scale, embedded (PGlite) and PostgreSQL: a tree of 2,000
// agencies (province → 14 cities → 6 counties each, each government with its departments), five
// report years, 8,000 reports with consistent random tables and a real report's prose, one clerk per
// agency, some reminders. Seeded straight into the database; measured over HTTP against the server
// in its own process, signed in as the province's reviewer.
// Targets: board p95 ≤ 300 ms; roll-up JSON of 2,000 reports ≤ 1 s; roll-up XLSX ≤ 3 s.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocumentJson, type ReportDocument } from '../src/core/index.ts';
import { hashPassword } from '../src/server/auth/password.ts';
import type { Db } from '../src/server/db/adapter.ts';
import { type DbConfig, openDatabase } from '../src/server/db/open.ts';
import { summarizeRevision } from '../src/server/oversight/revision-summary.ts';
import { Client } from '../tests/server/support/client.ts';
import { startPostgres } from '../tests/server/support/postgres.ts';
import { consistentDocument, seedlingsArb } from '../tests/support/documents.ts';
import { startServer, stopServer } from './server-process.ts';

const ROOT = join(import.meta.dirname, '..');
const PASSWORD = 'bench-password-1';
/** Reports per year: the two finished years complete, earlier ones thinner, the open year in progress. */
const YEARS: [number, number][] = [
  [2022, 1400],
  [2023, 1600],
  [2024, 2000],
  [2025, 2000],
  [2026, 1000],
];
const FULL_YEAR = 2025;
const OPEN_YEAR = 2026;
const BOARD_REQUESTS = 60;
const FILE_REQUESTS = 5;

interface Agency {
  id: string;
  name: string;
  kind: 'department' | 'government';
  parentId: string | null;
}

const DEPARTMENTS = [
  '发展和改革委员会',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
];

function agencyTree(): Agency[] {
  const out: Agency[] = [];
  const add = (name: string, kind: Agency['kind'], parentId: string | null) => {
    const a = { id: randomUUID(), name, kind, parentId };
    out.push(a);
    return a.id;
  };
  const departments = (gov: string, prefix: string, n: number) => {
    for (let i = 0; i < n; i++) add(`${prefix}${DEPARTMENTS[i % DEPARTMENTS.length]}${i >= DEPARTMENTS.length ? `（${Math.floor(i / DEPARTMENTS.length) + 1}）` : ''}`, 'department', gov);
  };
  const province = add('某省人民政府', 'government', null);
  departments(province, '省', 81);
  for (let c = 1; c <= 14; c++) {
    const city = add(`第${c}市人民政府`, 'government', province);
    departments(city, `第${c}市`, 40);
    for (let k = 1; k <= 6; k++) {
      const county = add(`第${c}市第${k}县人民政府`, 'government', city);
      departments(county, `第${c}市第${k}县`, 15);
    }
  }
  return out;
}

/** Multi-row inserts, `columns` values per row. */
async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][], casts: Record<string, string> = {}) {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const values = batch.map((_, r) => `(${columns.map((c, k) => `$${r * columns.length + k + 1}${casts[c] ?? ''}`).join(', ')})`).join(', ');
    await db.query(`insert into ${table} (${columns.join(', ')}) values ${values}`, batch.flat());
  }
}

async function seed(config: DbConfig, prose: ReportDocument): Promise<void> {
  const db = await openDatabase(config);
  try {
    const agencies = agencyTree();
    const province = agencies[0]!;
    await insertRows(
      db,
      'agencies',
      ['id', 'name', 'kind', 'parent_id'],
      agencies.map((a) => [a.id, a.name, a.kind, a.parentId]),
    );
    const hash = await hashPassword(PASSWORD);
    const reviewer = randomUUID();
    const clerks = agencies.map((a, i) => [randomUUID(), `clerk${i}`, `填报员${i}`, hash, 'clerk', a.id]);
    await insertRows(db, 'users', ['id', 'username', 'display_name', 'password_hash', 'role', 'agency_id'], [[reviewer, 'province', '省政务公开办', hash, 'reviewer', province.id], ...clerks]);
    const random = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { seed: 2026, numRuns: 20_000 });
    let r = 0;
    const seedlings = fc.sample(seedlingsArb, { seed: 12, numRuns: 200 });
    // Each agency's document of the year before, for the counts' cross-year checks.
    let lastYear = new Map<string, ReportDocument>();
    for (const [year, count] of YEARS) {
      const thisYear = new Map<string, ReportDocument>();
      // The first `count` agencies in a shuffled order report this year.
      const order = agencies
        .map((a) => ({ a, k: random[r++ % random.length]! }))
        .sort((x, y) => x.k - y.k)
        .slice(0, count);
      const reports: unknown[][] = [];
      const revisions: unknown[][] = [];
      order.forEach(({ a }, i) => {
        const tables = consistentDocument(seedlings[i % seedlings.length]!, year);
        const document: ReportDocument = { ...prose, year, agency: { ...prose.agency, name: a.name, kind: a.kind }, cells: tables.cells, cellText: {}, notApplicable: [] };
        const status = year < OPEN_YEAR ? 'published' : (['draft', 'draft', 'submitted', 'returned', 'approved', 'published'] as const)[i % 6];
        const id = randomUUID();
        const summary = summarizeRevision(document, lastYear.get(a.id) ?? null);
        thisYear.set(a.id, document);
        reports.push([id, a.id, year, status, 1]);
        revisions.push([id, 1, JSON.stringify(document), clerks[agencies.indexOf(a)]![0], 'create', '{"cells":[],"texts":[],"fields":[]}', summary.errors, summary.warnings, summary.cellValues]);
      });
      await insertRows(db, 'reports', ['id', 'agency_id', 'year', 'status', 'head'], reports);
      await insertRows(db, 'revisions', ['report_id', 'number', 'document', 'author_id', 'kind', 'changes', 'errors', 'warnings', 'cell_values'], revisions, {
        document: '::jsonb',
        changes: '::jsonb',
        cell_values: '::float8[]',
      });
      lastYear = thisYear;
    }
    const reminders = agencies.filter((_, i) => i % 3 === 0).map((a) => [randomUUID(), OPEN_YEAR, a.id, '请按期报送年度报告', reviewer]);
    await insertRows(db, 'reminders', ['id', 'year', 'agency_id', 'message', 'sent_by'], reminders);
    await db.exec('analyze');
  } finally {
    await db.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(client: Client, path: string, times: number, check: (status: number, body: unknown) => void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const res = path.includes('format=xlsx') ? await client.download(path) : await client.get(path);
    out.push(performance.now() - start);
    check(res.status, 'body' in res ? res.body : res.bytes);
  }
  return out.sort((a, b) => a - b);
}

const fmt = (v: number[]) => `p50 ${percentile(v, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(v, 95).toFixed(0).padStart(5)} ms   max ${v.at(-1)!.toFixed(0).padStart(5)} ms`;

export default async function oversightBench(): Promise<void> {
  // Parsed as the server parses a document, so fields the seed file leaves out get their defaults.
  const parsed = parseDocumentJson(readFileSync(join(ROOT, 'seeds/2022-zhongwei-spfw.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const prose = parsed.document;
  console.log(`2,000 agencies, ${YEARS.reduce((n, [, c]) => n + c, 0)} reports over ${YEARS.length} years (${(JSON.stringify(prose).length / 1024).toFixed(0)} KB documents)`);
  const cluster = await startPostgres({ durable: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    for (const [engine, config, env] of [
      ['PGlite', { dataDir }, { DATA_DIR: dataDir }],
      ['PostgreSQL', ...(await cluster.createDatabase().then((url) => [{ databaseUrl: url }, { DATABASE_URL: url }] as const))],
    ] as const) {
      const seedStart = performance.now();
      await seed(config, prose);
      console.log(`${engine}: seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
      const server = await startServer(env);
      try {
        const office = await new Client(server.base).login('province', PASSWORD);
        // The smallest request there is, for scale: how loaded the machine is right now.
        const session = await timed(office, '/api/session', BOARD_REQUESTS, (status) => {
          if (status !== 200) throw new Error(`session: ${status}`);
        });
        console.log(`${engine.padEnd(10)} GET /api/session (reference)  ${fmt(session)}`);
        const board = await timed(office, `/api/oversight?year=${OPEN_YEAR}`, BOARD_REQUESTS, (status, body) => {
          if (status !== 200 || (body as { agencies: unknown[] }).agencies.length !== 2000) throw new Error(`board: ${status}`);
        });
        console.log(`${engine.padEnd(10)} board (2,000 agencies)        ${fmt(board)}   (target p95 ≤ 300 ms)`);
        const json = await timed(office, `/api/oversight/rollup?year=${FULL_YEAR}`, FILE_REQUESTS, (status, body) => {
          if (status !== 200 || (body as { included: unknown[] }).included.length !== 2000) throw new Error(`roll-up: ${status}`);
        });
        console.log(`${engine.padEnd(10)} roll-up JSON (2,000 reports)  ${fmt(json)}   (target ≤ 1 s)`);
        const xlsx = await timed(office, `/api/oversight/rollup?year=${FULL_YEAR}&format=xlsx`, FILE_REQUESTS, (status) => {
          if (status !== 200) throw new Error(`xlsx: ${status}`);
        });
        console.log(`${engine.padEnd(10)} roll-up XLSX (2,000 reports)  ${fmt(xlsx)}   (target ≤ 3 s)`);
      } finally {
        await stopServer(server.child);
      }
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
