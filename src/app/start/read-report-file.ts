// Reading last year's report file in the browser. The importer (and pdf.js behind it) runs in a Web
// Worker, loaded only when a file is chosen, and is stopped when a file takes too long (a hostile
// file that slipped past the importer's bounds must not hang the page). pdf.js runs its parser in
// its own worker served from our build, and finds its character maps (PDFs with predefined Chinese
// CMaps) at /pdfjs/cmaps/ (vite.config.ts).
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { ImportAnswer } from './import-bytes.ts';
import type { ImportWorkerRequest } from './import-worker.ts';

/** A real report reads in well under a second; this is for files that are not reports. */
export const IMPORT_TIME_LIMIT_MS = 30_000;

function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(file);
  });
}

/** The file's report, or a Chinese message saying why it cannot be used. */
export async function readReportFile(file: File): Promise<ImportAnswer> {
  const bytes = await readBytes(file);
  const pdf = { workerSrc: new URL(pdfWorkerUrl, document.baseURI).href, cMapUrl: new URL(`${import.meta.env.BASE_URL}pdfjs/cmaps/`, document.baseURI).href };
  // Without Web Workers (jsdom) the importer runs here; its own bounds still hold.
  if (typeof Worker === 'undefined') return (await import('./import-bytes.ts')).importBytes(file.name, bytes, pdf);
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'nianbao-import' });
  const request: ImportWorkerRequest = { name: file.name, bytes, pdf };
  return new Promise<ImportAnswer>((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, message: `读取“${file.name}”超过 ${IMPORT_TIME_LIMIT_MS / 1000} 秒，已停止：这个文件不像是年度报告` }), IMPORT_TIME_LIMIT_MS);
    worker.onmessage = (e: MessageEvent<ImportAnswer>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      resolve({ ok: false, message: `无法读取“${file.name}”：${e.message}` });
    };
    worker.postMessage(request, [bytes.buffer]);
  }).finally(() => worker.terminate());
}
