// Reading an uploaded report off the main thread, so that the page stays responsive and a file that
// takes too long can be stopped (read-report-file.ts terminates the worker).
import { configurePdf, importReportFile, ImportError, type ImportResult, type PdfOptions } from '../../import/index.ts';

export type ImportWorkerRequest = { name: string; bytes: Uint8Array; pdf: PdfOptions };
export type ImportWorkerAnswer = { ok: true; result: ImportResult } | { ok: false; message: string };

const post = (answer: ImportWorkerAnswer) => (self as unknown as Worker).postMessage(answer);

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const { name, bytes, pdf } = event.data;
  configurePdf(pdf);
  try {
    post({ ok: true, result: await importReportFile(name, bytes) });
  } catch (e) {
    post({ ok: false, message: e instanceof ImportError ? e.message : `无法读取“${name}”：${e instanceof Error ? e.message : String(e)}` });
  }
};
