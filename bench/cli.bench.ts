// The command line as a person runs it, cold: a new process per command, wall and CPU time. `nianbao check`
// of one report document (target ≤ 0.3 s) and `nianbao export --format pdf` of a seed (target ≤ 0.8 s),
// next to `node -e 0` (the floor), to `npx` (which adds npm's own start), and to LibreOffice converting
// our DOCX of the same report (target: the PDF export ≥ 5× faster), all in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, freshCliEntry } from '../scripts/cli-build.mjs';
import { parseDocumentJson } from '../src/core/index.ts';
import { renderDocx } from '../src/export/docx/index.ts';
import { DEFAULT_FONT_CACHE } from '../src/export/fonts/plain-cache.ts';
import { sofficeMedianMs } from './soffice.ts';

const RUNS = 7;
const SOFFICE_RUNS = 3;
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

function runs(count: number, command: string, args: string[]): { wall: number; cpu: number; minWall: number } {
  const all = Array.from({ length: count }, () => run(command, args));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(count / 2)]!;
  return { wall: median(all.map((r) => r.wall)), cpu: median(all.map((r) => r.cpu)), minWall: Math.min(...all.map((r) => r.wall)) };
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
  const pdf = runs(RUNS, process.execPath, pdfArgs);
  console.log(`nianbao export --format pdf, seed 2022-zhongwei-spfw: ${figures(pdf)} over ${RUNS} runs (target ≤ 0.8 s)`);
  const pdfFromSources = runs(3, process.execPath, [...SOURCES, ...pdfArgs.slice(1)]);
  console.log(`the same from the TypeScript sources: ${figures(pdfFromSources)} over 3 runs`);

  const parsed = parseDocumentJson(await readFile(SEED, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const docx = await renderDocx(parsed.document);
  const sofficeMs = await sofficeMedianMs(docx, SOFFICE_RUNS);
  console.log(
    `soffice --headless --convert-to pdf of our DOCX of the same report: median ${s(sofficeMs)} over ${SOFFICE_RUNS} runs → nianbao export --format pdf is ${(sofficeMs / pdf.wall).toFixed(1)}× faster (target ≥ 5×)`,
  );
  rmSync(join(out, '..'), { recursive: true, force: true });
}
