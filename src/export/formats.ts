// The export formats, one list for the editor's last step, `nianbao export` and publishing: name,
// extension, media type and renderer. Each renderer's module loads on first use, so neither the
// app's first load nor a CLI command that needs none of them carries them.
import type { ReportDocument } from '../core/index.ts';

/** How the caller's environment makes a PDF: in a Web Worker in the browser, from the fonts on disk in Node. */
export type PdfMaker = (doc: ReportDocument) => Promise<Uint8Array>;

export type ExportFormatId = 'docx' | 'pdf' | 'html' | 'json' | 'csv';

export interface ExportFormat {
  id: ExportFormatId;
  /** What the editor's button names it. */
  label: string;
  extension: string;
  mediaType: string;
  /**
   * One of a publication's frozen files, and offered by the editor's last step; CSV, a data
   * extract for oversight offices, is neither.
   */
  published: boolean;
  /** May be exported while the report still has errors: the document itself, saved as a 草稿. */
  draftAllowed: boolean;
  render(doc: ReportDocument, makePdf: PdfMaker): Promise<Uint8Array>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'docx',
    label: 'Word 文档（.docx）',
    extension: '.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    published: true,
    draftAllowed: false,
    render: async (doc) => (await import('./docx/index.ts')).renderDocx(doc),
  },
  {
    id: 'pdf',
    label: 'PDF（.pdf）',
    extension: '.pdf',
    mediaType: 'application/pdf',
    published: true,
    draftAllowed: false,
    render: (doc, makePdf) => makePdf(doc),
  },
  {
    id: 'html',
    // The ready-to-post page for the agency's website.
    label: '网页（.html）',
    extension: '.html',
    mediaType: 'text/html; charset=utf-8',
    published: true,
    draftAllowed: false,
    render: async (doc) => utf8((await import('./html/index.ts')).renderHtml(doc)),
  },
  {
    id: 'json',
    label: '年报文档（.json）',
    extension: '.json',
    mediaType: 'application/json; charset=utf-8',
    published: true,
    draftAllowed: true,
    render: async (doc) => utf8(JSON.stringify(doc, null, 2) + '\n'),
  },
  {
    id: 'csv',
    label: '单元格数据（.csv）',
    extension: '.csv',
    mediaType: 'text/csv; charset=utf-8',
    published: false,
    draftAllowed: false,
    render: async (doc) => utf8((await import('./csv.ts')).renderCsv(doc)),
  },
];

export const PUBLISHED_FORMATS: readonly ExportFormat[] = EXPORT_FORMATS.filter((f) => f.published);

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
