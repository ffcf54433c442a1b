// `npm start`: the server on the embedded database in ./data, or on PostgreSQL with DATABASE_URL.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { DataDirBusyError } from './db/data-dir-lock.ts';
import { openDatabase } from './db/open.ts';

const config = readConfig();
const db = await openDatabase(config.db).catch((e: unknown) => {
  if (!(e instanceof DataDirBusyError)) throw e;
  console.error(e.message);
  process.exit(1);
});
const app = createApp({ db, allowedHosts: config.allowedHosts, trustProxy: config.trustProxy });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const where = 'databaseUrl' in config.db ? 'PostgreSQL（DATABASE_URL）' : `内置数据库（${config.db.dataDir}）`;
  console.log(`年报服务已启动：http://${host}:${info.port}  数据：${where}`);
});

async function shutdown() {
  server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
