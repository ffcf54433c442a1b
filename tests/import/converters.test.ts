// Layouts real converters and publishers produce (tests/import/converters.ts, written from the
// format): every cell read right, none wrong, agency and year found.
import { describe, expect, it } from 'vitest';
import { CELL_IDS, checkReport } from '../../src/core/index.ts';
import { importReportFile } from '../../src/import/index.ts';
import { consistentDocument } from '../support/documents.ts';
import { AGENCY_PLACES, CONVERTERS, pageWithAgencyIn } from './converters.ts';
import { distinctDocument, publishedHtml } from './generate.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const cellsOf = (d: { cells: Record<string, number | null> }) => Object.fromEntries(CELL_IDS.map((id) => [id, d.cells[id] ?? null]));

describe('converter layouts', () => {
  const doc = distinctDocument(['t3.granted.research', 't4.litigationDirect.pending']);
  it.each(CONVERTERS)('%s', async (_, convert) => {
    const { document, problems } = await importReportFile('converted.md', enc(convert(doc)));
    expect(problems).toEqual([]);
    expect(cellsOf(document)).toEqual(cellsOf(doc));
    expect(document.agency.name).toBe(doc.agency.name);
    expect(document.year).toBe(doc.year);
  });

  it.each(CONVERTERS)('%s: a consistent report has no finding about its tables', async (_, convert) => {
    const seed = { results: Array.from({ length: 21 }, (_, k) => (k * 7) % 5), carriedIn: 2, carriedOut: 3 };
    const consistent = consistentDocument({
      t3: Array.from({ length: 6 }, () => seed),
      t4: [
        [1, 2, 0, 1],
        [0, 1, 0, 0],
        [3, 0, 0, 0],
      ],
      t2: [0, 0, 0, 4, 1, 30, 12, 8, 2],
      fee: 0,
    });
    const { document } = await importReportFile('converted.md', enc(convert(consistent)));
    expect(cellsOf(document)).toEqual(cellsOf(consistent));
    expect(checkReport(document, { totals: 'asPrinted' }).filter((f) => f.cells.length)).toEqual([]);
  });
});

describe('agency and year when the title leaves the agency out', () => {
  const doc = distinctDocument();
  it.each(AGENCY_PLACES)('%s', async (_, print) => {
    const { document, problems } = await importReportFile('report.txt', enc(print(doc)));
    expect(problems).toEqual([]);
    expect([document.agency.name, document.year]).toEqual([doc.agency.name, doc.year]);
    expect(cellsOf(document)).toEqual(cellsOf(doc));
  });

  it.each(['title', 'breadcrumb'] as const)('a web page with the agency only in its %s', async (where) => {
    const body = publishedHtml(doc)
      .replace(/^[\s\S]*?<\/h1>/, '')
      .replace('</body></html>', '');
    const { document } = await importReportFile('report.html', enc(pageWithAgencyIn(where, doc, body)));
    expect([document.agency.name, document.year]).toEqual([doc.agency.name, doc.year]);
    expect(cellsOf(document)).toEqual(cellsOf(doc));
    expect(document.preamble ?? '').not.toContain('年度报告');
  });
});
