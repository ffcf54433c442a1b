// Every layout and spelling variant of docs/format.md §7/§9, generated from a document whose
// cells are all different: the import must give back exactly those cells (or leave null and say why).
import { describe, expect, it } from 'vitest';
import { assessReport, CELL_IDS, type CellId } from '../../src/core/index.ts';
import { importReportFile } from '../../src/import/index.ts';
import { distinctDocument, fullWidthDigits, halfWidth, publishedHtml, publishedText, spaced, traditional, type Variant, withTypos } from './generate.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const cellsOf = (d: { cells: Record<string, number | null> }) => Object.fromEntries(CELL_IDS.map((id) => [id, d.cells[id] ?? null]));

const NULLS: CellId[] = ['t3.granted.research', 't3.new.otherOrg', 't2.licensing.decisions', 't4.litigationDirect.pending'];

const VARIANTS: [string, Variant][] = [
  ['tab-separated', { layout: 'tab' }],
  ['"a | b |" inline', { layout: 'pipe' }],
  ['markdown table', { layout: 'markdown' }],
  ['one cell per line', { layout: 'cellPerLine' }],
  ['cells separated by blank lines', { layout: 'blankLines' }],
  ['wide spaces (pdftotext -layout)', { layout: 'wideSpaces' }],
  ['wrapped labels and a page footer inside table 三', { layout: 'wideSpaces', wrapped: true }],
  ['full-width digits', { layout: 'tab', value: fullWidthDigits }],
  ['traditional characters', { layout: 'tab', label: traditional }],
  ['label typos', { layout: 'tab', label: withTypos }],
  ['spaced-out labels', { layout: 'tab', label: spaced }],
  ['half-width "()" and "1. "', { layout: 'tab', label: halfWidth }],
];

describe('layout and spelling variants', () => {
  const doc = distinctDocument();
  it.each(VARIANTS)('%s', async (_, variant) => {
    const text = publishedText(doc, variant);
    const { document, problems } = await importReportFile('variant.txt', enc(text));
    expect(problems).toEqual([]);
    expect(cellsOf(document)).toEqual(cellsOf(doc));
    expect(document.agency.name).toBe(doc.agency.name);
    expect(document.year).toBe(doc.year);
  });

  it('blank and "/" cells read as null, never 0', async () => {
    const withNulls = distinctDocument(NULLS);
    for (const layout of ['tab', 'cellPerLine'] as const) {
      const { document } = await importReportFile('variant.txt', enc(publishedText(withNulls, { layout, empty: '/' })));
      expect(cellsOf(document)).toEqual(cellsOf(withNulls));
    }
    // Blank (not "/") in a tab layout: the row is placed by the positions of the complete rows' values.
    const { document } = await importReportFile('variant.txt', enc(publishedText(withNulls, { layout: 'tab', empty: '' })));
    expect(cellsOf(document)).toEqual(cellsOf(withNulls));
  });

  it('HTML table with rowspan/colspan', async () => {
    const withNulls = distinctDocument(NULLS);
    const { document, problems } = await importReportFile('variant.html', enc(publishedHtml(withNulls)));
    expect(problems).toEqual([]);
    expect(cellsOf(document)).toEqual(cellsOf(withNulls));
  });
});

describe('2019 trial-format structures', () => {
  it('（六）其他处理 as one row: the three rows stay null, the value is in problems, format.outdated is reported', async () => {
    const doc = distinctDocument();
    const { document, problems, findings } = await importReportFile('variant.txt', enc(publishedText(doc, { layout: 'tab', sixAsOneRow: true })));
    const six = CELL_IDS.filter((id) => id.startsWith('t3.otherHandling.'));
    for (const id of six) expect(document.cells[id]).toBeNull();
    expect(cellsOf(document)).toEqual({ ...cellsOf(doc), ...Object.fromEntries(six.map((id) => [id, null])) });
    expect(problems).toEqual([expect.stringMatching(/（六）其他处理.*0 0 0 0 0 0 0.*留空/)]);
    expect(findings.map((f) => f.rule)).toEqual(['format.outdated']);
  });

  it('table 二 in the 2019 wording: its values are not moved into 2021 columns, format.outdated is reported', async () => {
    const doc = distinctDocument();
    const { document, problems, findings } = await importReportFile('variant.txt', enc(publishedText(doc, { layout: 'tab', trial2019: true })));
    for (const id of CELL_IDS.filter((x) => x.startsWith('t2.'))) expect(document.cells[id]).toBeNull();
    expect(problems.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.rule === 'format.outdated' && f.message.includes('本年新制作数量'))).toBe(true);
    // The rest of the report is still read.
    expect(document.cells['t3.new.natural']).toBe(doc.cells['t3.new.natural']);
  });
});

describe('uncertain input is left null with a reason', () => {
  it('a row with too few values is not shifted into other columns', async () => {
    const doc = distinctDocument();
    const text = publishedText(doc, { layout: 'cellPerLine' });
    // Drop one value of 一、本年新收 (cell-per-line: no positions to place the rest by).
    const missing = String(doc.cells['t3.new.business']);
    const broken = text.replace(new RegExp(`(本年新收政府信息公开申请数量\\n(?:\\d+\\n){1})${missing}\\n`), '$1');
    expect(broken).not.toBe(text);
    const { document, problems } = await importReportFile('variant.txt', enc(broken));
    for (const id of CELL_IDS.filter((x) => x.startsWith('t3.new.'))) expect(document.cells[id]).toBeNull();
    expect(problems).toEqual([expect.stringContaining('一、本年新收”一行读到 6 个数值')]);
    // Not read is not printed blank: no finding accuses the agency of the gap; its sums are listed as not assessed.
    const { findings, unassessed } = assessReport(document, { totals: 'asPrinted' });
    expect(findings.filter((f) => f.cells.some((id) => id.startsWith('t3.new.')))).toEqual([]);
    expect(unassessed.filter((u) => u.rule === 't3.balance')).toHaveLength(7);
    expect(unassessed[0]!.reason).toMatch(/^未能读取三、一、本年新收·/);
  });

  it('an unknown row label is reported, not guessed', async () => {
    const doc = distinctDocument();
    const text = publishedText(doc, { layout: 'tab' }).replace('4.保护第三方合法权益', '4.某某自造的理由');
    const { document, problems } = await importReportFile('variant.txt', enc(text));
    expect(document.cells['t3.withheld.thirdParty.total']).toBeNull();
    expect(problems.some((p) => p.includes('某某自造的理由'))).toBe(true);
  });
});
