// `nianbao check` throughput, in-process: import + check in a loop, as `nianbao check *.pdf` does per file;
// then bulk, one worker per core, as an office checking a folder of reports would run it.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import '../src/cli/read-report.ts';
import { parseDocumentJson } from '../src/core/index.ts';
import { renderHtml } from '../src/export/html/index.ts';
import { CONVERTERS } from '../tests/import/converters.ts';
import { distinctDocument } from '../tests/import/generate.ts';
import { checkLoop } from './import-loop.ts';

const root = path.resolve(import.meta.dirname, '..');

async function rate(label: string, files: { name: string; bytes: Uint8Array }[], seconds: number, target: number): Promise<void> {
  const { n, ms } = await checkLoop(files, seconds);
  const perSecond = n / (ms / 1000);
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(1).padStart(7)} reports/s  (${n} in ${seconds} s; target ≥ ${target}/s)`);
}

type File = { name: string; bytes: Uint8Array };

// Workers do not inherit tsx's loader on Node 20: each registers it before loading the TypeScript.
const WORKER = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./import-worker.ts', import.meta.url).href)}); });`;

/** Reports/s with one worker thread per core, each looping over the files for `seconds`. */
async function bulkRate(label: string, files: File[], seconds: number, target: number): Promise<void> {
  const cores = availableParallelism();
  const done = await Promise.all(
    Array.from({ length: cores }, () => {
      const worker = new Worker(WORKER, { eval: true, workerData: { files, seconds } });
      return new Promise<{ n: number; ms: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }).finally(() => void worker.terminate());
    }),
  );
  const perSecond = done.reduce((s, d) => s + d.n / (d.ms / 1000), 0);
  const n = done.reduce((s, d) => s + d.n, 0);
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(1).padStart(7)} reports/s  (${n} in ${seconds} s on ${cores} cores; target ≥ ${target}/s)`);
}

export default async function bench(): Promise<void> {
  const seedDir = path.join(root, 'seeds');
  const names = ['2022-hongsibu-zfb', '2022-shapotou-zwfwzx', '2022-zhongwei-spfw', '2022-zhongzhan-zwsj', '2023-wuzhong-zwfwzx'];
  const texts = names.map((n) => ({ name: `${n}.txt`, bytes: new Uint8Array(readFileSync(path.join(seedDir, `${n}.txt`))) }));
  const html = names.map((n) => {
    const parsed = parseDocumentJson(readFileSync(path.join(seedDir, `${n}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(n);
    return { name: `${n}.html`, bytes: new TextEncoder().encode(renderHtml(parsed.document)) };
  });
  const pdfs = ['hongze-2023', 'hongze-2024', 'huaian-2024'].map((n) => ({
    name: `${n}.pdf`,
    bytes: new Uint8Array(readFileSync(path.resolve(root, '../shared/fixtures/published', `${n}.pdf`))),
  }));
  // The converter layouts of tests/import/converters.ts: the readings the sums decide between included.
  const converted = CONVERTERS.map(([, convert], i) => ({ name: `converted-${i}.md`, bytes: new TextEncoder().encode(convert(distinctDocument())) }));
  await rate('text (5 seed texts)', texts, 3, 100);
  await rate('text (7 converter layouts)', converted, 3, 100);
  await rate('HTML (5 seeds, our HTML export)', html, 3, 100);
  await rate('PDF (3 published reports)', pdfs, 5, 10);
  await bulkRate('text, all cores (seeds + layouts)', [...texts, ...converted], 5, 100);
  await bulkRate('PDF, all cores (3 published)', pdfs, 8, 10);
}
