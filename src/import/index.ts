// Reading a report file (bytes + name) into a report document, in the browser and in Node alike.
// One reader per format turns the bytes into lines of cells (layout.ts); build.ts does the rest.
import { describeRemoved, type Finding, parseDocumentJson, type ReportDocument, stripInvisible } from '../core/index.ts';
import { buildReport } from './build.ts';
import { ImportError } from './errors.ts';
import type { TextLine } from './layout.ts';
import { decodeText } from './readers/decode.ts';
import { textLines } from './readers/text.ts';

export { ImportError } from './errors.ts';
export { configurePdf, type PdfOptions } from './readers/pdf-options.ts';

export interface ImportResult {
  document: ReportDocument;
  /** What could not be read (missing section or table, unreadable row, ambiguous value), in Chinese. */
  problems: string[];
  /** What the importer itself noticed about the report, e.g. 2019 trial-format tables (format.outdated). */
  findings: Finding[];
  /** False when the report's year was not found; document.year then holds a placeholder. */
  yearFound: boolean;
}

/** Text-based files above this are not reports (the longest real ones are well under 1 MB). */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;

/** xTolerance / positional: see ReadOptions in tables.ts. Text layouts' cell positions are too irregular to place values by. */
type Reader = { lines: (bytes: Uint8Array) => Promise<TextLine[]>; xTolerance: number; positional: boolean; kind: string };

const READERS: Record<string, Reader> = {
  '.txt': { lines: async (b) => textLines(decodeText(checkTextSize(b))), xTolerance: 0.5, positional: false, kind: '文本' },
  '.md': { lines: async (b) => textLines(decodeText(checkTextSize(b))), xTolerance: 0.5, positional: false, kind: '文本' },
  '.html': { lines: async (b) => (await import('./readers/html.ts')).htmlLines(checkTextSize(b)), xTolerance: 0.5, positional: true, kind: '网页' },
  '.htm': { lines: async (b) => (await import('./readers/html.ts')).htmlLines(checkTextSize(b)), xTolerance: 0.5, positional: true, kind: '网页' },
  '.docx': { lines: async (b) => (await import('./readers/docx.ts')).docxLines(b), xTolerance: 0.5, positional: true, kind: 'Word 文档' },
  '.pdf': { lines: async (b) => (await import('./readers/pdf.ts')).pdfLines(b), xTolerance: 6, positional: true, kind: 'PDF' },
};

function checkTextSize(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ImportError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），不像是年度报告（文本、网页上限 ${MAX_TEXT_BYTES / 1048576} MB）`);
  }
  return bytes;
}

export async function importReportFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const ext = name.toLowerCase().match(/\.[^./\\]+$/)?.[0] ?? '';
  if (ext === '.json') {
    const parsed = parseDocumentJson(new TextDecoder('utf-8').decode(bytes));
    if (!parsed.ok) throw new ImportError(`不是有效的年报文档：\n  ${parsed.errors.join('\n  ')}`);
    return { document: parsed.document, problems: [], findings: [], yearFound: true };
  }
  const reader = READERS[ext];
  if (!reader) {
    throw new ImportError(`不支持“${ext || '无扩展名'}”文件；可读取本系统导出的年报文档（.json）、文本（.txt、.md）、网页（.html、.htm）、Word 文档（.docx）和带文字层的 PDF（.pdf）`);
  }
  const lines = await reader.lines(bytes);
  const built = buildReport(lines, { xTolerance: reader.xTolerance, positional: reader.positional, source: name.split(/[/\\]/).pop() ?? name });
  if (built.cellsRead === 0) {
    throw new ImportError(`在这个${reader.kind}中没有找到年度报告的表格（表二、表三、表四），无法读取；请确认这是政府信息公开工作年度报告`);
  }
  // Zero-width spaces and control characters from the file are removed, and the list says where.
  const clean = stripInvisible(built.document);
  return { document: clean.document, problems: [...built.problems, ...describeRemoved(clean.removed)], findings: built.findings, yearFound: built.yearFound };
}
