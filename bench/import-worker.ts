// One worker of the bulk `nianbao check` bench: import + check the given files in a loop for the
// given time (after one warming pass) and report how many it did.
import { parentPort, workerData } from 'node:worker_threads';
import { checkResult } from '../src/cli/check.ts';
import { importReportFile } from '../src/import/index.ts';

const { files, seconds } = workerData as { files: { name: string; bytes: Uint8Array }[]; seconds: number };
// Warm: the readers' modules (pdfjs) load on first use, as they do once per `nianbao check` run.
for (const f of files) await importReportFile(f.name, f.bytes);
let n = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  const f = files[n % files.length]!;
  checkResult(f.name, await importReportFile(f.name, f.bytes), null);
  n++;
}
parentPort!.postMessage({ n, ms: performance.now() - start });
