// Counts in messages are grouped as en-US prints them, without Intl (src/core/count-text.ts).
import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/core/index.ts';

describe('groupThousands', () => {
  it('groups digits by three as toLocaleString("en-US") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 200_000, 1_000_000, 987_654_321, Number.MAX_SAFE_INTEGER]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
