// Running the compiled CLI (scripts/cli-build.mjs makes it): whether the build is fresh, and its
// bundle compiled from the V8 code cache beside it. CommonJS, like bin/nianbao.js, which requires
// it: a command that starts as an ES module first sets up Node's ES module loader, which costs a
// fresh build's start several milliseconds for nothing.
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join, resolve, sep } = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const REPO = resolve(__dirname, '..');
const OUT = 'dist-cli';
const MANIFEST = 'manifest.json';
const ENTRY = 'main.cjs';
const CODE_CACHE = 'main.cjs.v8-cache';
/** The bundle is a function expression, as Node's loader wraps a CommonJS module (cli-build.mjs writes it so). */
const MODULE_WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const MODULE_WRAPPER_END = '\n})';

// Loaded when needed: Node's crypto takes milliseconds to load, and a fresh build's start rarely hashes.
const sha256 = (bytes) => require('node:crypto').createHash('sha256').update(bytes).digest('hex');

/** The manifest of the current build, or null. */
function readManifest(out) {
  try {
    return JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The built CLI's entry (a file: URL), or null when there is no complete build or any file it was
 * built from has changed since. A file whose size and mtime are as recorded is taken as unchanged;
 * one whose mtime differs (a checkout touches files) is compared by its hash.
 */
function freshCliEntry(root = REPO) {
  const out = join(root, OUT);
  const manifest = readManifest(out);
  if (!manifest?.build) return null;
  for (const [file, recorded] of Object.entries(manifest.inputs)) {
    // Not path.join: normalising each of a hundred paths costs a start milliseconds, and `file` is relative as recorded.
    const path = `${root}${sep}${file}`;
    let info;
    try {
      info = statSync(path);
    } catch {
      return null;
    }
    if (info.size !== recorded.size) return null;
    if (info.mtimeMs !== recorded.mtimeMs && sha256(readFileSync(path)) !== recorded.sha256) return null;
  }
  const entry = join(out, manifest.build, ENTRY);
  return statSync(entry, { throwIfNoEntry: false }) ? pathToFileURL(entry).href : null;
}

/**
 * The built CLI's `main`, compiled from its code cache when the cache was made after the bundle last
 * changed (V8 itself refuses a cache made by another V8, other flags, or for a source of another
 * length); `fromCache` says whether it was.
 */
function loadBuiltCli(entry) {
  const file = fileURLToPath(entry);
  const cache = join(dirname(file), CODE_CACHE);
  const cacheTime = statSync(cache, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const cachedData = cacheTime >= statSync(file).mtimeMs ? readFileSync(cache) : undefined;
  const { exports, script } = compileBundle(file, cachedData);
  return { main: exports.main, fromCache: !!cachedData && !script.cachedDataRejected };
}

/**
 * V8 hands a function to its optimising compiler (TurboFan) once it has run ~66 KB of bytecode. A
 * command runs for a fraction of a second: a PDF export had TurboFan compile functions it had nearly
 * done with — ~0.2 s of CPU on another thread, which a busy machine takes from the command itself.
 * With 16 times the budget they stay with the interpreter and baseline code, while the loops of a
 * long run (a bulk check) are still optimised, a few milliseconds later. Set before the bundle is
 * compiled: V8 takes a code cache only from a process with the same flags, so the warm-up sets it too.
 */
const V8_FLAGS = '--interrupt-budget=1081344';

/** Runs the CommonJS bundle as Node's loader would, compiled by a vm.Script that can use and make a code cache. */
function compileBundle(file, cachedData) {
  require('node:v8').setFlagsFromString(V8_FLAGS);
  // ASCII (cli-build.mjs): read as Latin-1, a copy into one byte per character.
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

module.exports = { REPO, OUT, MANIFEST, ENTRY, CODE_CACHE, MODULE_WRAPPER_START, MODULE_WRAPPER_END, sha256, readManifest, freshCliEntry, loadBuiltCli, compileBundle };
