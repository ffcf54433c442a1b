// The compiled CLI (scripts/cli-build.mjs → dist-cli/): it prints exactly what the TypeScript sources
// print, and bin/nianbao.js never runs a build older than the sources. Each case works on its own copy
// of the repository's sources (node_modules linked), so the repository's own build is never touched.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, freshCliEntry, loadBuiltCli } from '../../scripts/cli-build.mjs';

const REPO = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'nianbao-cli-build-'));

/** A copy of what the CLI is built and run from. */
function copyRepo(name: string): string {
  const root = join(temp, name);
  mkdirSync(root);
  for (const entry of ['bin', 'scripts', 'seeds', 'src', 'templates', 'package.json', 'tsconfig.json']) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

type Run = { code: number; stdout: string; stderr: string };

/** Text as the bundle holds it: the bundle is ASCII, everything else escaped as esbuild escapes it. */
const inBundle = (text: string) => [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).join('');

/** An imported document is stamped with the time of the import. */
const unstamped = (run: Run): Run => ({ ...run, stdout: run.stdout.replace(/"(createdAt|updatedAt)": "[^"]*"/g, '"$1": ""') });

/**
 * The PDF with its streams uncompressed and its dates blanked (pdf-lib packs the dates into a
 * compressed object stream; the build compresses with zlib where the sources use fflate).
 */
function undatedPdf(path: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('qpdf', ['--qdf', '--object-streams=disable', '--static-id', path, '-'], { encoding: 'latin1', maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err) fail(err);
      else done(stdout.replace(/\(D:[^)]*\)/g, '(D:)'));
    });
  });
}

function nianbao(root: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'bin/nianbao.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the built CLI', () => {
  let built: string, source: string;
  const files = join(temp, 'files');

  beforeAll(async () => {
    built = copyRepo('built');
    source = copyRepo('source');
    await buildCli(built);
    mkdirSync(files);
    cpSync(join(REPO, 'seeds'), files, { recursive: true });
  });

  /** Runs the command with the build and with the sources; the output file `out` (if any) is read back. */
  async function both(args: (dir: string) => string[], out?: string): Promise<[Run & { file?: Uint8Array }, Run & { file?: Uint8Array }]> {
    return Promise.all(
      [built, source].map(async (root) => {
        const dir = join(files, root === built ? 'from-build' : 'from-source');
        mkdirSync(dir, { recursive: true });
        const run = await nianbao(root, args(dir));
        return { ...run, ...(out ? { file: new Uint8Array(readFileSync(join(dir, out))) } : {}) };
      }),
    ) as Promise<[Run & { file?: Uint8Array }, Run & { file?: Uint8Array }]>;
  }

  it('is the one that runs: it was built from these sources', () => {
    expect(freshCliEntry(built)).toMatch(new RegExp(`^file://${built}/dist-cli/build-[^/]+/main\\.cjs$`));
    expect(freshCliEntry(source)).toBeNull();
  });

  it('starts from the code cache the build made', () => {
    expect(loadBuiltCli(freshCliEntry(built)!).fromCache).toBe(true);
  });

  it('is ASCII, which it is read as (Latin-1)', () => {
    const bundle = readFileSync(fileURLToPath(freshCliEntry(built)!));
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(bundle.every((byte) => byte < 0x80)).toBe(true);
  });

  it('checks documents and published text exactly as the sources do', async () => {
    const seed = join(files, '2022-zhongwei-spfw.json');
    for (const args of [
      ['check', seed, join(files, '2023-wuzhong-zwfwzx.json'), '--json'],
      ['check', join(files, '2022-hongsibu-zfb.txt'), '--previous', seed],
      ['import', join(files, '2022-shapotou-zwfwzx.txt')],
      ['check', join(files, 'missing.json')],
      ['frobnicate'],
    ]) {
      const [fromBuild, fromSource] = await both(() => args);
      expect(unstamped(fromBuild)).toEqual(unstamped(fromSource));
      expect(fromBuild.stdout + fromBuild.stderr).not.toBe('');
    }
  });

  it('exports JSON, CSV and HTML byte for byte as the sources do', async () => {
    for (const format of ['json', 'csv', 'html']) {
      const [fromBuild, fromSource] = await both((dir) => ['export', join(files, '2022-zhongwei-spfw.json'), '--format', format, '-o', join(dir, `out.${format}`)], `out.${format}`);
      expect(fromBuild.code).toBe(0);
      expect(fromBuild.file!.length).toBeGreaterThan(1000);
      expect(fromBuild).toEqual(fromSource);
    }
  });

  /** Each reads the other's exported file back: same document, same findings. */
  async function readBack(format: string): Promise<void> {
    const [fromBuild, fromSource] = await both((dir) => ['check', join(dir, `out.${format}`), '--json']);
    expect(fromBuild.stdout.replace(/from-build/g, 'from-source')).toBe(fromSource.stdout);
    expect(JSON.parse(fromBuild.stdout)[0].agency).toBeTruthy();
  }

  it('exports the same PDF as the sources (dates and stream compression aside), and reads it back alike', async () => {
    const [pdfBuild] = await both((dir) => ['export', join(files, '2022-hongsibu-zfb.json'), '--format', 'pdf', '-o', join(dir, 'out.pdf')]);
    expect(pdfBuild.code).toBe(0);
    const [pdfFromBuild, pdfFromSource] = await Promise.all(['from-build', 'from-source'].map((dir) => undatedPdf(join(files, dir, 'out.pdf'))));
    expect(pdfFromBuild).toContain('/FontFile2');
    expect(pdfFromBuild).toBe(pdfFromSource);
    await readBack('pdf');
  });

  it('exports the same DOCX as the sources (creation times aside), and reads it back alike', async () => {
    const [docxBuild, docxSource] = await both((dir) => ['export', join(files, '2022-hongsibu-zfb.json'), '--format', 'docx', '-o', join(dir, 'out.docx')], 'out.docx');
    expect(docxBuild.code).toBe(0);
    const parts = (docx: Uint8Array) =>
      Object.entries(unzipSync(docx)).map(([name, bytes]) => [
        name,
        Buffer.from(bytes)
          .toString('utf8')
          .replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1><'),
      ]);
    expect(parts(docxBuild.file!)).toEqual(parts(docxSource.file!));
    await readBack('docx');
  });
});

