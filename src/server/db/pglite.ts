// Embedded engine: PostgreSQL compiled to WebAssembly, in-process, data in one directory.
// Zero setup for a single office; one process owns the directory.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './adapter.ts';

function wrap(conn: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await conn.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/** dataDir undefined → in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  const base = wrap(pg);
  return {
    engine: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
