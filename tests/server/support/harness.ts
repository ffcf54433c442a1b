// Runs the real server in-process on a random loopback port, over either engine: in-memory PGlite
// or a fresh database on the test's own PostgreSQL cluster.
import { type ServerType, serve } from '@hono/node-server';
import { type AppOptions, createApp } from '../../../src/server/app.ts';
import type { Db } from '../../../src/server/db/adapter.ts';
import { openDatabase } from '../../../src/server/db/open.ts';
import { type PostgresCluster, startPostgres } from './postgres.ts';

export const ENGINES = ['pglite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export interface TestServer {
  base: string;
  db: Db;
  close(): Promise<void>;
}

let cluster: Promise<PostgresCluster> | null = null;

/** One cluster per test file, started on first use. */
export function postgresCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgres();
  return cluster;
}

export async function stopPostgres(): Promise<void> {
  if (cluster) await (await cluster).stop();
  cluster = null;
}

export async function databaseConfig(engine: Engine) {
  return engine === 'pglite' ? { dataDir: null } : { databaseUrl: await (await postgresCluster()).createDatabase() };
}

export async function startServer(engine: Engine, options: Omit<AppOptions, 'db'> = {}): Promise<TestServer> {
  const db = await openDatabase(await databaseConfig(engine));
  const app = createApp({ db, distDir: null, ...options });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise((r) => server.close(r));
      await db.close();
    },
  };
}
