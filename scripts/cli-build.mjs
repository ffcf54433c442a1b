// The compiled CLI: src/cli and the npm packages it uses bundled by esbuild into one CommonJS file in
// dist-cli/ (commands and renderers still initialised lazily), so `npx nianbao` starts without
// compiling TypeScript or resolving hundreds of package modules (pdf-lib alone has ~300). Beside it
// lies V8's code cache of the bundle, made by running a check and a PDF export once at build time:
// a command then starts from compiled code instead of parsing and compiling ~4 MB of JavaScript (Node
// 20 has no code cache for ES modules, hence CommonJS, run through vm.Script). `npm ci` builds it
// (the `prepare` script); bin/nianbao.js runs it only while every file it was built from is
// unchanged, and the TypeScript sources otherwise. Plain JavaScript: it runs before anything is
// compiled. `node scripts/cli-build.mjs` (npm run build:cli) rebuilds; its PDF export also fills the
// font cache (plain-cache.ts), so that even the first export after `npm ci` finds the shipped fonts
// analysed and unpacked.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliRun from './cli-run.cjs';

const { REPO, OUT, MANIFEST, ENTRY, CODE_CACHE, MODULE_WRAPPER_START, MODULE_WRAPPER_END, sha256, readManifest, compileBundle } = cliRun;
export const { freshCliEntry, loadBuiltCli } = cliRun;
/** What the build runs once to compile what a command runs into the code cache. */
const WARM_UP_SEED = 'seeds/2022-zhongwei-spfw.json';
/** How long a replaced build stays for the commands still running from it. */
const KEEP_REPLACED_MS = 60 * 60 * 1000;
/**
 * Files that shape the output besides the bundled sources: esbuild reads tsconfig.json, and npm's
 * record of the installed packages stands for the bundled packages' files.
 */
