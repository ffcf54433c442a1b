// What the final step can export. Renderers load only when their button is pressed, so the
// editor's first load carries none of them. A report with errors may only leave as a JSON draft.
import type { ReportDocument } from '../../core/index.ts';

export interface ExportFormat {
  id: string;
  label: string;
  extension: string;
  /** May be exported while the report still has errors, marked 草稿. */
  draftAllowed: boolean;
  render(doc: ReportDocument): Promise<Blob>;
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
