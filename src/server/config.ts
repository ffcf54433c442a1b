// Settings from the environment: where to listen and which database to use.
import type { DbConfig } from './db/open.ts';

export interface ServerConfig {
  port: number;
  host: string;
  db: DbConfig;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 设置不正确：${env.PORT}`);
  return {
    port,
    // Localhost unless told otherwise: exposing the server is a deliberate choice.
    host: env.HOST ?? '127.0.0.1',
    db: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? 'data' },
  };
}
