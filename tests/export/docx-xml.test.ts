// The DOCX as Word and WPS read it: page geometry, fonts per role, table structure and cell values,
// page-number footers — asserted on the package XML (LibreOffice substitutes missing fonts, so only
// the XML can prove the font choice).

import type { Element } from 'domhandler';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate, type ReportDocument } from '../../src/core/index.ts';
import { renderDocx } from '../../src/export/docx/index.ts';
import { cellDisplayText } from '../../src/export/outline.ts';
import { byTag, distinctDocument, expectedText, parseXml, seedDocuments, templateGrid, textOf, type XmlNode } from './docx-grid.ts';

const seeds = seedDocuments();
const TABLES = getTemplate().tables;

async function unpack(doc: ReportDocument, options?: Parameters<typeof renderDocx>[1]) {
  const files = unzipSync(await renderDocx(doc, options));
  const xml = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`missing ${name}`);
    return parseXml(strFromU8(f));
  };
  return { files, xml, document: xml('word/document.xml') };
}

const attr = (el: Element | undefined, name: string) => el?.attribs[`w:${name}`];
const child = (el: Element, tag: string) => el.children.find((c): c is Element => c.type === 'tag' && c.name === tag);
const children = (el: Element, tag: string) => el.children.filter((c): c is Element => c.type === 'tag' && c.name === tag);

