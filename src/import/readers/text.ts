// Plain text and markdown → lines: tab-separated, "a | b |" and markdown tables, cells separated by
// wide gaps (pdftotext -layout), one cell per line — all become lines of cells.
import type { TextCell, TextLine } from '../layout.ts';

const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function splitCells(raw: string): string[] {
  const line = raw.replace(/\*\*/g, '');
  if (line.includes('\t')) return line.split('\t');
  if (line.includes('|')) {
    const parts = line.split('|');
    if (/^\s*\|/.test(line)) parts.shift();
    if (/\|\s*$/.test(line)) parts.pop();
    return parts;
  }
  return line.trim().split(/ {2,}|\u3000{2,}/);
}

export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (!raw.trim() || MARKDOWN_RULE.test(raw)) continue;
    const cells: TextCell[] = splitCells(raw).map((t, x) => ({ text: t.trim(), x }));
    lines.push({ cells });
  }
  return lines;
}
