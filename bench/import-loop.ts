// The `nianbao check` loop the import benches time, in-process or in a worker: import + check each
// file in turn for `seconds`, after one warming pass (the readers' modules, pdfjs, load on first use).
import { checkResult } from '../src/import/check.ts';
import { importReportFile } from '../src/import/index.ts';

export async function checkLoop(files: { name: string; bytes: Uint8Array }[], seconds: number): Promise<{ n: number; ms: number }> {
  for (const f of files) await importReportFile(f.name, f.bytes);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const f = files[n % files.length]!;
    checkResult(f.name, await importReportFile(f.name, f.bytes), null);
    n++;
  }
  return { n, ms: performance.now() - start };
}
