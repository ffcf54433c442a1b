// One uploaded file through the importer, as an answer the page can show: the report, or a Chinese
// message saying why it cannot be used. Runs in the import worker, or in the page without workers.
import { configurePdf, ImportError, type ImportResult, importReportFile, type PdfOptions } from '../../import/index.ts';

export type ImportAnswer = { ok: true; result: ImportResult } | { ok: false; message: string };

export async function importBytes(name: string, bytes: Uint8Array, pdf: PdfOptions): Promise<ImportAnswer> {
  configurePdf(pdf);
  try {
    return { ok: true, result: await importReportFile(name, bytes) };
  } catch (e) {
    return { ok: false, message: e instanceof ImportError ? e.message : `无法读取“${name}”：${e instanceof Error ? e.message : String(e)}` };
  }
}
