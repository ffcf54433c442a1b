// Password hashes carry their own scrypt parameters: a hash made at another cost (the app tests'
// server runs at PASSWORD_HASH_COST=10) verifies under any setting, and a bad setting stops the start.
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordHashCost, verifyPassword } from '../../src/server/auth/password.ts';

describe('password hashes', () => {
  it('are made at N = 2^17 unless PASSWORD_HASH_COST says otherwise', async () => {
    expect(await hashPassword('正确的密码')).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(passwordHashCost(undefined)).toBe(17);
    expect(passwordHashCost('')).toBe(17);
    expect(passwordHashCost('10')).toBe(10);
  });

  it('verify with the parameters stored in the hash', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('正确的密码'.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('正确的密码', stored)).toBe(true);
    expect(await verifyPassword('错误的密码', stored)).toBe(false);
  });

  it('refuse a cost outside 10–20 or not a whole number', () => {
    for (const bad of ['9', '21', '12.5', 'high']) expect(() => passwordHashCost(bad)).toThrow(/PASSWORD_HASH_COST/);
  });
});
