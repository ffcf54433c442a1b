// Reading last year's report file in the browser. The importer (and pdf.js behind it) loads only
// when a file is chosen; pdf.js runs its parser in a Web Worker served from our own build, and
// finds its character maps (PDFs with predefined Chinese CMaps) at /pdfjs/cmaps/ (vite.config.ts).
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { ImportResult } from '../../import/index.ts';

function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(file);
  });
}

/** The file's report, or a Chinese message saying why it cannot be used. */
export async function readReportFile(file: File): Promise<{ ok: true; result: ImportResult } | { ok: false; message: string }> {
  const [bytes, importer] = await Promise.all([readBytes(file), import('../../import/index.ts')]);
  importer.configurePdf({ workerSrc: pdfWorkerUrl, cMapUrl: new URL(`${import.meta.env.BASE_URL}pdfjs/cmaps/`, document.baseURI).href });
  try {
    return { ok: true, result: await importer.importReportFile(file.name, bytes) };
  } catch (e) {
    if (e instanceof importer.ImportError) return { ok: false, message: e.message };
    return { ok: false, message: `无法读取“${file.name}”：${e instanceof Error ? e.message : String(e)}` };
  }
}
