// Visual regression: the pages of a fixed report, rendered by poppler at low resolution, must match
// the committed references within a small tolerance. After an intended change of the layout,
// regenerate them with UPDATE_PDF_REFERENCES=1 and look at the pages before committing.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nodeFontFiles } from '../../src/export/fonts/node.ts';
import { renderPdf } from '../../src/export/pdf/index.ts';
import { encodePgm, pageImages, parsePgm, sampleDocument, writeTemp } from './pdf-support.ts';

const DPI = 20;
const REF = new URL('./reference/', import.meta.url);
const UPDATE = process.env.UPDATE_PDF_REFERENCES === '1';

describe('PDF pages look as reviewed', () => {
  it('matches the reference page images', async () => {
    const path = await writeTemp('visual.pdf', await renderPdf(sampleDocument(), { fonts: await nodeFontFiles(), now: new Date('2024-01-31T00:00:00Z') }));
    const pages = await pageImages(path, DPI);
    if (UPDATE) {
      mkdirSync(REF, { recursive: true });
      pages.forEach((p, i) => writeFileSync(new URL(`sample-p${i + 1}.pgm.gz`, REF), gzipSync(encodePgm(p), { level: 9 })));
    }
    expect(existsSync(new URL(`sample-p${pages.length + 1}.pgm.gz`, REF)), 'the report gained or lost pages').toBe(false);
    for (const [i, page] of pages.entries()) {
      const ref = parsePgm(gunzipSync(readFileSync(new URL(`sample-p${i + 1}.pgm.gz`, REF))));
      expect([page.width, page.height]).toEqual([ref.width, ref.height]);
      let sum = 0;
      let far = 0;
      for (let k = 0; k < ref.pixels.length; k++) {
        const d = Math.abs(page.pixels[k]! - ref.pixels[k]!);
        sum += d;
        if (d > 64) far++;
      }
      // Anti-aliasing differences between poppler builds stay far below these; a moved line does not.
      expect(sum / ref.pixels.length, `page ${i + 1}: mean difference`).toBeLessThan(1.5);
      expect(far / ref.pixels.length, `page ${i + 1}: share of clearly different pixels`).toBeLessThan(0.004);
    }
  });
});
