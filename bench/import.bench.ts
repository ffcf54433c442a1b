// `nianbao check` throughput, in-process: import + check in a loop, as `nianbao check *.pdf` does per file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkResult } from '../src/cli/check.ts';
import '../src/cli/read-report.ts';
import { renderHtml } from '../src/export/html/index.ts';
import { importReportFile } from '../src/import/index.ts';
import { parseDocumentJson } from '../src/core/index.ts';

const root = path.resolve(import.meta.dirname, '..');

async function rate(label: string, files: { name: string; bytes: Uint8Array }[], seconds: number, target: number): Promise<void> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const f = files[n % files.length]!;
    checkResult(f.name, await importReportFile(f.name, f.bytes), null);
    n++;
  }
  const perSecond = n / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(1).padStart(7)} reports/s  (${n} in ${seconds} s; target ≥ ${target}/s)`);
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
  await rate('text (5 seed texts)', texts, 3, 100);
  await rate('HTML (5 seeds, our HTML export)', html, 3, 100);
  await rate('PDF (3 published reports)', pdfs, 5, 10);
}
