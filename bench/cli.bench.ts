// The command line as a person runs it, cold: a new process per command, wall and CPU time. `nianbao check`
// of one report document (target ≤ 0.3 s) and `nianbao export --format pdf` of a seed (target ≤ 0.8 s),
// next to `node -e 0` (the floor), to `npx` (which adds npm's own start), and to LibreOffice converting
// our DOCX of the same report (target: the PDF export ≥ 5× faster), all in the same run. The export
// and LibreOffice take turns, so a machine that speeds up or slows down meanwhile weighs on both alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, freshCliEntry } from '../scripts/cli-build.mjs';
import { parseDocumentJson } from '../src/core/index.ts';
import { renderDocx } from '../src/export/docx/index.ts';
import { DEFAULT_FONT_CACHE } from '../src/export/fonts/plain-cache.ts';
import { sofficeOnceMs, warmSoffice } from './soffice.ts';

const RUNS = 7;
const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'seeds/2022-zhongwei-spfw.json');
const BIN = join(ROOT, 'bin/nianbao.js');
/** `node` arguments that run the CLI's TypeScript sources through tsx, as bin/nianbao.js does without a fresh build. */
const SOURCES = [
  '--import',
  'tsx',
  '--input-type=module',
  '-e',
  `const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}); process.exitCode = await main(process.argv.slice(1));`,
];

interface Run {
  wall: number;
  /** CPU time (user + system) of the command, which a machine busy with other work does not inflate. */
  cpu: number;
}

/** One run of the command, in ms (bash's `times` gives its children's CPU time); a failing command stops the bench. */
function run(command: string, args: string[]): Run {
  const t = performance.now();
  const child = spawnSync('bash', ['-c', '"$@" > /dev/null; status=$?; times; exit $status', 'bash', command, ...args], { cwd: ROOT, encoding: 'utf8' });
  const wall = performance.now() - t;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const [user, system] = [
    ...child.stdout
      .trim()
      .split('\n')
      .at(-1)!
      .matchAll(/(\d+)m([\d.]+)s/g),
  ].map((m) => (Number(m[1]) * 60 + Number(m[2])) * 1000);
  return { wall, cpu: user! + system! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function summary(all: Run[]): { wall: number; cpu: number; minWall: number } {
  return { wall: median(all.map((r) => r.wall)), cpu: median(all.map((r) => r.cpu)), minWall: Math.min(...all.map((r) => r.wall)) };
}

function runs(count: number, command: string, args: string[]): { wall: number; cpu: number; minWall: number } {
  return summary(Array.from({ length: count }, () => run(command, args)));
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const figures = (r: { wall: number; cpu: number; minWall: number }) => `wall median ${s(r.wall)} (min ${s(r.minWall)}), CPU median ${s(r.cpu)}`;

export default async function bench(): Promise<void> {
  await buildCli();
  if (!freshCliEntry()) throw new Error('the compiled CLI is not fresh after a build');
  const out = join(mkdtempSync(join(tmpdir(), 'nianbao-bench-cli-')), 'out.pdf');
  const pdfArgs = [BIN, 'export', SEED, '--format', 'pdf', '-o', out];

  const node = runs(RUNS, process.execPath, ['-e', '0']);
  console.log(`node -e 0: ${figures(node)} over ${RUNS} runs`);
  const check = runs(RUNS, process.execPath, [BIN, 'check', SEED]);
  console.log(`nianbao check, one report document: ${figures(check)} over ${RUNS} runs (target ≤ 0.3 s)`);
  const npx = runs(3, 'npx', ['nianbao', 'check', SEED]);
  console.log(`npx nianbao check, the same: ${figures(npx)} over 3 runs (npx adds npm's own start)`);
  const fromSources = runs(3, process.execPath, [...SOURCES, 'check', SEED]);
  console.log(`the same from the TypeScript sources (tsx, what runs while the build is stale): ${figures(fromSources)} over 3 runs`);

  rmSync(DEFAULT_FONT_CACHE, { recursive: true, force: true });
  const first = run(process.execPath, pdfArgs);
  console.log(
    `nianbao export --format pdf, first run without the font cache (npm ci fills it; here the fonts are analysed, the Kai face unpacked, and both cached): wall ${s(first.wall)}, CPU ${s(first.cpu)}`,
  );
  const parsed = parseDocumentJson(await readFile(SEED, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const docx = await renderDocx(parsed.document);
  await warmSoffice(docx);
  const exports: Run[] = [];
  const soffice: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    exports.push(run(process.execPath, pdfArgs));
    soffice.push(await sofficeOnceMs(docx));
  }
  const pdf = summary(exports);
  console.log(`nianbao export --format pdf, seed 2022-zhongwei-spfw: ${figures(pdf)} over ${RUNS} runs (target ≤ 0.8 s)`);
  const ratios = exports.map((r, i) => soffice[i]! / r.wall);
  console.log(
    `soffice --headless --convert-to pdf of our DOCX of the same report, each run right after an export: median ${s(median(soffice))} (${s(Math.min(...soffice))}–${s(Math.max(...soffice))}) → nianbao export --format pdf is ${(median(soffice) / pdf.wall).toFixed(1)}× faster (target ≥ 5×); run by run ${ratios.map((r) => r.toFixed(1)).join(', ')}×, ≥ 5× in ${ratios.filter((r) => r >= 5).length} of ${RUNS}`,
  );
  const pdfFromSources = runs(3, process.execPath, [...SOURCES, ...pdfArgs.slice(1)]);
  console.log(`the same from the TypeScript sources: ${figures(pdfFromSources)} over 3 runs`);
  rmSync(join(out, '..'), { recursive: true, force: true });
}
