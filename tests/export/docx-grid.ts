// Shared by the DOCX and HTML export tests: test documents, and the template's table layout expanded
// into a full grid (what every renderer must reproduce), written here independently of the renderers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { CELL_IDS, type CellId, cellInfo, createBlankDocument, type GridCell, isCellId, parseDocumentJson, type ReportDocument, type TemplateTable } from '../../src/core/index.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');

export function seedDocuments(): { name: string; doc: ReportDocument }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = parseDocumentJson(readFileSync(join(SEEDS, f), 'utf8'));
      if (!parsed.ok) throw new Error(`${f}: ${parsed.errors.join('; ')}`);
      return { name: f.replace(/\.json$/, ''), doc: parsed.document };
    });
}

/**
 * A seed report whose 200 cells all hold different values (100…299 in a scrambled order, the fee
 * with decimals), so a value printed in the wrong cell cannot go unnoticed.
 */
export function distinctDocument(base?: ReportDocument): ReportDocument {
  const doc = structuredClone(base ?? createBlankDocument({ agency: '测试市测试局', year: 2024 }));
  CELL_IDS.forEach((id, i) => {
    doc.cells[id] = cellInfo(id).value === 'money' ? 1234.5678 : 100 + ((i * 37) % 200);
  });
  doc.notApplicable = [];
  doc.publication = { signatory: doc.agency.name, date: '2025-01-20' };
  return doc;
}

/** What a grid position shows: the cell id of a data cell, or the fixed text. */
export const gridKey = (cell: GridCell): string => ('cell' in cell ? cell.cell : cell.text);

/**
 * The template layout (header rows, then body rows) expanded to rows × columns: each position holds
 * the key of the cell covering it, plus whether it is that cell's top-left (origin) position.
 */
export function templateGrid(table: TemplateTable): { key: string; origin: boolean }[][] {
  const rows = [...table.layout.header, ...table.layout.body];
  const width = table.layout.columnWidths.length;
  const grid: ({ key: string; origin: boolean } | undefined)[][] = rows.map(() => Array(width).fill(undefined));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          if (grid[r + dr]![c + dc]) throw new Error(`${table.id}: overlapping cells at ${r + dr},${c + dc}`);
          grid[r + dr]![c + dc] = { key: gridKey(cell), origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid.map((row, r) =>
    row.map((x, c) => {
      if (!x) throw new Error(`${table.id}: hole at ${r},${c}`);
      return x;
    }),
  );
}

/** The text a grid position should print, given the document. */
export function expectedText(key: string, text: (id: CellId) => string): string {
  return isCellId(key) ? text(key) : key;
}

export type XmlNode = ReturnType<typeof parseDocument>;
export const parseXml = (xml: string): XmlNode => parseDocument(xml, { xmlMode: true });
export const byTag = (tag: string, node: Parameters<typeof DomUtils.getElementsByTagName>[1]) => DomUtils.getElementsByTagName(tag, node, true);
export const textOf = (node: Parameters<typeof DomUtils.textContent>[0]) => DomUtils.textContent(node);
