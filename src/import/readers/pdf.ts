// PDF (text layer) → lines. pdfjs gives positioned text items; items are grouped into lines by
// baseline and into cells by horizontal gaps, so table rows keep their columns (x = cell centre).

import { ImportError } from '../errors.ts';
import type { TextCell, TextLine } from '../layout.ts';
import { pdfOptions as options } from './pdf-options.ts';
import { assertStreamsBounded } from './pdf-streams.ts';

/** Real reports have 3–20 pages; more is not a report, and bounds time and memory. */
export const MAX_PDF_PAGES = 100;
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

async function loadPdfjs() {
  // Node has no DOM: the legacy build runs there (with its in-process "fake" worker). A browser's
  // Web Worker (the office's bulk check) is a browser too.
  const inBrowser = (typeof window !== 'undefined' && typeof document !== 'undefined') || 'WorkerGlobalScope' in globalThis;
  const pdfjs = inBrowser ? await import('pdfjs-dist') : await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (options.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = options.workerSrc;
  return pdfjs;
}

export async function pdfLines(bytes: Uint8Array): Promise<TextLine[]> {
  if (bytes.length > MAX_PDF_BYTES) throw new ImportError(`PDF 文件过大（${(bytes.length / 1048576).toFixed(1)} MB）`);
  assertStreamsBounded(bytes);
  const pdfjs = await loadPdfjs();
  let pdf;
  try {
    // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
    pdf = await pdfjs.getDocument({
      data: bytes.slice(),
      verbosity: 0,
      isEvalSupported: false,
      ...(options.cMapUrl && { cMapUrl: options.cMapUrl, cMapPacked: true }),
    }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new ImportError('PDF 已加密，需要密码才能打开，无法读取');
    throw new ImportError('不是有效的 PDF 文件，或文件已损坏（可能下载不完整）');
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new ImportError(`PDF 有 ${pdf.numPages} 页，不像是年度报告（上限 ${MAX_PDF_PAGES} 页）`);
    const lines: TextLine[] = [];
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ text: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || 10 });
        chars += it.str.length;
      }
      lines.push(...pageLines(items));
      page.cleanup();
    }
    if (chars < 50) throw new ImportError('PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字；请使用 Word 原件或可复制文字的 PDF');
    return lines;
  } finally {
    await pdf.destroy();
  }
}

/** Items of one page → lines top to bottom, each split into cells at gaps wider than about one character. */
function pageLines(items: Item[]): TextLine[] {
  const rows: Item[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) <= Math.max(2, 0.3 * Math.min(r[0]!.size, it.size)));
    if (row) row.push(it);
    else rows.push([it]);
  }
  rows.sort((a, b) => b[0]!.y - a[0]!.y);
  const left = Math.min(...items.map((i) => i.x));
  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const cells: (TextCell & { end: number; start: number })[] = [];
    for (const it of row) {
      const last = cells[cells.length - 1];
      if (last && it.x - last.end <= 0.8 * it.size) {
        last.text += it.text;
        last.end = Math.max(last.end, it.x + it.width);
      } else cells.push({ text: it.text, start: it.x, end: it.x + it.width });
    }
    const first = row[0]!;
    lines.push({
      cells: cells.map((c) => ({ text: c.text.trim(), x: (c.start + c.end) / 2 })),
      // A line starting at the left margin continues the paragraph above; indented lines start one.
      continues: first.x - left < first.size,
    });
  }
  return lines;
}
