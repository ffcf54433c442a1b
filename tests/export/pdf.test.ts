// The PDF export checked with the tools that read real PDFs (poppler, qpdf), on a machine without
// CJK system fonts, so a broken embedded font cannot hide behind an installed one.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBlankDocument, getTemplate } from '../../src/core/index.ts';
import { nodeFontFiles } from '../../src/export/fonts/node.ts';
import { reportOutline } from '../../src/export/outline.ts';
import { charAdvancePt, PT_PER_MM } from '../../src/export/page-grid.ts';
import { MAX_STRETCH_EM, renderPdf } from '../../src/export/pdf/index.ts';
import { HANGING } from '../../src/export/text/line-break.ts';
import { inOrder, loadSeed, parsePdffonts, tool, writeTemp } from './pdf-support.ts';

const SEEDS = readdirSync(new URL('../../seeds/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const squash = (s: string) => s.replace(/\s+/g, '');
const SQUEEZABLE = /[，。、；：？！（）「」『』【】《》〔〕〈〉“”‘’]/u;
const BODY_ADVANCE = charAdvancePt(getTemplate().pageStyle, 'body');
const MAX_STRETCH = MAX_STRETCH_EM * getTemplate().pageStyle.roles.body.sizePt;

interface BboxLine {
  words: string[];
  text: string;
  xMin: number;
  xMax: number;
  height: number;
}

/** The lines poppler finds, with their words (a space poppler inserts separates two words). */
function bboxLines(xml: string): BboxLine[] {
  return [...xml.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, body]) => {
    const [xMin, yMin, xMax, yMax] = ['xMin', 'yMin', 'xMax', 'yMax'].map((k) => Number(attrs!.match(new RegExp(`${k}="([\\d.]+)"`))![1]));
    const words = [...body!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!);
    return { words, text: words.join(''), xMin: xMin!, xMax: xMax!, height: yMax! - yMin! };
  });
}

/** Extra space between two characters of a line of full-width characters only (null for other lines). */
function interCharSpacing(line: BboxLine): number | null {
  const chars = Array.from(line.text);
  if (/[\x00-\x7f]/.test(line.text) || chars.length < 2) return null;
  return (line.xMax - line.xMin - chars.length * BODY_ADVANCE) / (chars.length - 1);
}

/** Every text the report prints, in reading order (table cells row by row). */
function expectedTexts(doc: Awaited<ReturnType<typeof loadSeed>>): string[] {
  const out: string[] = [];
  for (const b of reportOutline(doc)) {
    if (b.kind === 'title') out.push(...b.lines);
    else if (b.kind === 'paragraph' || b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'signature') out.push(b.signatory, b.date ?? '');
    else for (const row of [...b.table.layout.header, ...b.table.layout.body]) for (const cell of row) out.push('cell' in cell ? b.text(cell.cell) : cell.text);
  }
  return out.map(squash).filter(Boolean);
}

