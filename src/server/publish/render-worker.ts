// Worker thread entry: renders every published format of one document, off the server's event loop.
// Answers { files } or, when the document cannot be printed (a character no font has), { problem }.
import { parentPort, workerData } from 'node:worker_threads';
import { setInstalledFontSource } from '../../export/fonts/node.ts';
import { PUBLISHED_FORMATS } from '../../export/formats.ts';
import { ExportProblem } from '../../export/pdf/problem.ts';
import type { RenderJob } from './render.ts';

const { document, installedFonts } = workerData as RenderJob;
// The thread has its own modules: the server's installed fonts come with the job.
setInstalledFontSource(async () => installedFonts);
// Loaded on first use: the PDF renderer brings the shipped CJK fonts with it.
const makePdf = async (doc: RenderJob['document']) => (await import('../../export/pdf/node.ts')).renderPdfInNode(doc);
try {
  const files = await Promise.all(PUBLISHED_FORMATS.map(async (f) => ({ kind: f.id, bytes: await f.render(document, makePdf) })));
  parentPort!.postMessage(
    { files },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
} catch (e) {
  if (!(e instanceof ExportProblem)) throw e;
  parentPort!.postMessage({ problem: e.message });
}
