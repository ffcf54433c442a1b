// Settings from the environment: where to listen and which database to use.
import type { DbConfig } from './db/open.ts';
import { parseTrustProxy, type TrustProxy } from './http/proxy.ts';

export interface ServerConfig {
  port: number;
  host: string;
  db: DbConfig;
  /** Host names the server answers to (DNS rebinding); the listening address and localhost by default. */
  allowedHosts: string[];
  trustProxy: TrustProxy;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 设置不正确：${env.PORT}`);
  // Localhost unless told otherwise: exposing the server is a deliberate choice.
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    db: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? 'data' },
    allowedHosts: env.ALLOWED_HOSTS
      ? env.ALLOWED_HOSTS.split(',')
          .map((h) => h.trim())
          .filter(Boolean)
      : [host, ...LOCAL_HOSTS],
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1'];
