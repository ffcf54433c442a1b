// Worker thread entry: renders every artifact of one document, off the server's event loop.
// Answers { files } or, when the document cannot be printed (a character no font has), { problem }.
import { parentPort, workerData } from 'node:worker_threads';
import { setInstalledFontSource } from '../../export/fonts/node.ts';
import { ExportProblem } from '../../export/pdf/problem.ts';
import type { RenderJob } from './render.ts';
import { ARTIFACT_RENDERERS } from './renderers.ts';

const { document, installedFonts } = workerData as RenderJob;
// The thread has its own modules: the server's installed fonts come with the job.
setInstalledFontSource(async () => installedFonts);
try {
  const files = await Promise.all(ARTIFACT_RENDERERS.map(async (r) => ({ kind: r.kind, bytes: await r.render(document) })));
  parentPort!.postMessage({ files }, files.map((f) => f.bytes.buffer as ArrayBuffer));
} catch (e) {
  if (!(e instanceof ExportProblem)) throw e;
  parentPort!.postMessage({ problem: e.message });
}
