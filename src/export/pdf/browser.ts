// The app's entry to PDF export: runs the renderer in a Web Worker (the UI never freezes), reports
// progress, and cancels by terminating the worker. The worker stays alive between exports so the
// fonts it loaded stay in memory; after a cancel the next export starts a fresh one.
import type { ReportDocument } from '../../core/index.ts';
import type { PdfWorkerMessage, PdfWorkerRequest } from './worker.ts';

export interface PdfExportProgress {
  /** 'fonts': downloading or reading the cached fonts (bytes); 'layout': report blocks laid out. */
  stage: 'fonts' | 'layout';
  done: number;
  total: number;
}

export interface PdfExportOptions {
  onProgress?: (progress: PdfExportProgress) => void;
  signal?: AbortSignal;
}

/** A problem with the input (missing glyphs, unusable font); the message is Chinese and says what to do. */
export class PdfExportProblem extends Error {}

let worker: Worker | null = null;
let busy = false;

function getWorker(): Worker {
  worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'nianbao-pdf' });
  return worker;
}

export function exportPdfInWorker(doc: ReportDocument, options: PdfExportOptions = {}): Promise<Uint8Array> {
  const { onProgress, signal } = options;
  return new Promise<Uint8Array>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (busy) return reject(new Error('已有一个 PDF 正在导出，请等待完成或先取消'));
    busy = true;
    const w = getWorker();
    const finish = () => {
      busy = false;
      w.onmessage = null;
      w.onerror = null;
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      w.terminate();
      worker = null;
      finish();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    w.onmessage = (e: MessageEvent<PdfWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress?.({ stage: m.stage, done: m.done, total: m.total });
      finish();
      if (m.type === 'done') resolve(m.pdf);
      else reject(m.problem ? new PdfExportProblem(m.message) : new Error(`PDF 导出失败：${m.message}`));
    };
    w.onerror = (e) => {
      w.terminate();
      worker = null;
      finish();
      reject(new Error(`PDF 导出失败：${e.message || '后台任务异常退出'}`));
    };
    w.postMessage({ doc } satisfies PdfWorkerRequest);
  });
}

export { listUserFonts, removeUserFont, saveUserFont, UserFontError } from '../fonts/user-fonts.ts';