describe('PDF export of the seed reports', () => {
  it('has seeds to render', () => expect(SEEDS.length).toBeGreaterThan(0));

  for (const seed of SEEDS) {
    it(`${seed}: fonts embedded and subset, valid for qpdf and poppler, all text extractable in order`, async () => {
      const doc = await loadSeed(seed);
      const path = await writeTemp(`${seed}.pdf`, await renderPdf(doc, { fonts: await nodeFontFiles(), now: new Date('2024-01-31T00:00:00Z') }));

      const fonts = await tool('pdffonts', [path]);
      expect(fonts.stderr).toBe('');
      const rows = parsePdffonts(fonts.stdout);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) expect(row, row.name).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
      for (const row of rows) expect(row.name).toMatch(/^[A-Z]{6}\+/);

      const qpdf = await tool('qpdf', ['--check', path]);
      expect(qpdf.code, qpdf.stdout + qpdf.stderr).toBe(0);

      // Content-stream order is the reading order (what pdf.js, copy-and-paste and screen readers
      // use): -raw shows it. Poppler's default mode regroups table columns (and narrow wrapped
      // labels) into blocks of its own, so there only the title and headings are checked.
      const expected = expectedTexts(doc);
      const raw = await tool('pdftotext', ['-raw', path, '-']);
      expect(raw.stderr).toBe('');
      // Table 三's stacked label prints 、 in its vertical form ︑.
      expect(inOrder(squash(raw.stdout).replace(/—\d+—/g, '').replace(/︑/g, '、'), expected).missing).toBeNull();
      const text = await tool('pdftotext', [path, '-']);
      expect(text.stderr).toBe('');
      const extracted = squash(text.stdout);
      const headings = reportOutline(doc).flatMap((b) => (b.kind === 'title' ? b.lines : b.kind === 'heading' ? [b.text] : []));
      expect(inOrder(extracted, headings.map(squash)).missing).toBeNull();

      // Rendering every page must not make poppler complain about the embedded fonts either.
      const render = await tool('pdftoppm', ['-r', '10', '-gray', path, `${path}-page`]);
      expect(render.stderr).toBe('');
      expect(render.stderr).not.toMatch(/Syntax Error|invalid/i);
    });
  }

  it('writes the metadata: title, author, subject, language, dates', async () => {
    const doc = await loadSeed(SEEDS[0]!);
    const path = await writeTemp('meta.pdf', await renderPdf(doc, { fonts: await nodeFontFiles(), now: new Date('2024-01-31T08:00:00Z') }));
    const info = await tool('pdfinfo', [path]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toContain(`Title:           ${doc.agency.name}${doc.year}年政府信息公开工作年度报告`);
    expect(info.stdout).toContain(`Author:          ${doc.publication.signatory || doc.agency.name}`);
    expect(info.stdout).toMatch(/Subject:\s+.*政府信息公开工作年度报告/);
    expect(info.stdout).toMatch(/CreationDate:\s+Wed Jan 31 08:00:00 2024/);
    expect(info.stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const plain = await tool('qpdf', ['--qdf', '--object-streams=disable', path, `${path}.qdf`]);
    expect(plain.code).toBe(0);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(`${path}.qdf`)).toString('latin1')).toMatch(/\/Lang \(zh-CN\)/);
  });

  it('reports progress block by block and stops when cancelled', async () => {
    const doc = await loadSeed(SEEDS[0]!);
    const fonts = await nodeFontFiles();
    const seen: [number, number][] = [];
    await renderPdf(doc, { fonts, onProgress: (done, total) => seen.push([done, total]) });
    const total = reportOutline(doc).length;
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));

    const controller = new AbortController();
    const cancelled = renderPdf(doc, { fonts, signal: controller.signal, onProgress: (done) => done === 3 && controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('sets 28 full-width characters per full body line, flush with the text block (GB/T 9704 grid)', async () => {
    const doc = await loadSeed('2022-zhongwei-spfw');
    const path = await writeTemp('grid.pdf', await renderPdf(doc, { fonts: await nodeFontFiles() }));
    const bbox = await tool('pdftotext', ['-bbox-layout', path, '-']);
    expect(bbox.stderr).toBe('');
    const left = 28 * PT_PER_MM;
    const right = (210 - 26) * PT_PER_MM;
    // 三号 body lines (bbox about 23 pt high), not indented, only full-width characters.
    const full = bboxLines(bbox.stdout).filter((l) => l.height > 19 && l.height < 26 && Math.abs(l.xMin - left) < 0.1 && !/[\x00-\x7f]/.test(l.text) && l.xMax > right - 8);
    expect(full.length).toBeGreaterThan(40);
    for (const line of full) {
      const chars = Array.from(line.text);
      if (HANGING.has(chars.at(-1)!) && line.xMax > right + 1) {
        // A comma or stop hanging in the margin after a full line (squeezed marks fitting more).
        expect(chars.length - 29, line.text).toBeLessThanOrEqual(chars.slice(0, -1).filter((ch) => SQUEEZABLE.test(ch)).length / 2);
        expect(chars.length, line.text).toBeGreaterThanOrEqual(29);
        continue;
      }
      // Justified to the edge, unless it is a paragraph's last line (unjustified) that happens to be
      // long, or the stretch limit kept it short.
      if (!/[。！？]$/.test(line.text) && line.xMax < right - 0.1) expect(interCharSpacing(line), line.text).toBeCloseTo(MAX_STRETCH, 1);
      else if (/[”’）》」』】〕〉；：]$/.test(line.text) && line.xMax > right + 0.1) {
        // A squeezed closing mark at the end: its blank half lies past the edge, its glyph inside.
        expect(line.xMax - right, line.text).toBeLessThan(BODY_ADVANCE / 2);
      } else if (!/[。！？]$/.test(line.text)) expect(line.xMax, line.text).toBeCloseTo(right, 1);
      // 标点挤压 fits one more character for every two punctuation marks squeezed to half width.
      expect(chars.length - 28, line.text).toBeLessThanOrEqual(chars.filter((ch) => SQUEEZABLE.test(ch)).length / 2);
    }
    // Fewer only where 禁则 or a digit run that follows carried characters over (then justified).
    expect(full.filter((l) => Array.from(l.text).length === 28).length / full.length).toBeGreaterThan(0.8);
  });

  /** A report whose lines before an unbreakable word, a web address and a phone number would be spread apart. */
  function unbreakable() {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    doc.prose['overview.intro'] = [
      '本报告电子版在本局网站查阅，栏目代码为GOVINFORMATIONDISCLOSUREANNUALREPORT。',
      '本报告电子版可以经本市人民政府门户网站（https://www.zhongwei.gov.cn/zwgk/zfxxgknb/）下载。',
      '如对本报告有任何疑问，请与本局办公室联系，电话及传真：0955-12345678901，邮编：755000。',
    ].join('\n');
    return doc;
  }

  for (const seed of [...SEEDS, 'unbreakable']) {
    it(`${seed}: never spreads a line's characters apart; text extracts without inserted spaces`, async () => {
      const doc = seed === 'unbreakable' ? unbreakable() : await loadSeed(seed);
      const path = await writeTemp(`${seed}-spacing.pdf`, await renderPdf(doc, { fonts: await nodeFontFiles() }));
      // 三号 lines (bbox about 23 pt high) wider than any table cell: the justified text.
      const lines = bboxLines((await tool('pdftotext', ['-bbox-layout', path, '-'])).stdout).filter((l) => l.height > 19 && l.height < 26 && l.xMax - l.xMin > 300);
      expect(lines.length).toBeGreaterThan(seed === 'unbreakable' ? 4 : 30);
      for (const line of lines) {
        // Poppler splits a line into words where the gap is wider than a space: between two
        // Chinese characters that is letter-spacing ("电 子 版 可 以").
        for (let i = 1; i < line.words.length; i++) expect(/[\x21-\x7e]$/.test(line.words[i - 1]!) || /^[\x21-\x7e]/.test(line.words[i]!), line.words.join(' ')).toBe(true);
        const spacing = interCharSpacing(line);
        if (spacing !== null) expect(spacing, line.text).toBeLessThanOrEqual(MAX_STRETCH + 0.05);
      }
    });
  }

  for (const seed of SEEDS) {
    it(`${seed}: no heading on the last line of a page`, async () => {
      const doc = await loadSeed(seed);
      const path = await writeTemp(`${seed}-keep.pdf`, await renderPdf(doc, { fonts: await nodeFontFiles() }));
      const headings = new Set(reportOutline(doc).flatMap((b) => (b.kind === 'heading' ? [squash(b.text)] : [])));
      const pages = Number((await tool('pdfinfo', [path])).stdout.match(/Pages:\s+(\d+)/)![1]);
      for (let n = 1; n <= pages; n++) {
        const raw = await tool('pdftotext', ['-raw', '-f', String(n), '-l', String(n), path, '-']);
        const lines = raw.stdout
          .split('\n')
          .map(squash)
          .filter((l) => l && !/^—\d+—$/.test(l));
        expect(headings.has(lines.at(-1)!), `page ${n} ends with ${lines.at(-1)}`).toBe(false);
      }
    });
  }

  it('moves a heading that would have one line left under it to the next page, with two lines of its text', async () => {
    const fonts = await nodeFontFiles();
    // Title (2 lines), the empty line under it and 一、 take 4 of the 22 grid lines; 16 one-line
    // paragraphs leave lines 21 and 22 for （一） and the first line of its paragraph.
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    doc.preamble = '';
    doc.prose['overview.intro'] = [...Array(16).keys()].map((i) => `第${i + 1}行。`).join('\n');
    doc.prose['overview.proactive'] = '甲'.repeat(120);
    const path = await writeTemp('keep-heading.pdf', await renderPdf(doc, { fonts }));
    const page1 = await tool('pdftotext', ['-raw', '-f', '1', '-l', '1', path, '-']);
    const page2 = await tool('pdftotext', ['-raw', '-f', '2', '-l', '2', path, '-']);
    expect(page1.stdout).toContain('第16行。');
    expect(page1.stdout).not.toContain('（一）');
    expect(squash(page2.stdout)).toMatch(/^（一）.*甲{120}/);
  });

  it('leaves no paragraph line alone at the foot or head of a page', async () => {
    const fonts = await nodeFontFiles();
    // Title (2 lines), the empty line under it and 一、 take 4 of the 22 grid lines; n one-line
    // paragraphs follow, then a three-line paragraph with 2 (n = 16) or 1 (n = 17) lines of room.
    for (const n of [16, 17]) {
      const doc = createBlankDocument({ agency: '测试局', year: 2024 });
      doc.preamble = '';
      doc.prose['overview.intro'] = [...Array(n).keys()].map((i) => `第${i + 1}行。`).join('\n') + '\n' + '甲'.repeat(64);
      const path = await writeTemp(`widow-${n}.pdf`, await renderPdf(doc, { fonts }));
      const page1 = await tool('pdftotext', ['-raw', '-f', '1', '-l', '1', path, '-']);
      const page2 = await tool('pdftotext', ['-raw', '-f', '2', '-l', '2', path, '-']);
      expect(page1.stdout).toContain(`第${n}行。`);
      expect(page1.stdout).not.toContain('甲');
      expect(squash(page2.stdout)).toContain('甲'.repeat(64));
    }
  });
});
