// What the final step can export, from the one list of export formats. Renderers load only when
// their button is pressed, so the editor's first load carries none of them. A report with errors
// may only leave as a JSON draft.
import type { ReportDocument } from '../../core/index.ts';
import type { ExportFormat } from '../../export/formats.ts';

export interface RenderOptions {
  /** What the renderer is doing, in Chinese, for long exports (PDF fonts and layout). */
  onProgress?: (text: string) => void;
  signal?: AbortSignal;
}

/** Renders `doc` in `format` for a download; the PDF in a Web Worker, with progress and cancel. */
export async function renderExport(format: ExportFormat, doc: ReportDocument, { onProgress, signal }: RenderOptions): Promise<Blob> {
  const bytes = await format.render(doc, async (d) => {
    const { exportPdfInWorker } = await import('../../export/pdf/browser.ts');
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return exportPdfInWorker(d, {
      signal,
      onProgress: (p) => onProgress?.(p.stage === 'fonts' ? `正在载入字体 ${mb(p.done)} / ${mb(p.total)} MB（仅首次需要）` : `正在排版 ${p.done} / ${p.total}`),
    });
  });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: format.mediaType });
}

export function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
