// Renders a document's artifacts in a worker thread with a time limit: a large report takes seconds
// of CPU, which on the main thread would stall every other request.
import { Worker } from 'node:worker_threads';
import type { FontRoleName, ReportDocument } from '../../core/index.ts';
import { HttpError } from '../http/errors.ts';

/** Rendering a yearly report takes well under a second; a minute means something is wrong. */
export const RENDER_TIME_LIMIT_MS = 60_000;

// The worker loads TypeScript the way the server does (tsx), also under the test runner, whose
// loader does not reach worker threads.
const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER_ENTRY = new URL('./render-worker.ts', import.meta.url).href;
const WORKER_BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;

export interface RenderedArtifact {
  kind: string;
  bytes: Uint8Array;
}

type WorkerAnswer = { files: RenderedArtifact[] } | { problem: string };

/** What the worker renders: the document, with the fonts the administrator installed on the server. */
export interface RenderJob {
  document: ReportDocument;
  installedFonts: Partial<Record<FontRoleName, Uint8Array>>;
}

export function renderArtifacts(document: ReportDocument, installedFonts: RenderJob['installedFonts'] = {}, timeLimitMs = RENDER_TIME_LIMIT_MS): Promise<RenderedArtifact[]> {
  const job: RenderJob = { document, installedFonts };
  // Memory bounded too: the fonts and a long report need about 200 MB.
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: 768 } });
  return new Promise<RenderedArtifact[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new HttpError(503, 'render_timeout', `生成发布文件超过 ${timeLimitMs / 1000} 秒，已停止；请稍后重试或联系管理员`));
    }, timeLimitMs);
    worker.once('message', (answer: WorkerAnswer) => {
      clearTimeout(timer);
      if ('problem' in answer) reject(new HttpError(422, 'unprintable', answer.problem));
      else resolve(answer.files.map((f) => ({ kind: f.kind, bytes: new Uint8Array(f.bytes) })));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`render worker exited with ${code}`));
    });
  }).finally(() => void worker.terminate());
}
