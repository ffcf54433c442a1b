// Helpers for the importer tests: expected cells written by hand, files from the shared fixtures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GOV_2021, getTable } from '../../src/core/index.ts';
import { type ImportResult, importReportFile } from '../../src/import/index.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const published = (name: string) => path.resolve(repoRoot, '../shared/fixtures/published', name);

export async function importFile(file: string): Promise<ImportResult> {
  return importReportFile(file, new Uint8Array(readFileSync(file)));
}

/** An expected/*.json file: row → values in the template's column order, expanded to all 200 cell ids. */
export interface Expected {
  agency: string;
  year: number;
  t2: Record<string, (number | null)[]>;
  t3: Record<string, (number | null)[]>;
  t4: Record<string, (number | null)[]>;
}

export function expectedCells(e: Expected): Record<string, number | null> {
  const cells: Record<string, number | null> = {};
  for (const id of ['t2', 't3', 't4'] as const) {
    const table = getTable(GOV_2021, id);
    for (const row of table.rows) {
      const values = e[id][row.id];
      if (!values || values.length !== row.columns.length) throw new Error(`expected ${id}.${row.id}: need ${row.columns.length} values`);
      row.columns.forEach((col, i) => (cells[`${id}.${row.id}.${col}`] = values[i]!));
    }
  }
  return cells;
}

export function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'expected', name), 'utf8')) as Expected;
}
