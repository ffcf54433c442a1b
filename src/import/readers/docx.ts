// Word (.docx) → lines: word/document.xml read with a bounded inflate (a zip bomb stops at the cap),
// paragraphs become lines, tables become grid lines (gridSpan expanded, vMerge continuations empty).

import type { ChildNode, Element } from 'domhandler';
import { Unzip, UnzipInflate } from 'fflate';
import { ImportError } from '../errors.ts';
import type { TextLine } from '../layout.ts';
import { parseBoundedDocument } from './bounded-dom.ts';
import { gridLines, type SourceCell } from './grid.ts';

/** document.xml of a long report is a few MB; anything inflating beyond this is refused. */
export const MAX_DOCUMENT_XML_BYTES = 40 * 1024 * 1024;
const CHUNK = 64 * 1024;

function documentXml(bytes: Uint8Array): string {
  const parts: Uint8Array[] = [];
  let size = 0;
  let found = false;
  let failure: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (file.name !== 'word/document.xml') return;
    found = true;
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = 'Word 文档已损坏，无法解压';
        return;
      }
      size += chunk.length;
      if (size > MAX_DOCUMENT_XML_BYTES) {
        failure = `Word 文档解压后超过 ${MAX_DOCUMENT_XML_BYTES / 1048576} MB，不像是年度报告（可能是恶意构造的压缩文件）`;
        file.terminate();
        return;
      }
      parts.push(chunk);
    };
    file.start();
  };
  try {
    // Small pushes keep each inflate step (and so memory) bounded even for a zip bomb.
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch {
    throw new ImportError('不是有效的 Word 文档（.docx），或文件已损坏（可能下载不完整）');
  }
  if (failure) throw new ImportError(failure);
  if (!found) throw new ImportError('不是有效的 Word 文档（.docx）：缺少 word/document.xml；旧版 .doc 文件请先另存为 .docx');
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder('utf-8').decode(all);
}

const children = (el: Element, name: string) => el.children.filter((c): c is Element => c.type === 'tag' && c.name === name);

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  switch (node.name) {
    case 'w:tab':
      return '\t';
    case 'w:br':
    case 'w:cr':
      return '\n';
    case 'w:instrText':
    case 'w:delText':
      return '';
    default:
      return node.children.map(textOf).join('');
  }
}

function prop(el: Element, path: string[]): Element | undefined {
  let cur: Element | undefined = el;
  for (const name of path) cur = cur && children(cur, name)[0];
  return cur;
}

function tableLines(tbl: Element): TextLine[] {
  const rows: SourceCell[][] = children(tbl, 'w:tr').map((tr) =>
    children(tr, 'w:tc').map((tc) => {
      const span = Number(prop(tc, ['w:tcPr', 'w:gridSpan'])?.attribs['w:val'] ?? 1) || 1;
      const vMerge = prop(tc, ['w:tcPr', 'w:vMerge']);
      const continued = vMerge !== undefined && vMerge.attribs['w:val'] !== 'restart';
      const text = continued ? '' : children(tc, 'w:p').map(textOf).join(' ').replace(/\s+/g, ' ').trim();
      return { text, colSpan: span, rowSpan: 1 };
    }),
  );
  return gridLines(rows);
}

export function docxLines(bytes: Uint8Array): TextLine[] {
  const dom = parseBoundedDocument(documentXml(bytes), { xmlMode: true });
  const body = dom.children.flatMap((n) => (n.type === 'tag' ? [n] : [])).flatMap((d) => children(d, 'w:body'))[0];
  if (!body) throw new ImportError('Word 文档中没有正文');
  const lines: TextLine[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      if (child.name === 'w:p') {
        for (const part of textOf(child).split('\n')) if (part.trim()) lines.push({ cells: part.split('\t').map((text, x) => ({ text: text.trim(), x })) });
      } else if (child.name === 'w:tbl') lines.push(...tableLines(child));
      else if (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml') walk(child);
    }
  };
  walk(body);
  return lines;
}
