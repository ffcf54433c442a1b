// HTML pages → lines: block elements become lines, tables become grid lines (rowspan/colspan expanded).
import type { ChildNode, Element } from 'domhandler';
import type { TextLine } from '../layout.ts';
import { parseBoundedDocument } from './bounded-dom.ts';
import { decodeText } from './decode.ts';
import { gridLines, type SourceCell } from './grid.ts';

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'tr', 'blockquote', 'pre']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[1];
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
  const el = node as Element;
  if (SKIP.has(el.name)) return '';
  if (el.name === 'br') return '\n';
  return el.children.map(textOf).join('');
}

const span = (el: Element, attr: string) => Number.parseInt(el.attribs[attr] ?? '1', 10) || 1;

function tableLines(table: Element): TextLine[] {
  const rows: SourceCell[][] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      if (child.name === 'table') continue; // nested tables are not report tables
      if (child.name === 'tr') {
        rows.push(
          child.children
            .filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
            .map((c) => ({ text: textOf(c).replace(/\s+/g, ' ').trim(), colSpan: span(c, 'colspan'), rowSpan: span(c, 'rowspan') })),
        );
      } else visit(child);
    }
  };
  visit(table);
  return gridLines(rows);
}

function findTitle(nodes: ChildNode[]): string | null {
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    if (node.name === 'title') return textOf(node).replace(/\s+/g, ' ').trim() || null;
    if (node.name === 'body') continue;
    const inner = findTitle(node.children);
    if (inner) return inner;
  }
  return null;
}

export function htmlLines(bytes: Uint8Array): TextLine[] {
  const dom = parseBoundedDocument(decodeText(bytes, declaredCharset(bytes)), { decodeEntities: true });
  const lines: TextLine[] = [];
  let current = '';
  const flush = () => {
    for (const part of current.replace(/\u00a0/g, ' ').split('\n')) if (part.trim()) lines.push({ cells: [{ text: part.replace(/\s+/g, ' ').trim() }] });
    current = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') current += node.data.replace(/\s+/g, ' ');
      else if (node.type === 'tag') {
        if (SKIP.has(node.name)) continue;
        if (node.name === 'table') {
          flush();
          lines.push(...tableLines(node));
        } else if (node.name === 'br') current += '\n';
        else if (BLOCKS.has(node.name)) {
          flush();
          walk(node.children);
          flush();
        } else walk(node.children);
      }
    }
  };
  // The page's <title> first: it often names the agency that the report's own heading leaves out.
  const title = dom.children.length ? findTitle(dom.children) : null;
  if (title) lines.push({ cells: [{ text: title }] });
  walk(dom.children);
  flush();
  return lines;
}
