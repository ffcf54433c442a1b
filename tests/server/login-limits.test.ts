// Login limits under parallel requests: the attempt is reserved before the password is hashed, so
// a burst cannot slip past the count; password hashes run a few at a time; changing one's password
// has the same limits — on both engines.
import { describe, expect, it } from 'vitest';
import { Client } from './support/client.ts';
import { ENGINES } from './support/harness.ts';
import { PASSWORD, withServerWorld } from './support/world.ts';

const attempt = (base: string, username: string, password: string) => new Client(base).request('POST', '/api/session', { username, password });

function tally(statuses: number[]) {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

describe.each(ENGINES)('login limits (%s)', (engine) => {
  const ctx = withServerWorld(engine);

  it('40 parallel wrong passwords for one account: 5 reach the hash, 35 are refused at once; another login goes through meanwhile', async () => {
    const base = ctx.server.base;
    const [burst, other] = await Promise.all([Promise.all(Array.from({ length: 40 }, () => attempt(base, 'clerkOther', 'wrong-password'))), attempt(base, 'reviewerOther', PASSWORD)]);
    expect(tally(burst.map((r) => r.status))).toEqual({ 401: 5, 429: 35 });
    expect(burst.filter((r) => r.status === 429).every((r) => r.body.error.code === 'too_many_attempts')).toBe(true);
    expect(other.status).toBe(200);
    // The right password waits out the window too.
    expect((await attempt(base, 'clerkOther', PASSWORD)).status).toBe(429);
  });

  it('changing one’s password has the same limit on guessing the current one', async () => {
    const { clerkB } = ctx.world.users;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await clerkB.put('/api/session/password', { currentPassword: 'wrong-password', newPassword: 'new-password-1' })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    expect((await clerkB.put('/api/session/password', { currentPassword: PASSWORD, newPassword: 'new-password-1' })).status).toBe(429);
  });

  it('a parallel spray of unknown names from one address stops at the address limit', async () => {
    // 10 failures from this address so far (5 above, 5 on the password change): 20 left of 30.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(ctx.server.base, `nobody${i}`, 'x')));
    const t = tally(burst.map((r) => r.status));
    expect(t[401]).toBeLessThanOrEqual(20);
    expect((t[401] ?? 0) + (t[429] ?? 0)).toBe(40);
    expect(burst.every((r) => r.status === 401 || r.body.error.message.match(/请 15 分钟后再试|服务器正忙/))).toBe(true);
  });
});
