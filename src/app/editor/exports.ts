// What the final step can export. Renderers load only when their button is pressed, so the
// editor's first load carries none of them. A report with errors may only leave as a JSON draft.
import type { ReportDocument } from '../../core/index.ts';

export interface RenderOptions {
  /** What the renderer is doing, in Chinese, for long exports (PDF fonts and layout). */
  onProgress?: (text: string) => void;
  signal?: AbortSignal;
}

export interface ExportFormat {
  id: string;
  label: string;
  extension: string;
  /** May be exported while the report still has errors, marked 草稿. */
  draftAllowed: boolean;
  render(doc: ReportDocument, options: RenderOptions): Promise<Blob>;
}

export const EXPORT_FORMATS: ExportFormat[] = [
  {
    id: 'docx',
    label: 'Word 文档（.docx）',
    extension: '.docx',
    draftAllowed: false,
    render: async (doc) => {
      const { renderDocx } = await import('../../export/docx/index.ts');
      const bytes = await renderDocx(doc);
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    },
  },
  {
    id: 'pdf',
    label: 'PDF（.pdf）',
    extension: '.pdf',
    draftAllowed: false,
    render: async (doc, { onProgress, signal }) => {
      const { exportPdfInWorker } = await import('../../export/pdf/browser.ts');
      const mb = (n: number) => (n / 1048576).toFixed(1);
      const bytes = await exportPdfInWorker(doc, {
        signal,
        onProgress: (p) => onProgress?.(p.stage === 'fonts' ? `正在载入字体 ${mb(p.done)} / ${mb(p.total)} MB（仅首次需要）` : `正在排版 ${p.done} / ${p.total}`),
      });
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
    },
  },
  {
    id: 'html',
    label: '网页（.html）',
    extension: '.html',
    draftAllowed: false,
    render: async (doc) => {
      const { renderHtml } = await import('../../export/html/index.ts');
      return new Blob([renderHtml(doc)], { type: 'text/html;charset=utf-8' });
    },
  },
  {
    id: 'json',
    label: '年报文档（.json）',
    extension: '.json',
    draftAllowed: true,
    render: async (doc) => new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' }),
  },
];

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
