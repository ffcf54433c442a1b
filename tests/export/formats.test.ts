// The one list of export formats the editor, `nianbao export` and publishing use.

import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/export/csv.ts';
import { EXPORT_FORMATS, exportFormat, PUBLISHED_FORMATS } from '../../src/export/formats.ts';
import { renderHtml } from '../../src/export/html/index.ts';
import { renderPdfInNode } from '../../src/export/pdf/node.ts';
import { loadSeed } from './pdf-support.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('export formats', () => {
  it('publishes (and offers in the editor) Word, PDF, HTML and the document; CSV is an extract', () => {
    expect(PUBLISHED_FORMATS.map((f) => f.id)).toEqual(['docx', 'pdf', 'html', 'json']);
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['docx', 'pdf', 'html', 'json', 'csv']);
    expect(EXPORT_FORMATS.filter((f) => f.draftAllowed).map((f) => f.id)).toEqual(['json']);
    for (const f of EXPORT_FORMATS) expect(f.extension).toBe(`.${f.id}`);
    expect(exportFormat('xlsx')).toBeUndefined();
  });

  it('renders each format with its renderer, the PDF with the maker the caller’s environment gives (here Node’s)', async () => {
    const doc = await loadSeed('2022-zhongwei-spfw');
    const out = Object.fromEntries(await Promise.all(EXPORT_FORMATS.map(async (f) => [f.id, await f.render(doc, (d) => renderPdfInNode(d))] as const)));
    expect(text(out.pdf!.slice(0, 5))).toBe('%PDF-');
    expect(text(out.html!)).toBe(renderHtml(doc));
    expect(text(out.csv!)).toBe(renderCsv(doc).replace(/^\uFEFF/, ''));
    expect(out.csv!.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(JSON.parse(text(out.json!))).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(Object.keys(unzipSync(out.docx!))).toContain('word/document.xml');
  });
});
