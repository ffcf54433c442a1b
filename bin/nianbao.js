#!/usr/bin/env node
// Runs the compiled CLI (dist-cli/, built by `npm ci`) when it is up to date with the sources, else
// the TypeScript sources through tsx — slower to start, never stale.
import { freshCliEntry, loadBuiltCli } from '../scripts/cli-build.mjs';

async function sources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('../src/cli/main.ts', import.meta.url).href);
}

const entry = freshCliEntry();
const { main } = entry ? loadBuiltCli(entry) : await sources();
process.exitCode = await main(process.argv.slice(2));
