// The five seed texts import to their hand-transcribed documents (seeds/*.json), cell for cell.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, parseDocumentJson } from '../../src/core/index.ts';
import { importFile, repoRoot } from './support.ts';

const seedDir = path.resolve(repoRoot, 'seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));

describe('seed texts', () => {
  it('finds all five seeds', () => expect(seeds).toHaveLength(5));

  it.each(seeds)('%s imports to its seed document', async (name) => {
    const parsed = parseDocumentJson(readFileSync(path.join(seedDir, name.replace(/\.txt$/, '.json')), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const seed = parsed.document;
    const { document, problems, yearFound } = await importFile(path.join(seedDir, name));
    expect(Object.fromEntries(CELL_IDS.map((id) => [id, document.cells[id]]))).toEqual(Object.fromEntries(CELL_IDS.map((id) => [id, seed.cells[id]])));
    expect(document.agency.name).toBe(seed.agency.name);
    expect(document.year).toBe(seed.year);
    expect(yearFound).toBe(true);
    expect(problems).toEqual([]);
    // Prose lands in the right sections: the seed's first sentence of 五 and 六 appear in ours.
    for (const key of ['problems', 'other'] as const) {
      const first = seed.prose[key].replace(/\s+/g, '').split(/[。\n]/)[0]!;
      expect(document.prose[key].replace(/\s+/g, '')).toContain(first);
    }
  });
});
