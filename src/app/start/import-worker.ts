// Reading an uploaded report off the main thread, so that the page stays responsive and a file that
// takes too long can be stopped (read-report-file.ts terminates the worker).
import type { PdfOptions } from '../../import/index.ts';
import { type ImportAnswer, importBytes } from './import-bytes.ts';

export type ImportWorkerRequest = { name: string; bytes: Uint8Array; pdf: PdfOptions };

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const { name, bytes, pdf } = event.data;
  (self as unknown as Worker).postMessage((await importBytes(name, bytes, pdf)) satisfies ImportAnswer);
};