/** The paragraph whose text is exactly `text`. */
function para(root: XmlNode | Element, text: string): Element {
  const p = byTag('w:p', root).find((el) => textOf(el) === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
}

/** A stacked label's vertical punctuation back in its horizontal form. */
const fromVertical = (text: string) => text.replace(/︑/g, '、');

/** A DOCX table read back into rows × grid columns: the text covering each position, and whether it starts a cell there. */
type Position = { text: string; origin: boolean; vMerged: boolean };
function readTable(tbl: Element): Position[][] {
  const rows: Position[][] = [];
  for (const tr of children(tbl, 'w:tr')) {
    const row: Position[] = [];
    for (const tc of children(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr')!;
      const span = Number(attr(byTag('w:gridSpan', tcPr)[0], 'val') ?? 1);
      const vMerge = byTag('w:vMerge', tcPr)[0];
      const continued = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      const col = row.length;
      for (let i = 0; i < span; i++) {
        const above = rows[rows.length - 1]?.[col + i];
        // A continuation must sit under a vertically merged cell (Word drops a stray one).
        if (continued && !above?.vMerged) throw new Error(`vMerge continue without a merge above at ${rows.length},${col + i}`);
        row.push(continued ? { text: above!.text, origin: false, vMerged: true } : { text: fromVertical(textOf(tc)), origin: i === 0, vMerged: vMerge !== undefined });
      }
    }
    rows.push(row);
  }
  return rows;
}

describe('DOCX package XML', () => {
  const doc = distinctDocument(seeds[0]?.doc);
  let pkg: Awaited<ReturnType<typeof unpack>>;
  beforeAll(async () => {
    pkg = await unpack(doc);
  });

  it('sets A4 and the GB/T 9704 margins in twips', () => {
    const sectPr = byTag('w:sectPr', pkg.document)[0]!;
    const pgSz = byTag('w:pgSz', sectPr)[0];
    const pgMar = byTag('w:pgMar', sectPr)[0];
    // 210 × 297 mm; margins 37 / 35 / 28 / 26 mm at 1440 twips per inch.
    expect([attr(pgSz, 'w'), attr(pgSz, 'h')]).toEqual(['11906', '16838']);
    expect([attr(pgMar, 'top'), attr(pgMar, 'bottom'), attr(pgMar, 'left'), attr(pgMar, 'right')]).toEqual(['2098', '1984', '1587', '1474']);
  });

  it('sets every paragraph in a named style that carries its font, size, pitch and indent, digits in Times New Roman', () => {
    const styles = pkg.xml('word/styles.xml');
    const styleOf = (p: Element) => attr(byTag('w:pStyle', p)[0], 'val');
    const style = (id: string) => {
      const s = byTag('w:style', styles).find((el) => attr(el, 'styleId') === id);
      if (!s) throw new Error(`no style ${id}`);
      const rPr = child(s, 'w:rPr')!;
      return { s, pPr: child(s, 'w:pPr'), fonts: byTag('w:rFonts', rPr)[0], size: attr(byTag('w:sz', rPr)[0], 'val'), name: attr(byTag('w:name', s)[0], 'val') };
    };
    // No paragraph of the body carries its own fonts or sizes: editing a style restyles the report.
    expect(byTag('w:rPr', byTag('w:body', pkg.document)[0]!)).toHaveLength(0);

    expect(styleOf(para(pkg.document, doc.agency.name))).toBe('Title');
    const title = style('Title');
    expect(attr(title.fonts, 'eastAsia')).toBe('方正小标宋简体');
    expect(title.size).toBe('44');
    expect(attr(byTag('w:jc', title.pPr!)[0], 'val')).toBe('center');

    expect(styleOf(para(pkg.document, '一、总体情况'))).toBe('Heading1');
    const heading2 = byTag('w:p', pkg.document).find((p) => /^（一）/.test(textOf(p)))!;
    expect(styleOf(heading2)).toBe('Heading2');
    // Outline levels for Word's and WPS's navigation pane; the library's blue headings replaced.
    for (const [id, font, level] of [
      ['Heading1', '黑体', '0'],
      ['Heading2', '楷体_GB2312', '1'],
    ] as const) {
      const h = style(id);
      expect(h.name).toBe(`heading ${id.slice(-1)}`);
      expect(attr(h.fonts, 'eastAsia')).toBe(font);
      expect(attr(byTag('w:outlineLvl', h.pPr!)[0], 'val')).toBe(level);
      expect(byTag('w:keepNext', h.pPr!)).toHaveLength(1);
    }
    const headingStyles = byTag('w:style', styles).filter((s) => /^(Title|Heading\d)$/.test(attr(s, 'styleId') ?? ''));
    expect(headingStyles).toHaveLength(7);
    for (const s of headingStyles) expect([attr(byTag('w:color', s)[0], 'val'), byTag('w:b', s).map((b) => attr(b, 'val'))]).toEqual(['000000', ['false']]);

    const firstProse = doc.prose['overview.intro'].split('\n')[0]!.trim() || doc.preamble!.split('\n')[0]!.trim();
    expect(styleOf(para(pkg.document, firstProse))).toBe('BodyText');
    const body = style('BodyText');
    expect(attr(body.fonts, 'eastAsia')).toBe('仿宋_GB2312');
    expect([attr(body.fonts, 'ascii'), attr(body.fonts, 'hAnsi')]).toEqual(['Times New Roman', 'Times New Roman']);
    expect(body.size).toBe('32');
    // Fixed 28.95 pt pitch (22 lines per page); 28 characters per
    // 442 pt line: 16 pt condensed by 0.25 pt (-5 twips) each, in the style, not on every run; the
    // first line indented two such characters (2 × 15.75 pt).
    const spacing = byTag('w:spacing', body.pPr!)[0];
    expect([attr(spacing, 'line'), attr(spacing, 'lineRule')]).toEqual(['579', 'exact']);
    expect(attr(byTag('w:spacing', child(body.s, 'w:rPr')!)[0], 'val')).toBe('-5');
    const ind = byTag('w:ind', body.pPr!)[0];
    expect([attr(ind, 'firstLine'), attr(ind, 'firstLineChars')]).toEqual(['630', '200']);

    expect(styleOf(para(byTag('w:tbl', pkg.document)[0]!, '信息内容'))).toBe('TableText');
    const cell = style('TableText');
    expect(attr(cell.fonts, 'eastAsia')).toBe('仿宋_GB2312');
    expect(cell.size).toBe('21');
  });

  it('writes sensible metadata: title, subject, author and last editor', () => {
    const core = pkg.xml('docProps/core.xml');
    const text = (tag: string) => textOf(byTag(tag, core)[0]!);
    expect(text('dc:title')).toBe(`${doc.agency.name}${doc.year}年政府信息公开工作年度报告`);
    expect(text('dc:subject')).toMatch(/国办公开办函〔2021〕30号格式/);
    expect(text('cp:lastModifiedBy')).toBe(doc.publication.signatory || doc.agency.name);
    expect(text('dc:creator')).toBe(doc.publication.signatory || doc.agency.name);
  });

  it('keeps at least two lines of a body paragraph together at a page break, as the PDF does', () => {
    const paragraphs = byTag('w:p', byTag('w:body', pkg.document)[0]!);
    const body = paragraphs.filter((p) => attr(byTag('w:pStyle', p)[0], 'val') === 'BodyText');
    expect(body.length).toBeGreaterThan(5);
    for (const p of body) expect(byTag('w:widowControl', p), textOf(p)).toHaveLength(1);
  });

  it('keeps the closing lines with the signature, the signatory with the date', () => {
    const paragraphs = byTag('w:p', byTag('w:body', pkg.document)[0]!);
    const signature = paragraphs.findIndex((p) => attr(byTag('w:pStyle', p)[0], 'val') === 'Signature');
    expect(signature).toBeGreaterThan(0);
    for (const p of paragraphs.slice(signature - 1, -1)) expect(byTag('w:keepNext', p), textOf(p)).toHaveLength(1);
    expect(byTag('w:keepNext', paragraphs.at(-1)!)).toHaveLength(0);
  });

  it('takes font names from the options where the _GB2312 faces are missing', async () => {
    const { xml } = await unpack(doc, { fonts: { body: '仿宋', heading2: '楷体', table: '仿宋' } });
    const eastAsia = new Set([...byTag('w:rFonts', xml('word/styles.xml')), ...byTag('w:rFonts', xml('word/footer1.xml'))].map((f) => attr(f, 'eastAsia')));
    expect(eastAsia.has('仿宋_GB2312')).toBe(false);
    expect(eastAsia.has('楷体_GB2312')).toBe(false);
    expect(eastAsia).toEqual(new Set(['方正小标宋简体', '仿宋', '黑体', '楷体', '宋体']));
  });

  it('draws each table in the template structure: fixed widths filling 156 mm, spans and vertical merges', () => {
    const tbls = byTag('w:tbl', pkg.document);
    expect(tbls).toHaveLength(3);
    tbls.forEach((tbl, i) => {
      const table = TABLES[i]!;
      const expected = templateGrid(table);
      const actual = readTable(tbl);
      expect(actual.map((r) => r.length)).toEqual(expected.map((r) => r.length));
      const widths = byTag('w:gridCol', tbl).map((g) => Number(attr(g, 'w')));
      expect(widths).toHaveLength(table.layout.columnWidths.length);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(8844);
      expect(attr(byTag('w:tblLayout', tbl)[0], 'type')).toBe('fixed');
      expected.forEach((row, r) =>
        row.forEach((pos, c) => {
          const got = actual[r]![c]!;
          expect({ at: `${table.id} ${r},${c}`, text: got.text, origin: got.origin }).toEqual({
            at: `${table.id} ${r},${c}`,
            text: expectedText(pos.key, (id) => cellDisplayText(doc, id)),
            origin: pos.origin,
          });
        }),
      );
    });
  });

  it('stacks table 三’s narrow merged label one character per line in one run, 、 in its vertical form, centred', () => {
    const t3 = byTag('w:tbl', pkg.document)[1]!;
    const cell = byTag('w:tc', t3).find((tc) => textOf(tc).normalize('NFKC') === '三、本年度办理结果')!;
    const p = byTag('w:p', cell);
    expect(p).toHaveLength(1);
    expect(byTag('w:r', p[0]!)).toHaveLength(1);
    expect(byTag('w:t', p[0]!).map(textOf)).toEqual(Array.from('三︑本年度办理结果'));
    expect(byTag('w:cr', p[0]!)).toHaveLength(8);
    expect(byTag('w:jc', p[0]!)).toHaveLength(0); // centred by the TableText style
    // No other cell of any table is stacked.
    expect(byTag('w:cr', pkg.document)).toHaveLength(8);
  });

  it('shades and centres table 二’s 第二十条 rows and gives its rows the template’s height', () => {
    const t2 = byTag('w:tbl', pkg.document)[0]!;
    const captions = byTag('w:tc', t2).filter((tc) => /^第二十条第/.test(textOf(tc)));
    expect(captions).toHaveLength(4);
    for (const tc of captions) {
      expect(attr(byTag('w:shd', tc)[0], 'fill')).toBe('C6D9F1');
      expect(byTag('w:jc', tc)).toHaveLength(0); // centred by the TableText style
    }
    expect(byTag('w:tc', t2).filter((tc) => byTag('w:shd', tc).length)).toHaveLength(4);
    for (const tr of children(t2, 'w:tr')) {
      const height = byTag('w:trHeight', tr)[0];
      expect(attr(height, 'hRule')).toBe('atLeast');
      expect(Number(attr(height, 'val'))).toBe(Math.round((11 / 25.4) * 72 * 20));
    }
  });

  it('marks header rows to repeat and no row to split across pages', () => {
    byTag('w:tbl', pkg.document).forEach((tbl, i) => {
      const rows = children(tbl, 'w:tr');
      const header = rows.map((tr) => {
        const h = byTag('w:tblHeader', tr)[0];
        return h !== undefined && attr(h, 'val') !== 'off' && attr(h, 'val') !== 'false';
      });
      const n = TABLES[i]!.layout.header.length;
      expect(header).toEqual(rows.map((_, r) => r < n));
      expect(rows.every((tr) => byTag('w:cantSplit', tr).length === 1)).toBe(true);
    });
    expect(TABLES.find((t) => t.id === 't3')!.layout.header).toHaveLength(3);
  });

  it('numbers pages "— N —" with a PAGE field, odd pages right and even pages left', () => {
    const settings = pkg.xml('word/settings.xml');
    expect(byTag('w:evenAndOddHeaders', settings)).toHaveLength(1);
    const refs = byTag('w:footerReference', byTag('w:sectPr', pkg.document)[0]!);
    const rels = byTag('Relationship', pkg.xml('word/_rels/document.xml.rels'));
    const footer = (type: string) => {
      const id = refs.find((r) => attr(r, 'type') === type)!.attribs['r:id'];
      return pkg.xml(`word/${rels.find((r) => r.attribs.Id === id)!.attribs.Target}`);
    };
    for (const [type, side, indent] of [
      ['default', 'right', 'right'],
      ['even', 'left', 'left'],
    ] as const) {
      const f = footer(type);
      // A PAGE field with a cached number, for viewers that do not update fields.
      const field = byTag('w:fldSimple', f)[0]!;
      expect(attr(field, 'instr')).toBe('PAGE');
      expect(textOf(field)).toBe('1');
      expect(byTag('w:t', f).map(textOf).join('')).toBe('— 1 —');
      expect(attr(byTag('w:pStyle', f)[0], 'val')).toBe('Footer');
      expect(attr(byTag('w:jc', f)[0], 'val')).toBe(side);
      // One 四号 (14 pt) character in from the text block's edge.
      expect(attr(byTag('w:ind', f)[0], indent)).toBe('280');
    }
    const footerStyle = byTag('w:style', pkg.xml('word/styles.xml')).find((s) => attr(s, 'styleId') === 'Footer')!;
    expect(attr(byTag('w:rFonts', footerStyle)[0], 'eastAsia')).toBe('宋体');
    expect(attr(byTag('w:sz', footerStyle)[0], 'val')).toBe('28');
  });
});

describe('text XML cannot hold', () => {
  it('drops control characters and noncharacters, keeps the rest of the text, escapes markup', async () => {
    const doc = distinctDocument(seeds[0]?.doc);
    doc.agency.name = '测试\u0001局\u000b<b>&\uFFFE';
    doc.prose.problems = '一是\u0007公开\uD800不够。';
    const { files, document } = await unpack(doc);
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(strFromU8(bytes), name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(byTag('w:p', document).map(textOf)).toEqual(expect.arrayContaining(['测试局<b>&', '一是公开不够。']));
  });
});

describe('every seed report', () => {
  it.each(seeds.map((s) => [s.name, s.doc] as const))('%s: each cell prints its value in its grid position', async (_name, doc) => {
    const { document } = await unpack(doc);
    const tbls = byTag('w:tbl', document);
    tbls.forEach((tbl, i) => {
      const actual = readTable(tbl).map((r) => r.map((p) => p.text));
      const expected = templateGrid(TABLES[i]!).map((r) => r.map((p) => expectedText(p.key, (id) => cellDisplayText(doc, id))));
      expect(actual).toEqual(expected);
    });
    expect(byTag('w:p', document).some((p) => textOf(p) === doc.agency.name)).toBe(true);
  });
});
