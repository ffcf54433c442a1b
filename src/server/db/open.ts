// Chooses the engine from the configuration and brings the schema up to date.
import { mkdir } from 'node:fs/promises';
import type { Db } from './adapter.ts';
import { migrate } from './migrate.ts';
import { backfillRevisionSummaries } from '../oversight/revision-summary.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type DbConfig = { databaseUrl: string } | { dataDir: string | null };

export async function openDatabase(config: DbConfig): Promise<Db> {
  let db: Db;
  if ('databaseUrl' in config) db = await openPostgres(config.databaseUrl);
  else {
    if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
    db = await openPglite(config.dataDir ?? undefined);
  }
  try {
    await migrate(db);
    await backfillRevisionSummaries(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
