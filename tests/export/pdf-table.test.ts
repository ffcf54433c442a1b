// Table labels in the PDF as laid out and as poppler reads them back: table 三's narrow merged
// label stacked one character per line and centred; the other labels of table 三 wrap readably.

import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { getTable, getTemplate } from '../../src/core/index.ts';
import { nodeFontFiles } from '../../src/export/fonts/node.ts';
import { PT_PER_MM } from '../../src/export/page-grid.ts';
import { Composer } from '../../src/export/pdf/composer.ts';
import { FontBook } from '../../src/export/pdf/font-book.ts';
import { renderPdf } from '../../src/export/pdf/index.ts';
import { paginate, setTable } from '../../src/export/pdf/table.ts';
import { layoutTable } from '../../src/export/table-layout.ts';
import { loadSeed, tool, writeTemp } from './pdf-support.ts';

const LABEL = '三、本年度办理结果';
const template = getTemplate();

/** Pixels of a P6 PPM (what pdftoppm writes without -png) whose colour is within 12 of `rgb`, per pixel row. */
function colouredRows(ppm: Buffer, rgb: [number, number, number]): number[] {
  const [dataStart, w, h] = ppm
    .toString('latin1', 0, 64)
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!
    .map((v, i) => (i === 0 ? v.length : Number(v)));
  const rows: number[] = [];
  for (let y = 0; y < h!; y++) {
    let n = 0;
    for (let x = 0; x < w!; x++) {
      const at = dataStart! + (y * w! + x) * 3;
      if (rgb.every((c, k) => Math.abs(ppm[at + k]! - c) <= 12)) n++;
    }
    rows.push(n);
  }
  return rows;
}

