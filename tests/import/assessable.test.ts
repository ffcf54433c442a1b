// The import never accuses an agency of a mistake its printed tables do not contain: a consistent
// report cut at any line, or with a row's label lost, gives no error finding, and every cell it
// gives is the printed one (or null, not read). Seeded, so a failure replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessReport, CELL_IDS } from '../../src/core/index.ts';
import { importReportFile } from '../../src/import/index.ts';
import { consistentDocumentArb } from '../support/documents.ts';
import { publishedText, type Variant } from './generate.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const LAYOUTS: Variant['layout'][] = ['tab', 'pipe', 'markdown', 'cellPerLine', 'blankLines', 'wideSpaces'];

async function importText(text: string) {
  try {
    return await importReportFile('cut.txt', enc(text));
  } catch {
    return null; // nothing of the tables left: refused, which accuses no one either
  }
}

describe('a consistent report, however much of it could be read', () => {
  it('cut at any line: no error finding, every cell read is the printed one', async () => {
    await fc.assert(
      fc.asyncProperty(consistentDocumentArb, fc.constantFrom(...LAYOUTS), fc.nat(), async (doc, layout, at) => {
        const lines = publishedText(doc, { layout }).split('\n');
        const cut = lines.slice(0, at % (lines.length + 1)).join('\n');
        const result = await importText(cut);
        if (!result) return;
        for (const id of CELL_IDS) if (result.document.cells[id] !== null) expect([id, result.document.cells[id]]).toEqual([id, doc.cells[id]]);
        const errors = assessReport(result.document, { totals: 'asPrinted' }).findings.filter((f) => f.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 150, seed: 1301 },
    );
  });

  it('a slip in the part that could be read is still found', async () => {
    await fc.assert(
      fc.asyncProperty(consistentDocumentArb, fc.constantFrom(...LAYOUTS), fc.nat(), async (doc, layout, at) => {
        const slipped = { ...doc, cells: { ...doc.cells, 't3.new.total': doc.cells['t3.new.total']! + 1 } };
        const lines = publishedText(slipped, { layout }).split('\n');
        // Cut anywhere after the row of 一、本年新收 has been printed in full.
        const from = lines.findIndex((l) => l.includes('本年新收')) + (layout === 'cellPerLine' || layout === 'blankLines' ? 16 : 1);
        const result = await importText(lines.slice(0, from + (at % (lines.length - from + 1))).join('\n'));
        const slips = assessReport(result!.document, { totals: 'asPrinted' }).findings.filter((f) => f.rule === 't3.rowTotal');
        expect(slips.map((f) => f.cells.at(-1))).toEqual(['t3.new.total']);
      }),
      { numRuns: 60, seed: 1303 },
    );
  });

  it("one row's label lost: no error finding, the row placed by the sums or left null", async () => {
    await fc.assert(
      fc.asyncProperty(consistentDocumentArb, fc.constantFrom<Variant['layout']>('tab', 'pipe', 'markdown', 'wideSpaces'), fc.nat(), async (doc, layout, pick) => {
        const lines = publishedText(doc, { layout }).split('\n');
        // Rows of table 三 with their own values: label cell(s) then seven numbers.
        const start = lines.findIndex((l) => l.includes('本年新收'));
        const end = lines.findIndex((l) => l.includes('结转下年度继续办理'));
        const rows = lines.map((_, i) => i).filter((i) => i >= start && i <= end && /(\d+\D+){6}\d+\s*\|?\s*$/.test(lines[i]!));
        const i = rows[pick % rows.length]!;
        const numbers = lines[i]!.match(/\d+/g)!.slice(-7);
        const sep = layout === 'tab' ? '\t' : layout === 'wideSpaces' ? '    ' : ' | ';
        lines[i] = layout === 'markdown' ? `| ${numbers.join(' | ')} |` : numbers.join(sep) + (layout === 'pipe' ? ' |' : '');
        const result = await importText(lines.join('\n'));
        expect(result).not.toBeNull();
        for (const id of CELL_IDS) if (result!.document.cells[id] !== null) expect([id, result!.document.cells[id]]).toEqual([id, doc.cells[id]]);
        expect(assessReport(result!.document, { totals: 'asPrinted' }).findings.filter((f) => f.severity === 'error')).toEqual([]);
        // Below the first row its numbers run on after the row above, and the sums place them.
        if (i !== rows[0]) for (const id of CELL_IDS.filter((c) => c.startsWith('t3.'))) expect([id, result!.document.cells[id]]).toEqual([id, doc.cells[id]]);
      }),
      { numRuns: 120, seed: 1302 },
    );
  });
});
