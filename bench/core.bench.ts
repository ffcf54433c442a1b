// Rule engine speed: full-report evaluations per second (target ≥ 20,000/s), and `nianbao check`
// throughput on the seed documents (read + parse + check, in process).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkResult } from '../src/cli/check.ts';
import { readReport } from '../src/cli/read-report.ts';
import { checkReport, type ReportDocument } from '../src/core/index.ts';
import { consistentDocument } from '../tests/support/documents.ts';

function perSecond(seconds: number, run: () => void): number {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() < end) {
    run();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

function fullReport(): ReportDocument {
  const doc = consistentDocument({
    t3: Array.from({ length: 6 }, (_, i) => ({ results: Array.from({ length: 21 }, (_, k) => (i + k) % 4), carriedIn: i, carriedOut: 2 })),
    t4: [
      [3, 1, 0, 1],
      [1, 0, 0, 1],
      [0, 1, 0, 0],
    ],
    t2: [0, 0, 0, 4, 2, 31, 120, 45, 3],
    fee: 0.0125,
  });
  doc.prose['overview.onRequest'] = '2024年，本机关共收到政府信息公开申请X件，办结X件，结转下年度继续办理X件。因政府信息公开被申请行政复议5件，被提起行政诉讼3件。'.replaceAll('X', '30');
  doc.prose.other = '本年度未发出收费通知，未收取信息处理费。';
  return doc;
}

export default async function bench(): Promise<void> {
  const doc = fullReport();
  const previous = { ...doc, year: 2023 };
  for (let i = 0; i < 2000; i++) checkReport(doc, { totals: 'asPrinted', previous }); // warm up
  const checks = perSecond(2, () => checkReport(doc, { totals: 'asPrinted', previous }));
  const form = perSecond(2, () => checkReport(doc, { totals: 'computed', previous }));
  console.log(`rule engine: ${Math.round(checks).toLocaleString('en')} full-report evaluations/s (target ≥ 20,000/s)`);
  console.log(`rule engine + derived totals (what the form runs per keystroke): ${Math.round(form).toLocaleString('en')}/s`);

  const seedDir = resolve(import.meta.dirname, '../seeds');
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(seedDir, f));
  if (!seeds.length) return;
  const rounds = 40;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const file of seeds) checkResult(file, await readReport(file), null);
  const rate = (rounds * seeds.length) / ((performance.now() - start) / 1000);
  console.log(`nianbao check on the ${seeds.length} seed documents (.json, read + parse + check): ${Math.round(rate).toLocaleString('en')} reports/s`);
}
