// The compiled CLI: src/cli and the npm packages it uses bundled by esbuild into dist-cli/ (one chunk
// per lazily imported command or renderer), so `npx nianbao` starts without compiling TypeScript or
// resolving hundreds of package modules (pdf-lib alone has ~300). `npm ci` builds it (the `prepare`
// script); bin/nianbao.js runs it only while every file it was built from is unchanged, and the
// TypeScript sources otherwise. Plain JavaScript: it runs before anything is compiled.
// `node scripts/cli-build.mjs` (npm run build:cli) rebuilds, and fills the font cache (plain-cache.ts)
// so that even the first PDF export after `npm ci` finds the shipped fonts analysed and unpacked.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = 'dist-cli';
const MANIFEST = 'manifest.json';
/** How long a replaced build stays for the commands still running from it (their chunks load lazily). */
const KEEP_REPLACED_MS = 60 * 60 * 1000;
/**
 * Files that shape the output besides the bundled sources: esbuild reads tsconfig.json, and npm's
 * record of the installed packages stands for the bundled packages' files.
 */
const BUILD_INPUTS = ['scripts/cli-build.mjs', 'package.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
/**
 * pdf.js finds its worker and character maps beside its own files, so it stays in node_modules; so
 * does the Brotli decoder, which only WOFF2 fonts need: 1.4 MB that every start would compile.
 */
const EXTERNAL = ['pdfjs-dist', 'brotli/*'];
/**
 * pdf-lib deflates every stream with fflate, which takes ~0.2 s on the ~200 KB font subset of a
 * report (Node's zlib: ~0.02 s, and smaller), and inflates its standard fonts' encodings at load
 * (~15 ms; zlib: 1 ms). In the bundle pdf-lib's fflate is fflate with zlibSync and unzlibSync from
 * node:zlib: the same PDF objects, compressed by zlib (a different but equally valid deflate); what
 * zlib cannot inflate is left to fflate, whose answer it then is.
 */
const PDF_LIB_ZLIB = `export * from 'fflate';
import { unzlibSync as fflateUnzlibSync } from 'fflate';
import { deflateSync, inflateSync } from 'node:zlib';
export function zlibSync(data, options = {}) {
  const out = deflateSync(data, { level: options.level ?? 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
export function unzlibSync(data, options) {
  if (options) return fflateUnzlibSync(data, options);
  let out;
  try {
    out = inflateSync(data);
  } catch {
    return fflateUnzlibSync(data);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}`;

/**
 * pdf-lib's SVG and XFA support (node-html-better-parser, with html-entities' tables) and its colour
 * parsing (culori, ~130 modules) are evaluated when it loads, though a report uses neither. In the
 * bundle pdf-lib imports each through a stand-in that loads the package when first used.
 */
const LAZY_FOR_PDF_LIB = {
  'node-html-better-parser': `let parser;
const load = () => (parser ??= require('node-html-better-parser'));
export const parse = (...args) => load().parse(...args);
export const NodeType = new Proxy({}, { get: (_, key) => load().NodeType[key] });`,
  culori: `let culori;
export function converter(mode) {
  let convert;
  return (...args) => (convert ??= (culori ??= require('culori')).converter(mode))(...args);
}`,
};

/**
 * tiny-inflate, in plain JavaScript, inflates the Unicode tables that unicode-properties and linebreak
 * load at start (~0.04 s); in the bundle it is Node's zlib, which inflates the same bytes.
 */
const TINY_INFLATE_ZLIB = `const { inflateRawSync } = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.subarray(0, dest.length));
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};`;

/**
 * fontkit decompresses at load what only some fonts or scripts need: the Unicode tables of its
 * Arabic, Indic and Universal shapers, and the Brotli dictionary (WOFF2 fonts). In the bundle each is
 * made on first use instead (~0.08 s less per start). A rewrite of fontkit 2.0.4's code: a fontkit
 * whose code differs keeps loading them eagerly, with a warning.
 */
function lazyFontkitData(source) {
  const tries = /new \(0, \$52ZIf\$unicodetrie\)\(([^;]*)\);/g;
  const brotli = 'import $52ZIf$brotlidecompressjs from "brotli/decompress.js";';
  if ((source.match(tries) ?? []).length !== 3 || !source.includes(brotli)) {
    process.stderr.write('nianbao: fontkit is not the expected version; its data loads eagerly\n');
    return source;
  }
  return source
    .replace(tries, (_, data) => `$lazyTrie(() => new (0, $52ZIf$unicodetrie)(${data}));`)
    .replace(brotli, 'const $52ZIf$brotlidecompressjs = (...args) => require("brotli/decompress.js")(...args);')
    .concat('\nfunction $lazyTrie(make) { let trie; return { get: (codePoint) => (trie ??= make()).get(codePoint) }; }\n');
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The manifest of the current build, or null. */
function readManifest(out) {
  try {
    return JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Bundles `root`/src/cli/main.ts into a new folder under `root`/dist-cli, recording every input
 * file's size, mtime and hash in dist-cli/manifest.json, whose rename makes the new build current:
 * a CLI starting meanwhile finds the old build or the new one, complete. A replaced build is removed
 * by a build an hour or more later, so that commands running from it can still load their chunks.
 */
export async function buildCli(root = REPO) {
  const { build } = await import('esbuild');
  const out = join(root, OUT);
  const name = `build-${Date.now()}-${process.pid}`;
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const inputs = {};
  // Stat before reading: a file changed after it was read then has another mtime, and its hash decides.
  const record = (file) => {
    const path = join(root, file);
    const { size, mtimeMs } = statSync(path);
    const bytes = readFileSync(path);
    inputs[file] = { size, mtimeMs, sha256: sha256(bytes) };
    return bytes;
  };
  BUILD_INPUTS.forEach(record);
  try {
    await build({
      absWorkingDir: root,
      // fonts: what the build fills the font cache with (loadShippedFonts).
      entryPoints: { main: 'src/cli/main.ts', fonts: 'src/export/fonts/node.ts' },
      outdir: dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      external: EXTERNAL,
      // Bundled CommonJS packages require Node's modules; an ES module has no `require` of its own.
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
      charset: 'utf8',
      logLevel: 'warning',
      plugins: [
        {
          name: 'pdf-lib-zlib',
          setup(b) {
            b.onResolve({ filter: /^fflate$/ }, ({ importer }) => (importer.includes(`${sep}@cantoo${sep}pdf-lib${sep}`) ? { path: 'fflate', namespace: 'pdf-lib-zlib' } : undefined));
            b.onLoad({ filter: /.*/, namespace: 'pdf-lib-zlib' }, () => ({ contents: PDF_LIB_ZLIB, resolveDir: root, loader: 'js' }));
          },
        },
        {
          name: 'lazy-for-pdf-lib',
          setup(b) {
            b.onResolve({ filter: /^(node-html-better-parser|culori)$/ }, ({ path, importer }) =>
              importer.includes(`${sep}@cantoo${sep}pdf-lib${sep}`) ? { path, namespace: 'lazy-for-pdf-lib' } : undefined,
            );
            b.onLoad({ filter: /.*/, namespace: 'lazy-for-pdf-lib' }, ({ path }) => ({ contents: LAZY_FOR_PDF_LIB[path], resolveDir: root, loader: 'js' }));
          },
        },
        {
          name: 'tiny-inflate-zlib',
          setup(b) {
            b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: 'tiny-inflate', namespace: 'tiny-inflate-zlib' }));
            b.onLoad({ filter: /.*/, namespace: 'tiny-inflate-zlib' }, () => ({ contents: TINY_INFLATE_ZLIB, resolveDir: root, loader: 'js' }));
          },
        },
        {
          name: 'lazy-fontkit-data',
          setup(b) {
            b.onLoad({ filter: /[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, ({ path }) => ({ contents: lazyFontkitData(readFileSync(path, 'utf8')), resolveDir: dirname(path), loader: 'js' }));
          },
        },
        {
          // Every source of ours is read here, so the manifest holds the hash of exactly what was bundled.
          name: 'record-inputs',
          setup(b) {
            b.onLoad({ filter: /\.(ts|tsx|json)$/ }, ({ path }) => {
              if (path.includes(`${sep}node_modules${sep}`)) return undefined;
              return { contents: record(relative(root, path)), loader: extname(path).slice(1) };
            });
          },
        },
      ],
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const manifest = join(out, MANIFEST);
  const replaced = readManifest(out)?.build;
  writeFileSync(`${manifest}.${name}`, JSON.stringify({ build: name, inputs }, null, 1));
  renameSync(`${manifest}.${name}`, manifest);
  // The hour counts from now for the build just replaced (unless another build removed it already).
  if (replaced && statSync(join(out, replaced), { throwIfNoEntry: false })) utimesSync(join(out, replaced), new Date(), new Date());
  for (const entry of readdirSync(out)) {
    const modified = statSync(join(out, entry), { throwIfNoEntry: false })?.mtimeMs ?? Infinity;
    if (entry.startsWith('build-') && entry !== name && modified < Date.now() - KEEP_REPLACED_MS) rmSync(join(out, entry), { recursive: true, force: true });
  }
}

/**
 * The built CLI's entry (a file: URL), or null when there is no complete build or any file it was
 * built from has changed since. A file whose size and mtime are as recorded is taken as unchanged;
 * one whose mtime differs (a checkout touches files) is compared by its hash.
 */
export function freshCliEntry(root = REPO) {
  const out = join(root, OUT);
  const manifest = readManifest(out);
  if (!manifest?.build) return null;
  for (const [file, recorded] of Object.entries(manifest.inputs)) {
    const path = join(root, file);
    let info;
    try {
      info = statSync(path);
    } catch {
      return null;
    }
    if (info.size !== recorded.size) return null;
    if (info.mtimeMs !== recorded.mtimeMs && sha256(readFileSync(path)) !== recorded.sha256) return null;
  }
  const entry = join(out, manifest.build, 'main.js');
  return statSync(entry, { throwIfNoEntry: false }) ? pathToFileURL(entry).href : null;
}

/** Reads the shipped fonts once with the new build, which analyses and unpacks them into the font cache. */
async function fillFontCache(root = REPO) {
  const { build } = readManifest(join(root, OUT));
  const { loadShippedFonts } = await import(pathToFileURL(join(root, OUT, build, 'fonts.js')).href);
  await loadShippedFonts();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let built = false;
  try {
    await buildCli();
    built = true;
  } catch (e) {
    process.stderr.write(`nianbao: the CLI could not be compiled, so bin/nianbao.js runs the sources: ${e.message}\n`);
    // Within `npm ci` a failed build must not fail the install: the sources still run.
    process.exitCode = process.env.npm_lifecycle_event === 'prepare' ? 0 : 1;
  }
  // A cache: without it the first export fills it.
  if (built) await fillFontCache().catch((e) => process.stderr.write(`nianbao: the font cache could not be filled: ${e.message}\n`));
}
