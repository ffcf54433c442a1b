// Table labels in the PDF as laid out and as poppler reads them back: table 三's narrow merged
// label stacked one character per line and centred; the other labels of table 三 wrap readably.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { getTable, getTemplate } from '../../src/core/index.ts';
import { nodeFontFiles } from '../../src/export/fonts/node.ts';
import { PT_PER_MM } from '../../src/export/page-grid.ts';
import { renderPdf } from '../../src/export/pdf/index.ts';
import { Composer } from '../../src/export/pdf/composer.ts';
import { FontBook } from '../../src/export/pdf/font-book.ts';
import { layoutTable } from '../../src/export/pdf/table.ts';
import { loadSeed, tool, writeTemp } from './pdf-support.ts';

const LABEL = '三、本年度办理结果';
const template = getTemplate();

describe('PDF table labels', () => {
  it('lays table 三 out: the merged label stacked, the （三）… labels broken after their number and two characters', async () => {
    const composer = new Composer(await PDFDocument.create(), new FontBook(await nodeFontFiles(), template.pageStyle), template.pageStyle);
    const layout = layoutTable(composer, getTable(template, 't3'), () => '0');
    const lines = (row: number, col: number) => layout.cells.find((c) => c.row === row && c.col === col)!.lines.map((l) => l.text);
    const stacked = layout.cells.find((c) => c.lines.map((l) => l.text).join('') === LABEL)!;
    expect(stacked.lines.map((l) => l.text)).toEqual(Array.from(LABEL));
    expect(stacked.align).toBe('center');
    // （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理: the number and two characters, then the rest.
    const col1 = layout.cells.filter((c) => c.col === 1 && c.rowSpan > 1).map((c) => c.lines.map((l) => l.text));
    expect(col1).toEqual([
      ['（三）不予', '公开'],
      ['（四）无法', '提供'],
      ['（五）不予', '处理'],
      ['（六）其他', '处理'],
    ]);
    // Applicant columns wrap two by two as published reports do.
    expect(lines(1, 3)).toEqual(['自然', '人']);
    expect(lines(2, 6)).toEqual(['社会', '公益', '组织']);
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
    expect(stack.map((w) => w.text)).toEqual(Array.from(LABEL));
    for (const [k, w] of stack.entries()) {
      // Each character's em box (what poppler reports) centred in the column, one line below the last.
      expect(w.x, w.text).toBeCloseTo(left + colWidth / 2, 0);
      if (k > 0) expect(w.y).toBeGreaterThan(stack[k - 1]!.y + 10);
    }
  });
});
