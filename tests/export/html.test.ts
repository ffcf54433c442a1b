// HTML export: table structure as a browser lays it out (spans fill every row to the column count),
// each value in its template grid position, scoped header cells, escaping, no external resources,
// print CSS after the official page layout.
import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../src/core/index.ts';
import { renderHtml } from '../../src/export/html/index.ts';
import { cellDisplayText } from '../../src/export/outline.ts';
import { distinctDocument, expectedText, seedDocuments, templateGrid } from './docx-grid.ts';

const TABLES = getTemplate().tables;
const seeds = seedDocuments();

const tags = (name: string, root: Parameters<typeof DomUtils.getElementsByTagName>[1]) => DomUtils.getElementsByTagName(name, root, true);
const rowsOf = (table: Element) => tags('tr', table);
const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));

/** The HTML table model: each cell placed at the first free slot, covering colspan × rowspan slots. */
function layOut(table: Element): { grid: (Element | undefined)[][]; rowWidths: number[] } {
  const rows = rowsOf(table);
  const grid: (Element | undefined)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of cellsOf(tr)) {
      while (grid[r]![c]) c++;
      const cs = Number(cell.attribs.colspan ?? 1);
      const rs = Number(cell.attribs.rowspan ?? 1);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          const row = grid[r + dr];
          if (!row) throw new Error(`rowspan runs past the table at row ${r}`);
          if (row[c + dc]) throw new Error(`cells overlap at ${r + dr},${c + dc}`);
          row[c + dc] = cell;
        }
      }
      c += cs;
    }
  });
  return { grid, rowWidths: grid.map((row) => row.filter(Boolean).length) };
}

describe('HTML export', () => {
  it.each([['distinct values', distinctDocument(seeds[0]?.doc)] as const, ...seeds.map((s) => [s.name, s.doc] as const)])(
    '%s: every row spans the column count and every cell sits in its template position',
    (_name, doc) => {
      const dom = parseDocument(renderHtml(doc));
      const tables = tags('table', dom);
      expect(tables).toHaveLength(3);
      tables.forEach((table, i) => {
        const template = TABLES[i]!;
        const width = template.layout.columnWidths.length;
        expect(tags('col', table)).toHaveLength(width);
        const { grid, rowWidths } = layOut(table);
        expect(rowWidths).toEqual(grid.map(() => width));
        const expected = templateGrid(template);
        expect(grid.length).toBe(expected.length);
        expected.forEach((row, r) =>
          row.forEach((pos, c) => {
            const cell = grid[r]![c]!;
            const isData = /^t\d\./.test(pos.key);
            expect({ at: `${template.id} ${r},${c}`, id: cell.attribs['data-cell'], text: DomUtils.textContent(cell) }).toEqual({
              at: `${template.id} ${r},${c}`,
              id: isData ? pos.key : undefined,
              text: expectedText(pos.key, (id) => cellDisplayText(doc, id)),
            });
          }),
        );
        // Header rows go in <thead> so they repeat on printed pages; every header cell is scoped.
        const thead = tags('thead', table)[0];
        expect(thead ? tags('tr', thead).length : 0).toBe(template.layout.header.length);
        expect(tags('th', table).every((th) => ['col', 'row', 'rowgroup'].includes(th.attribs.scope ?? ''))).toBe(true);
      });
    },
  );

  it('uses semantic headings, escapes text and loads nothing from outside', () => {
    const doc = distinctDocument(seeds[0]?.doc);
    doc.agency.name = '<script>alert("x")</script> & 测试局';
    doc.prose.problems = '一是<b>公开</b>不够 "及时" & 全面。';
    const html = renderHtml(doc);
    const dom = parseDocument(html);
    expect(tags('script', dom)).toHaveLength(0);
    expect(tags('b', dom)).toHaveLength(0);
    expect(DomUtils.textContent(tags('h1', dom)[0]!)).toContain('<script>alert("x")</script> & 测试局');
    expect(tags('p', dom).some((p) => DomUtils.textContent(p) === '一是<b>公开</b>不够 "及时" & 全面。')).toBe(true);
    expect(tags('h2', dom).map((h) => DomUtils.textContent(h))).toEqual(getTemplate().format.sections.map((s) => s.title));
    expect(tags('h3', dom).length).toBeGreaterThan(0);
    expect(html).not.toMatch(/\b(src|href)\s*=|@import|url\(/i);
    expect(tags('html', dom)[0]!.attribs.lang).toBe('zh-CN');
  });

  it('sets table 三’s narrow merged label vertically, and no other cell', () => {
    const dom = parseDocument(renderHtml(seeds[0]!.doc));
    const stacked = tags('th', dom).filter((th) => th.attribs.class === 'stack');
    expect(stacked.map((th) => [DomUtils.textContent(th), th.attribs.rowspan, th.attribs.scope])).toEqual([['三、本年度办理结果', '22', 'row']]);
    const css = DomUtils.textContent(tags('style', dom)[0]!);
    expect(css).toMatch(/th\.stack \{[^}]*writing-mode: vertical-rl;[^}]*text-orientation: upright/);
  });

  it('shades table 二’s 第二十条 rows as the template does, centred, rows at the template’s height', () => {
    const dom = parseDocument(renderHtml(seeds[0]!.doc));
    const t2 = tags('table', dom)[0]!;
    const captions = tags('th', t2).filter((th) => th.attribs.scope === 'rowgroup');
    expect(captions.map((th) => [th.attribs.style, th.attribs.class])).toEqual(Array(4).fill(['background: #C6D9F1', undefined]));
    expect(tags('tr', t2).every((tr) => tr.attribs.style === 'height: 31.2pt')).toBe(true);
    expect(tags('tr', tags('table', dom)[1]!).every((tr) => tr.attribs.style === undefined)).toBe(true);
  });

  it('prints on A4 with the official margins and type sizes', () => {
    const css = DomUtils.textContent(tags('style', parseDocument(renderHtml(seeds[0]!.doc)))[0]!);
    expect(css).toMatch(/@page\s*\{\s*size:\s*A4;\s*margin:\s*37mm 26mm 35mm 28mm;/);
    expect(css).toMatch(/\.nianbao-report \{[^}]*"仿宋_GB2312"[^}]*font-size: 16pt;[^}]*line-height: 28\.95pt/);
    expect(css).toMatch(/h1 \{[^}]*"方正小标宋简体"[^}]*font-size: 22pt/);
    expect(css).toMatch(/h2 \{[^}]*"黑体"/);
    expect(css).toMatch(/h3 \{[^}]*"楷体_GB2312"/);
    expect(css).toMatch(/counter\(page\)/);
    // 28 characters per line like the DOCX and PDF: 16 pt condensed by 0.25 pt, indents of two condensed characters.
    expect(css).toMatch(/\.nianbao-report p \{[^}]*letter-spacing: -0\.25pt; text-indent: 31\.5pt;/);
    expect(css).toMatch(/h3 \{[^}]*letter-spacing: -0\.25pt/);
    expect(css).toMatch(/table \{(?![^}]*letter-spacing)/);
  });
});