describe('PDF table labels', () => {
  it('shades table 二’s four 第二十条 rows light blue, centres their text and gives rows the template’s height', async () => {
    const doc = await loadSeed('2022-zhongwei-spfw');
    const path = await writeTemp('t2.pdf', await renderPdf(doc, { fonts: await nodeFontFiles() }));
    const bbox = (await tool('pdftotext', ['-bbox', path, '-'])).stdout;
    const pages = bbox.split('<page ').slice(1);
    const n = pages.findIndex((p) => p.includes('第二十条第（一）项')) + 1;
    const words = [...pages[n - 1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: (Number(m[1]) + Number(m[3])) / 2,
      y: (Number(m[2]) + Number(m[4])) / 2,
      text: m[5]!,
    }));
    const captions = words.filter((w) => /^第二十条第/.test(w.text));
    expect(captions).toHaveLength(4);
    const centre = (28 + 156 / 2) * PT_PER_MM;
    for (const c of captions) expect(c.x, c.text).toBeCloseTo(centre, 0);
    // Consecutive rows (caption → 信息内容 head) are at least the template's 11 mm apart.
    const head = words.find((w) => w.text === '信息内容' && w.y > captions[0]!.y)!;
    expect(head.y - captions[0]!.y).toBeGreaterThanOrEqual(11 * PT_PER_MM - 0.5);

    const dpi = 36;
    await tool('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), '-singlefile', path, `${path}-t2`]);
    const { readFile } = await import('node:fs/promises');
    const shaded = colouredRows(await readFile(`${path}-t2.ppm`), [0xc6, 0xd9, 0xf1]);
    // Four bands of shaded pixel rows across the text block (the caption text interrupts them in the middle).
    const full = shaded.map((count) => count > 0.6 * 156 * (dpi / 25.4));
    const bands = full.filter((on, y) => on && !full[y - 1]).length;
    expect(bands).toBe(4);
    for (const c of captions) expect(full[Math.round((c.y / 72) * dpi)], c.text).toBe(true);
  });

  it('lays table 三 out: the merged label stacked, the （三）… labels broken after their number and two characters', async () => {
    const composer = new Composer(await PDFDocument.create(), new FontBook(await nodeFontFiles(), template.pageStyle), template.pageStyle);
    const layout = setTable(
      composer,
      layoutTable(getTable(template, 't3'), template.pageStyle, () => '0'),
    );
    const lines = (row: number, col: number) => layout.cells.find((c) => c.row === row && c.col === col)!.lines.map((l) => l.text);
    const stacked = layout.cells.find(
      (c) =>
        c.lines
          .map((l) => l.text)
          .join('')
          .normalize('NFKC') === LABEL,
    )!;
    // 、 in its vertical form, as real reports set it (NFKC, as text extraction normalises, gives 、 back).
    expect(stacked.lines.map((l) => l.text)).toEqual(Array.from('三︑本年度办理结果'));
    expect(stacked.align).toBe('center');
    // （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理: the number and two characters, then the rest.
    const col1 = layout.cells.filter((c) => c.col === 1 && c.rowSpan > 1).map((c) => c.lines.map((l) => l.text));
    expect(col1).toEqual([
      ['（三）不予', '公开'],
      ['（四）无法', '提供'],
      ['（五）不予', '处理'],
      ['（六）其他', '处理'],
    ]);
    // Wrapped labels are balanced: no line holds a single character the first line left over.
    const wrapped = layout.cells.filter((c) => c.lines.length > 1 && c.rowSpan === 1).map((c) => c.lines.map((l) => l.text));
    expect(wrapped.length).toBeGreaterThan(3);
    for (const lines of wrapped) expect(Math.min(...lines.map((l) => Array.from(l).length)), lines.join('/')).toBeGreaterThan(1);
    // The template's widths fit the longest one-line labels (they used to leave “开”, “息” alone).
    for (const label of ['2.其他法律行政法规禁止公开', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作']) {
      expect(layout.cells.find((c) => c.lines.map((l) => l.text).join('') === label)!.lines).toHaveLength(1);
    }
    // Applicant columns wrap two by two as published reports do.
    expect(lines(1, 3)).toEqual(['自然', '人']);
    expect(lines(2, 6)).toEqual(['社会', '公益', '组织']);
  });

  it('never leaves a continuation page of table 三 with its repeated header above only a few rows', async () => {
    const composer = new Composer(await PDFDocument.create(), new FontBook(await nodeFontFiles(), template.pageStyle), template.pageStyle);
    const layout = setTable(
      composer,
      layoutTable(getTable(template, 't3'), template.pageStyle, () => '0'),
    );
    const { rowHeights, headerRows } = layout;
    const sum = (from: number, to: number) => rowHeights.slice(from, to).reduce((a, b) => a + b, 0);
    const pageRoom = composer.geo.textHeight;
    for (const left of [1, 2, 3, 4]) {
      // Room on the first page for all rows but the last `left` ones.
      const segments = paginate(layout, sum(0, rowHeights.length - left) + 0.5, pageRoom);
      expect(segments.length, `${left} left`).toBe(2);
      const [first, last] = segments as [[number, number], [number, number]];
      expect(first[0]).toBe(headerRows);
      expect(first[1]).toBe(last[0]);
      expect(last[1]).toBe(rowHeights.length);
      expect(last[1] - last[0], `${left} left`).toBeGreaterThanOrEqual(5);
      // The moved boundary cuts no merged label before its text had room.
      expect(layout.cells.some((c) => c.row < last[0] && c.row + c.rowSpan > last[0] && sum(c.row, last[0]) < c.height)).toBe(false);
    }
  });

  it('prints the stacked label one character per line, centred in its column, in reading order', async () => {
    const doc = await loadSeed('2022-zhongwei-spfw');
    const path = await writeTemp('stack.pdf', await renderPdf(doc, { fonts: await nodeFontFiles() }));
    const bbox = await tool('pdftotext', ['-bbox', path, '-']);
    expect(bbox.stderr).toBe('');
    // Words whose centre lies in table 三's first column, on the page that has most of them (where the label starts).
    const t3 = getTable(template, 't3').layout.columnWidths;
    const left = 28 * PT_PER_MM;
    const colWidth = (t3[0]! / t3.reduce((a, b) => a + b, 0)) * 156 * PT_PER_MM;
    const stacks = bbox.stdout.split('<page ').map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((m) => ({ x: (Number(m[1]) + Number(m[3])) / 2, y: Number(m[2]), text: m[5]! }))
        .filter((w) => w.x > left && w.x < left + colWidth)
        .sort((a, b) => a.y - b.y),
    );
    const stack = stacks.reduce((a, b) => (b.length > a.length ? b : a));
    expect(stack.map((w) => w.text.normalize('NFKC'))).toEqual(Array.from(LABEL));
    for (const [k, w] of stack.entries()) {
      // Each character's em box (what poppler reports) centred in the column, one line below the last.
      expect(w.x, w.text).toBeCloseTo(left + colWidth / 2, 0);
      if (k > 0) expect(w.y).toBeGreaterThan(stack[k - 1]!.y + 10);
    }
  });
});