describe('a stale build', () => {
  let root: string;
  const help = () => nianbao(root, ['--help']).then((r) => r.stdout);

  beforeAll(async () => {
    root = copyRepo('stale');
    await buildCli(root);
    // Marks the build's help text, to see which of the two runs.
    const main = fileURLToPath(freshCliEntry(root)!);
    writeFileSync(main, readFileSync(main, 'latin1').replace(inBundle('用法：'), inBundle('用法（编译版）：')));
  });

  it('runs while its sources are unchanged, even when a checkout has touched them', async () => {
    expect(await help()).toMatch(/^用法（编译版）：/);
    // The code cache of the bundle before the edit is not used.
    expect(loadBuiltCli(freshCliEntry(root)!).fromCache).toBe(false);
    utimesSync(join(root, 'src/cli/main.ts'), new Date(), new Date(2030, 0, 1));
    expect(await help()).toMatch(/^用法（编译版）：/);
  });

  it('is not used once a source file, a template or the build settings change, nor when incomplete', () => {
    const changed = (file: string, act: () => void) => {
      const path = join(root, file);
      const before = readFileSync(path);
      act();
      expect(freshCliEntry(root), file).toBeNull();
      writeFileSync(path, before);
      expect(freshCliEntry(root), file).not.toBeNull();
    };
    const append = (file: string) => () => writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8') + '\n');
    changed('src/core/rules/catalog.ts', append('src/core/rules/catalog.ts'));
    changed('templates/gov-2021/tables.ts', append('templates/gov-2021/tables.ts'));
    changed('tsconfig.json', append('tsconfig.json'));
    // An edit that keeps the size is found by the hash.
    const catalog = join(root, 'src/core/rules/catalog.ts');
    changed('src/core/rules/catalog.ts', () => {
      const text = readFileSync(catalog, 'utf8');
      writeFileSync(catalog, text.replace('error', 'errox'));
      utimesSync(catalog, new Date(), new Date(2031, 0, 1));
    });
    // The bundled npm packages are stood for by npm's record of what is installed (shared here: not edited).
    expect(Object.keys(JSON.parse(readFileSync(join(root, 'dist-cli/manifest.json'), 'utf8')).inputs)).toContain('node_modules/.package-lock.json');
    renameSync(join(root, 'dist-cli/manifest.json'), join(root, 'manifest.json'));
    expect(freshCliEntry(root)).toBeNull();
    renameSync(join(root, 'manifest.json'), join(root, 'dist-cli/manifest.json'));
  });

  it('gives way to the sources when one has changed', async () => {
    const main = join(root, 'src/cli/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('用法：', '用法（源码版）：'));
    expect(await help()).toMatch(/^用法（源码版）：/);
  });

  it('is replaced by a rebuild, which leaves it in place for commands still running from it', async () => {
    const manifest = () => JSON.parse(readFileSync(join(root, 'dist-cli/manifest.json'), 'utf8')).build as string;
    const old = manifest();
    await buildCli(root);
    expect(manifest()).not.toBe(old);
    expect(freshCliEntry(root)).toContain(`/dist-cli/${manifest()}/main.cjs`);
    expect(readFileSync(join(root, 'dist-cli', old, 'main.cjs'), 'latin1')).toContain(inBundle('用法（编译版）：'));
    expect(await help()).toMatch(/^用法（源码版）：/);
  });
});
