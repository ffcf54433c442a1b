// The PDF export off the main thread: fetches the fonts (cached) and those the administrator
// installed on the server, reads the user's own fonts from IndexedDB (they win), renders, and posts
// progress and the finished bytes back. Cancelling terminates it.
import type { ReportDocument } from '../../core/index.ts';
import { FULL_SERIF_URL, fetchFonts, fetchInstalledFonts, SUBSET_FONT_URLS } from '../fonts/browser-fonts.ts';
import { loadUserFonts } from '../fonts/user-fonts.ts';
import { findMissingGlyphs, renderPdf } from './index.ts';
import { ExportProblem } from './problem.ts';

export type PdfWorkerRequest = { doc: ReportDocument };
export type PdfWorkerMessage = { type: 'progress'; stage: 'fonts' | 'layout'; done: number; total: number } | { type: 'done'; pdf: Uint8Array } | { type: 'error'; message: string; problem: boolean };

const post = (message: PdfWorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<PdfWorkerRequest>) => {
  try {
    const onBytes = (done: number, total: number) => post({ type: 'progress', stage: 'fonts', done, total });
    const installed = await fetchInstalledFonts(onBytes).catch(() => ({}));
    const user = { ...installed, ...(await loadUserFonts().catch(() => ({}))) };
    let fonts = { shipped: await fetchFonts(SUBSET_FONT_URLS, onBytes), user };
    // Characters beyond the GB2312 subsets: the full serif face has 30,000 glyphs.
    if (findMissingGlyphs(event.data.doc, fonts).length) {
      fonts = { ...fonts, shipped: { ...fonts.shipped, serif: (await fetchFonts({ serif: FULL_SERIF_URL }, onBytes)).serif } };
    }
    const pdf = await renderPdf(event.data.doc, {
      fonts,
      onProgress: (done, total) => post({ type: 'progress', stage: 'layout', done, total }),
    });
    post({ type: 'done', pdf }, [pdf.buffer]);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e), problem: e instanceof ExportProblem });
  }
};
