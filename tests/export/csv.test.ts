// CSV export: a BOM for Excel/WPS, a header and one RFC 4180 record per cell, values as printed.
import { describe, expect, it } from 'vitest';
import { CELL_IDS, cellInfo, isCellId } from '../../src/core/index.ts';
import { csvField, renderCsv } from '../../src/export/csv.ts';
import { cellDisplayText } from '../../src/export/outline.ts';
import { distinctDocument, seedDocuments } from './docx-grid.ts';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') (value += '"'), (i += 2);
          else break;
        } else value += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i++];
      }
    }
    record.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) (i += 2), records.push(record), (record = []);
    else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (record.length) throw new Error('last record lacks CRLF');
  return records;
}

describe('CSV export', () => {
  const seeds = seedDocuments();

  it.each([['distinct values', distinctDocument(seeds[0]?.doc)] as const, ...seeds.map((s) => [s.name, s.doc] as const)])('%s: 200 cells + header, parsable', (_name, doc) => {
    const csv = renderCsv(doc);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(201);
    expect(records[0]).toEqual(['单元格编号', '表格', '行', '列', '数值']);
    expect(records.every((r) => r.length === 5)).toBe(true);
    expect(records.slice(1).map((r) => r[0])).toEqual([...CELL_IDS]);
    for (const [id, table, row, column, value] of records.slice(1)) {
      if (!id || !isCellId(id)) throw new Error(`not a cell id: ${id}`);
      const info = cellInfo(id);
      expect(table).toMatch(new RegExp(`^${info.tableNumber}、`));
      expect([row, column, value]).toEqual([info.row.shortLabel, info.column.label, cellDisplayText(doc, id)]);
    }
  });

  it('quotes fields with commas, quotes or line breaks and reads them back', () => {
    const nasty = ['a,b', 'say "hi"', 'two\r\nlines', '全角，逗号', ''];
    const line = nasty.map(csvField).join(',') + '\r\n';
    expect(parseCsv(line)).toEqual([nasty]);
    expect(csvField('全角，逗号')).toBe('全角，逗号');
  });

  it('prints 不适用 cells as "/" and the fee with its decimals', () => {
    const doc = distinctDocument(seeds[0]?.doc);
    doc.notApplicable = ['t2.regulations.issued'];
    const byId = new Map(parseCsv(renderCsv(doc).slice(1)).map((r) => [r[0], r[4]]));
    expect(byId.get('t2.regulations.issued')).toBe('/');
    expect(byId.get('t2.fees.amount')).toBe('1234.5678');
  });
});
