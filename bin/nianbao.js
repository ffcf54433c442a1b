#!/usr/bin/env node
// Runs the compiled CLI (dist-cli/, built by `npm ci`) when it is up to date with the sources, else
// the TypeScript sources through tsx — slower to start, never stale.
import { freshCliEntry } from '../scripts/cli-build.mjs';

let entry = freshCliEntry();
if (!entry) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('../src/cli/main.ts', import.meta.url).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
