// Seeded randomness for tests: the same run on any machine, and a failure replayable from its seed
// (TEST_SEED=<n> npm test to explore others).

/** The seed of this run: TEST_SEED, or a fixed default. */
export const TEST_SEED = Number(process.env.TEST_SEED ?? 20_261_201);

/** Small seeded PRNG (mulberry32): numbers in [0, 1). */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
