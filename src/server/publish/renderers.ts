// What publishing freezes: one file per renderer below, stored byte for byte with its SHA-256.
// To publish another format, add a row.
import { reportTitle, type ReportDocument } from '../../core/index.ts';
import { renderDocx } from '../../export/docx/index.ts';
import { renderHtml } from '../../export/html/index.ts';

export interface ArtifactRenderer {
  kind: string;
  extension: string;
  mediaType: string;
  render(doc: ReportDocument): Promise<Uint8Array>;
}

export const ARTIFACT_RENDERERS: readonly ArtifactRenderer[] = [
  {
    kind: 'json',
    extension: '.json',
    mediaType: 'application/json; charset=utf-8',
    render: async (doc) => new TextEncoder().encode(JSON.stringify(doc, null, 2) + '\n'),
  },
  {
    kind: 'docx',
    extension: '.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: (doc) => renderDocx(doc),
  },
  {
    kind: 'html',
    extension: '.html',
    mediaType: 'text/html; charset=utf-8',
    // The ready-to-post page for the agency's website.
    render: async (doc) => new TextEncoder().encode(renderHtml(doc)),
  },
  {
    kind: 'pdf',
    extension: '.pdf',
    mediaType: 'application/pdf',
    // Loaded on first publish: the PDF renderer brings the shipped CJK fonts with it.
    render: async (doc) => (await import('../../export/pdf/node.ts')).renderPdfInNode(doc),
  },
];

export function artifactFilename(doc: ReportDocument, renderer: ArtifactRenderer): string {
  return `${reportTitle(doc)}${renderer.extension}`.replace(/[\\/:*?"<>|\r\n]+/g, '_');
}
