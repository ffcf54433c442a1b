// One worker of the bulk `nianbao check` bench: runs the check loop on the given files and reports
// how many it did.
import { parentPort, workerData } from 'node:worker_threads';
import { checkLoop } from './import-loop.ts';

const { files, seconds } = workerData as { files: { name: string; bytes: Uint8Array }[]; seconds: number };
parentPort!.postMessage(await checkLoop(files, seconds));