const BUILD_INPUTS = ['scripts/cli-build.mjs', 'scripts/cli-run.cjs', 'package.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
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
const PDF_LIB_ZLIB = `import { deflateSync, inflateSync as zlibInflateSync } from 'node:zlib';
// fflate builds its Huffman tables when it loads (~5 ms): loaded only for what zlib leaves to it.
let fflate;
const loadFflate = () => (fflate ??= require('fflate'));
export function zlibSync(data, options = {}) {
  const out = deflateSync(data, { level: options.level ?? 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
export function unzlibSync(data, options) {
  if (options) return loadFflate().unzlibSync(data, options);
  let out;
  try {
    out = zlibInflateSync(data);
  } catch {
    return loadFflate().unzlibSync(data);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
export const inflateSync = (...args) => loadFflate().inflateSync(...args);`;

/**
 * pdf-lib's SVG and XFA support (node-html-better-parser), its colour parsing (culori, ~130 modules)
 * and the entity tables of html-entities (built when it loads, for escaping XMP metadata) are
 * evaluated when pdf-lib loads, though a report needs none of them before it is saved. In the
 * bundle pdf-lib imports each through a stand-in that loads the package when first used.
 */
const LAZY_FOR_PDF_LIB = {
  'node-html-better-parser': `let parser;
const load = () => (parser ??= require('node-html-better-parser'));
export const parse = (...args) => load().parse(...args);
export const NodeType = new Proxy({}, { get: (_, key) => load().NodeType[key] });`,
  'html-entities': `let entities;
export const encode = (...args) => (entities ??= require('html-entities')).encode(...args);`,
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

/**
 * pdf-lib decodes the encodings of its standard 14 fonts when it loads, and maps WinAnsi back for its
 * text extraction (~0.5 MB of allocation and a millisecond or two of every PDF export), though a
 * report embeds its own fonts and extracts nothing. In the bundle both are made when first used.
 * A pdf-lib whose code differs keeps them eager, with a warning.
 */
const LAZY_PDF_LIB_ENCODINGS = {
  'standard-fonts/Encoding.js': [
    [
      'const decompressedEncodings = decompressJson(AllEncodingsCompressed);\nconst allUnicodeMappings = JSON.parse(decompressedEncodings);',
      'let allUnicodeMappings;\nconst unicodeMappings = () => (allUnicodeMappings ??= JSON.parse(decompressJson(AllEncodingsCompressed)));\nconst made = {};',
    ],
    [
      `export const Encodings = {
    Symbol: new Encoding('Symbol', allUnicodeMappings.symbol),
    ZapfDingbats: new Encoding('ZapfDingbats', allUnicodeMappings.zapfdingbats),
    WinAnsi: new Encoding('WinAnsi', allUnicodeMappings.win1252),
};`,
      `export const Encodings = {
    get Symbol() { return (made.Symbol ??= new Encoding('Symbol', unicodeMappings().symbol)); },
    get ZapfDingbats() { return (made.ZapfDingbats ??= new Encoding('ZapfDingbats', unicodeMappings().zapfdingbats)); },
    get WinAnsi() { return (made.WinAnsi ??= new Encoding('WinAnsi', unicodeMappings().win1252)); },
};`,
    ],
  ],
  'extraction/FontDecoder.js': [
    ['const winAnsiReverse = (() => {', 'let winAnsiReverseMap;\nconst winAnsiReverse = () => (winAnsiReverseMap ??= (() => {'],
    ['    return map;\n})();', '    return map;\n})());'],
    ['return winAnsiReverse;', 'return winAnsiReverse();', 2],
  ],
};

function lazyPdfLibEncodings(file, source) {
  const edits = LAZY_PDF_LIB_ENCODINGS[file];
  // Each edit's text occurs as often as expected (once unless said otherwise).
  if (edits.some(([from, , count = 1]) => source.split(from).length !== count + 1)) {
    process.stderr.write(`nianbao: pdf-lib is not the expected version; its ${file} loads eagerly\n`);
    return source;
  }
  return edits.reduce((out, [from, to]) => out.replaceAll(from, to), source);
}

/**
 * pdf-lib writes every number of a page's drawing operators through numberToString, which turns the
 * number into a string three times and splits two of them to look for an exponent (~5 ms of a PDF
 * export). In the bundle it returns the first string when it has no exponent, which is then its
 * answer anyway. A pdf-lib whose code differs keeps its own, with a warning.
 */
function fastNumberToString(source) {
  const start = 'let numStr = String(num);';
  if (source.split(start).length !== 2) {
    process.stderr.write('nianbao: pdf-lib is not the expected version; its numberToString is kept\n');
    return source;
  }
  return source.replace(start, `${start}\n    if (!numStr.includes('e')) return numStr;`);
}

/**
 * esbuild's ASCII output still has other characters in regular expressions and comments, where an
 * escape means the same. All ASCII, the bundle is read as Latin-1 (cli-run.cjs): a plain copy into a
 * string of one byte per character, where UTF-8 text with Chinese in it is decoded into two.
 */
function asciiOnly(source) {
  // Unit by unit (both halves of a surrogate pair): a pair of escapes is the pair in a regular expression too.
  return source.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bundles `root`/src/cli/main.ts into a new folder under `root`/dist-cli, recording every input
 * file's size, mtime and hash in dist-cli/manifest.json, whose rename makes the new build current:
 * a CLI starting meanwhile finds the old build or the new one, complete, with its code cache. A
 * replaced build is removed by a build an hour or more later, not under commands still running from it.
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
      entryPoints: { main: 'src/cli/main.ts' },
      outdir: dir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20.19',
      // pdf.js, an ES module, is required (Node ≥ 20.19 requires ES modules): code run by vm.Script has no import().
      supported: { 'dynamic-import': false },
      external: EXTERNAL,
      // The sources' import.meta.url: the bundle's own URL, as it was for the chunks of an ES module build.
      define: { 'import.meta.url': '__bundleUrl' },
      // The bundle is the function Node's loader would wrap a CommonJS module in (cli-run.cjs
      // compiles it as it is: no second copy of 4 MB of source to wrap it), and ASCII (see asciiOnly).
      banner: { js: `${MODULE_WRAPPER_START}const __bundleUrl = require('node:url').pathToFileURL(__filename).href;` },
      footer: { js: MODULE_WRAPPER_END },
      charset: 'ascii',
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
          // fflate's Node build loads worker_threads when it loads (~5 ms of every start) for its
          // asynchronous functions, which the CLI does not use; its browser build is the same code
          // without them (the plugin above has taken pdf-lib's imports).
          name: 'fflate-without-workers',
          setup(b) {
            b.onResolve({ filter: /^fflate$/ }, ({ kind, resolveDir }) => b.resolve('fflate/browser', { kind, resolveDir }));
          },
        },
        {
          name: 'lazy-for-pdf-lib',
          setup(b) {
            b.onResolve({ filter: /^(node-html-better-parser|culori|html-entities)$/ }, ({ path, importer }) =>
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
          name: 'lazy-pdf-lib-encodings',
          setup(b) {
            b.onLoad({ filter: /[\\/]@cantoo[\\/]pdf-lib[\\/]es[\\/](packages[\\/]standard-fonts[\\/]Encoding|api[\\/]extraction[\\/]FontDecoder)\.js$/ }, ({ path }) => ({
              contents: lazyPdfLibEncodings(relative(join(path, '../..'), path).split(sep).join('/'), readFileSync(path, 'utf8')),
              resolveDir: dirname(path),
              loader: 'js',
            }));
          },
        },
        {
          name: 'fast-number-to-string',
          setup(b) {
            b.onLoad({ filter: /[\\/]@cantoo[\\/]pdf-lib[\\/]es[\\/]utils[\\/]numbers\.js$/ }, ({ path }) => ({
              contents: fastNumberToString(readFileSync(path, 'utf8')),
              resolveDir: dirname(path),
              loader: 'js',
            }));
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
  const bundle = join(dir, ENTRY);
  writeFileSync(bundle, asciiOnly(readFileSync(bundle, 'utf8')));
  warmUp(root, dir);
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
 * Makes the build's code cache in a process of its own (a command's output goes nowhere): the
 * commands people run most, run once, so that what they compile lazily is in the cache too. Without
 * the seed, or if it fails, the build has no cache and compiles as it runs.
 */
function warmUp(root, dir) {
  if (!existsSync(join(root, WARM_UP_SEED))) return;
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm-up', root, dir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) process.stderr.write(`nianbao: the CLI's code cache could not be made: ${run.stderr}\n`);
}

async function warmUpHere(root, dir) {
  const file = join(dir, ENTRY);
  const { exports, script } = compileBundle(file);
  const seed = join(root, WARM_UP_SEED);
  const pdf = join(dir, 'warm-up.pdf');
  // Their exit codes do not matter here (a check that finds an error exits 1); a failure throws.
  await exports.main(['check', seed]);
  await exports.main(['export', seed, '--format', 'pdf', '-o', pdf]);
  rmSync(pdf, { force: true });
  writeFileSync(`${join(dir, CODE_CACHE)}.tmp`, script.createCachedData());
  renameSync(`${join(dir, CODE_CACHE)}.tmp`, join(dir, CODE_CACHE));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--warm-up') await warmUpHere(process.argv[3], process.argv[4]);
  else {
    try {
      await buildCli();
    } catch (e) {
      process.stderr.write(`nianbao: the CLI could not be compiled, so bin/nianbao.js runs the sources: ${e.message}\n`);
      // Within `npm ci` a failed build must not fail the install: the sources still run.
      process.exitCode = process.env.npm_lifecycle_event === 'prepare' ? 0 : 1;
    }
  }
}
