// Chooses the engine from the configuration and brings the schema up to date.
import { mkdir } from 'node:fs/promises';
import { backfillRevisionSummaries } from '../oversight/recount.ts';
import type { Db } from './adapter.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type DbConfig = { databaseUrl: string } | { dataDir: string | null };

export async function openDatabase(config: DbConfig): Promise<Db> {
  let db: Db;
  if ('databaseUrl' in config) db = await openPostgres(config.databaseUrl);
  else if (config.dataDir) {
    await mkdir(config.dataDir, { recursive: true });
    // Locked before PGlite touches a file: a refused second process must not have written anything.
    const unlock = lockDataDir(config.dataDir);
    try {
      db = withRelease(await openPglite(config.dataDir), unlock);
    } catch (e) {
      unlock();
      throw e;
    }
  } else db = await openPglite();
  try {
    await migrate(db);
    await backfillRevisionSummaries(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

function withRelease(db: Db, release: () => void): Db {
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
