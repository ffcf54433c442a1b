// Our own exporters' output reads back to the same cells: every seed document rendered as DOCX,
// HTML and PDF imports to its cells, and so does a document whose cells all differ (empty cells export as "0", so null comes back as 0).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, parseDocumentJson, type ReportDocument } from '../../src/core/index.ts';
import { renderDocx } from '../../src/export/docx/index.ts';
import { renderHtml } from '../../src/export/html/index.ts';
import { renderPdfInNode } from '../../src/export/pdf/node.ts';
import { importReportFile } from '../../src/import/index.ts';
import { distinctDocument } from './generate.ts';
import { repoRoot } from './support.ts';

const seedDir = path.resolve(repoRoot, 'seeds');
const seeds: [string, ReportDocument][] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const parsed = parseDocumentJson(readFileSync(path.join(seedDir, f), 'utf8'));
    if (!parsed.ok) throw new Error(`${f}: ${parsed.errors.join('; ')}`);
    return [f, parsed.document] as [string, ReportDocument];
  })
  // Every cell different, a few empty: a value landing in the wrong cell cannot go unnoticed.
  .concat([['distinct cells', distinctDocument(['t3.granted.research', 't4.litigationDirect.pending'])]]);

const printed = (doc: ReportDocument) => Object.fromEntries(CELL_IDS.map((id) => [id, doc.notApplicable.includes(id) ? null : (doc.cells[id] ?? 0)]));
const cellsOf = (doc: ReportDocument) => Object.fromEntries(CELL_IDS.map((id) => [id, doc.cells[id] ?? null]));

const EXPORTERS: [string, string, (doc: ReportDocument) => Promise<Uint8Array | string>][] = [
  ['DOCX', '.docx', (doc) => renderDocx(doc)],
  ['HTML', '.html', async (doc) => renderHtml(doc)],
  ['PDF', '.pdf', (doc) => renderPdfInNode(doc)],
];

describe.each(EXPORTERS)('%s round trip', (_, ext, render) => {
  it.each(seeds)('%s', async (_name, doc) => {
    const out = await render(doc);
    const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
    const { document, problems } = await importReportFile(`roundtrip${ext}`, bytes);
    expect(problems).toEqual([]);
    expect(cellsOf(document)).toEqual(printed(doc));
    expect(document.agency.name).toBe(doc.agency.name);
    expect(document.year).toBe(doc.year);
  });
});
