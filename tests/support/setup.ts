// Runs before every test file: property tests draw from the run's seed (tests/support/random.ts), so
// a run is the same on any machine and a failure replays from its seed.
import fc from 'fast-check';
import { TEST_SEED } from './random.ts';

fc.configureGlobal({ seed: TEST_SEED });
