// Migration 0004 adds each revision's summary (finding counts, cells with derived totals); revisions
// stored before it are summarized when the server starts, matching what the rule engine says with
// last year's report (the cross-year checks, migration 0005).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CELL_IDS, checkReport, withDerivedTotals } from '../../src/core/index.ts';
import type { Db } from '../../src/server/db/adapter.ts';
import { loadMigrations, migrate } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { databaseConfig, ENGINES, stopPostgres } from './support/harness.ts';
import { brokenDocument, cleanDocument } from './support/world.ts';

afterAll(stopPostgres);

describe.each(ENGINES)('revision summaries (%s)', (engine) => {
  it('backfills the revisions stored before migration 0004', async () => {
    const config = await databaseConfig(engine);
    const url = 'databaseUrl' in config ? config.databaseUrl! : null;
    // PGlite on disk, so the database outlives closing it as a server's would.
    const dir = engine === 'pglite' ? await mkdtemp(join(tmpdir(), 'nianbao-counts-')) : null;
    const open = (): Promise<Db> => (url ? openPostgres(url) : openPglite(dir!));
    const before = (await loadMigrations()).filter((m) => m.version < 4);
    const docs = [cleanDocument('市司法局', 2024), brokenDocument('市司法局', 2024)];
    const lastYear = cleanDocument('市司法局', 2023);
    lastYear.cells['t3.carriedOut.natural'] = 3;
    let db = await open();
    await migrate(db, before);
    await db.query("insert into agencies (id, name, kind) values ('a', '市司法局', 'department')");
    await db.query("insert into users (id, username, display_name, password_hash, role, agency_id) values ('u', 'u', 'u', 'x', 'clerk', 'a')");
    await db.query("insert into reports (id, agency_id, year, status, head) values ('p', 'a', 2023, 'draft', 1), ('r', 'a', 2024, 'draft', 2)");
    await db.query("insert into revisions (report_id, number, document, author_id, kind, changes) values ('p', 1, $1::jsonb, 'u', 'create', '{}')", [JSON.stringify(lastYear)]);
    for (const [i, doc] of docs.entries()) {
      await db.query("insert into revisions (report_id, number, document, author_id, kind, changes) values ('r', $1, $2::jsonb, 'u', 'save', '{}')", [i + 1, JSON.stringify(doc)]);
    }
    await db.close();

    db = await openDatabase(url ? { databaseUrl: url } : { dataDir: dir });
    try {
      const rows = await db.query<{ number: number; errors: number; warnings: number; cell_values: (number | null)[] }>(
        "select number, errors, warnings, cell_values from revisions where report_id = 'r' order by number",
      );
      const expected = docs.map((doc, i) => {
        const derived = withDerivedTotals(doc);
        const findings = checkReport(derived, { totals: 'asPrinted', previous: lastYear });
        const errors = findings.filter((f) => f.severity === 'error').length;
        return { number: i + 1, errors, warnings: findings.length - errors, cell_values: CELL_IDS.map((id) => derived.cells[id]) };
      });
      expect(rows).toEqual(expected);
      expect(rows[1]!.errors).toBeGreaterThan(0);
      expect(checkReport(docs[0]!, { totals: 'computed', previous: lastYear }).map((f) => f.rule)).toContain('carryOver.mismatch');
    } finally {
      await db.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
