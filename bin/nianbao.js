#!/usr/bin/env node
// Runs the compiled CLI (dist-cli/, built by `npm ci`) when it is up to date with the sources, else
// the TypeScript sources through tsx — slower to start, never stale. CommonJS (bin/package.json):
// starting as an ES module would set up Node's ES module loader, which the compiled CLI never uses.
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { freshCliEntry, loadBuiltCli } = require('../scripts/cli-run.cjs');

async function sources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(__dirname, '../src/cli/main.ts')).href);
}

async function run() {
  const entry = freshCliEntry();
  const { main } = entry ? loadBuiltCli(entry) : await sources();
  process.exitCode = await main(process.argv.slice(2));
}

run();
