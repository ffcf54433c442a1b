// LibreOffice round trip: a seed report with distinct values in every cell goes DOCX → PDF through
// soffice, and the PDF's text (pdftotext -raw, i.e. drawing order) must show every block, every
// table label and every number in reading order. One conversion for the whole file (~5 s).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx/index.ts';
import { reportOutline } from '../../src/export/outline.ts';
import { convertDocxToPdf } from '../support/libreoffice.ts';
import { distinctDocument, expectedText, seedDocuments, templateGrid } from './docx-grid.ts';

const run = promisify(execFile);
const seed = seedDocuments().find((s) => s.name === '2022-zhongwei-spfw') ?? seedDocuments()[0]!;
const doc = distinctDocument(seed.doc);

/** Whitespace between any two characters is allowed: LibreOffice breaks lines and table cells anywhere. */
const loose = (text: string) =>
  text
    .replace(/\s+/g, '')
    .split('')
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');
const number = (text: string) => `(?<![\\d.])${text.replace('.', '\\.')}(?![\\d.])`;

/** Finds each pattern after the previous one; `floating` items must appear after the cursor but do not move it. */
function inOrder(text: string, items: { pattern: string; what: string; floating?: boolean }[]): string[] {
  const missing: string[] = [];
  let cursor = 0;
  for (const item of items) {
    const m = new RegExp(item.pattern).exec(text.slice(cursor));
    if (!m) {
      missing.push(item.what);
      continue;
    }
    if (!item.floating) cursor += m.index + m[0].length;
  }
  return missing;
}

describe('DOCX through LibreOffice', () => {
  let text = '';
  let info = '';
  beforeAll(async () => {
    const pdf = await convertDocxToPdf(await renderDocx(doc));
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-docx-lo-'));
    try {
      await writeFile(join(dir, 'r.pdf'), pdf);
      // The stacked label prints 、 in its vertical form ︑.
      text = (await run('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'r.pdf'), '-'])).stdout.replace(/︑/g, '、');
      info = (await run('pdfinfo', [join(dir, 'r.pdf')])).stdout;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('converts to A4 pages', () => {
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(2);
  });

  it('keeps the closing lines with the signature, and no heading at the foot of a page', () => {
    const pages = text
      .split('\f')
      .map((page) =>
        page
          .split('\n')
          .map((l) => l.replace(/\s+/g, ''))
          .filter((l) => l && !/^—\d+—$/.test(l)),
      )
      .filter((lines) => lines.length);
    const blocks = reportOutline(doc);
    const signature = blocks.find((b) => b.kind === 'signature')!;
    const last = pages.at(-1)!;
    expect(last.join('')).toContain(signature.signatory);
    // More than the signatory and the date: the last paragraph's closing lines came along.
    expect(last.length).toBeGreaterThanOrEqual(4);
    const headings = new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.text.replace(/\s+/g, '')] : [])));
    for (const [i, lines] of pages.entries()) expect(headings.has(lines.at(-1)!), `page ${i + 1} ends with ${lines.at(-1)}`).toBe(false);
  });

  it('shows every block, table label and number in reading order', () => {
    const items: { pattern: string; what: string; floating?: boolean }[] = [];
    for (const block of reportOutline(doc)) {
      if (block.kind === 'title') items.push(...block.lines.map((l) => ({ pattern: loose(l), what: `title ${l}` })));
      if (block.kind === 'heading') items.push({ pattern: loose(block.text), what: `heading ${block.text}` });
      // A page break can drop the footer into a paragraph, so only its opening is matched.
      if (block.kind === 'paragraph') items.push({ pattern: loose(block.text.slice(0, 12)), what: `paragraph ${block.text.slice(0, 12)}` });
      if (block.kind === 'signature') items.push({ pattern: loose(block.signatory), what: 'signatory' }, { pattern: loose(block.date ?? ''), what: 'date' });
      if (block.kind !== 'table') continue;
      const headerRows = block.table.layout.header.length;
      const grid = templateGrid(block.table);
      grid.forEach((row, r) =>
        row.forEach((pos, c) => {
          if (!pos.origin) return;
          const shown = expectedText(pos.key, block.text);
          const isData = shown !== pos.key;
          // A label spanning several body rows may be split by a page break (its rest drawn after the repeated header).
          const tall = r >= headerRows && grid[r + 1]?.[c]?.key === pos.key;
          items.push({ pattern: isData ? number(shown) : loose(tall ? shown.slice(0, 2) : shown), what: `${block.table.id} ${r},${c} ${shown}`, floating: tall });
        }),
      );
    }
    expect(items.filter((i) => /^t\d /.test(i.what)).length).toBeGreaterThan(200);
    expect(inOrder(text, items)).toEqual([]);
  });
});
