// Logins under a burst: 40 parallel wrong passwords for one account and 40 unknown names, from one
// address, against the real server process (PGlite, behind one trusted proxy so that clients have
// their own addresses). What counts is what the attacker gets (how many attempts reach the password
// hash) and how long everyone else waits meanwhile: another user's login from elsewhere and a plain
// API request. Target: the other login < 2 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, setupAdmin } from '../tests/server/support/client.ts';
import { freePort } from '../tests/server/support/postgres.ts';

const ROOT = join(import.meta.dirname, '..');
const PASSWORD = 'bench-password-1';
const BURST = 40;
const ATTACKER = { 'x-forwarded-for': '203.0.113.5' };
const ELSEWHERE = { 'x-forwarded-for': '198.51.100.7' };

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

export default async function loginBurstBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('年报服务已启动') && resolve());
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const admin = await setupAdmin(base);
    const agencyId = (await admin.get('/api/agencies')).body.agencies[0].id;
    for (const username of ['victim', 'other']) await admin.post('/api/users', { username, displayName: username, password: PASSWORD, role: 'clerk', agencyId });
    const signedIn = await new Client(base).login('other', PASSWORD);

    for (const [what, name] of [
      ['wrong passwords, one account', () => 'victim'],
      ['unknown names', (i: number) => `nobody${i}`],
    ] as const) {
      const [burst, login, plain] = await Promise.all([
        timed(() => Promise.all(Array.from({ length: BURST }, (_, i) => new Client(base).request('POST', '/api/session', { username: name(i), password: 'wrong-password' }, ATTACKER)))),
        timed(() => new Client(base).request('POST', '/api/session', { username: 'other', password: PASSWORD }, ELSEWHERE)),
        timed(() => signedIn.get('/api/session')),
      ]);
      const hashed = burst.value.filter((r) => r.status === 401).length;
      const refused = burst.value.filter((r) => r.status === 429).length;
      if (login.value.status !== 200) throw new Error(`the other login failed: ${login.value.status}`);
      console.log(
        `login burst  ${BURST} ${what.padEnd(28)} ${String(hashed).padStart(2)} hashed (401), ${String(refused).padStart(2)} refused (429) in ${burst.ms.toFixed(0).padStart(5)} ms   another login ${login.ms.toFixed(0).padStart(5)} ms   GET /api/session ${plain.ms.toFixed(0).padStart(4)} ms`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
