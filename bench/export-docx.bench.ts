// DOCX export of a full seed report in Node, warm: median of N runs (target ≤ 300 ms).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocumentJson } from '../src/core/index.ts';
import { renderDocx } from '../src/export/docx/index.ts';

const RUNS = 20;
const SEED = join(import.meta.dirname, '../seeds/2022-zhongwei-spfw.json');

export default async function bench(): Promise<void> {
  const parsed = parseDocumentJson(await readFile(SEED, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const doc = parsed.document;
  for (let i = 0; i < 3; i++) await renderDocx(doc);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    size = (await renderDocx(doc)).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)]!;
  console.log(
    `DOCX export, seed 2022-zhongwei-spfw (${(size / 1024).toFixed(0)} KB): median ${median.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times[RUNS - 1]!.toFixed(1)} ms over ${RUNS} warm runs (target ≤ 300 ms)`,
  );
}
