// Password hashing with scrypt (node:crypto). Parameters are stored in the hash, so they can be
// raised later without invalidating existing passwords. N = 2^17, r = 8, p = 1 follows OWASP's
// password storage guidance (~0.2 s and 128 MiB per hash, off the event loop). PASSWORD_HASH_COST
// (log2 N, 10–20) sets N for new hashes: the app-component tests' server, whose tests are about
// screens, not hashing, runs with a lower cost; verifying always uses the hash's own parameters.
//
// Hashes run a few at a time with a short queue behind them; beyond that a request is refused at
// once (429). A burst of logins then costs bounded memory and CPU, and other requests go on.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors.ts';

const N = 2 ** passwordHashCost(process.env.PASSWORD_HASH_COST);
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function passwordHashCost(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 17;
  const cost = Number(setting);
  if (!Number.isInteger(cost) || cost < 10 || cost > 20) throw new Error(`PASSWORD_HASH_COST 应为 10 到 20 之间的整数：${setting}`);
  return cost;
}

const MAX_RUNNING = 2;
const MAX_WAITING = 64;
let running = 0;
let waitingCount = 0;
/** Waiting hashes by client address, served in turn: a burst from one address does not delay everyone else. */
const waiting = new Map<string, (() => void)[]>();

async function inHashSlot<T>(queueKey: string, fn: () => Promise<T>): Promise<T> {
  if (running < MAX_RUNNING) running++;
  else if (waitingCount < MAX_WAITING) {
    waitingCount++;
    await new Promise<void>((resolve) => {
      const queue = waiting.get(queueKey);
      if (queue) queue.push(resolve);
      else waiting.set(queueKey, [resolve]);
    });
  } else throw new HttpError(429, 'busy', '服务器正忙，请稍后再试');
  try {
    return await fn();
  } finally {
    passSlotOn();
  }
}

/** The slot goes straight to the first waiter of the address next in turn, or frees up. */
function passSlotOn(): void {
  const [key, queue] = waiting.entries().next().value ?? [];
  if (key === undefined || !queue) {
    running--;
    return;
  }
  const next = queue.shift()!;
  waiting.delete(key);
  if (queue.length) waiting.set(key, queue); // to the back of the line
  waitingCount--;
  next();
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number, queueKey: string): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return inHashSlot(queueKey, () => new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)))));
}

/** "scrypt$N$r$p$salt$key" with base64 salt and key. queueKey: the client's address (see inHashSlot). */
export async function hashPassword(password: string, queueKey = ''): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P, queueKey);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string, queueKey = ''): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), queueKey);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash nobody's password matches: verifying against it makes unknown usernames as slow as known ones. */
export const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));
