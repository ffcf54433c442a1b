// The HTML export as a phone and a printer show it, in real Chromium: on a 375 px screen no table
// label overflows its cell and the stacked label reads across; printed, no 第二十条 caption or
// heading ends a page.

import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/html/index.ts';
import { withBrowser } from '../support/browser-harness.ts';
import { seedDocuments } from './docx-grid.ts';
import { tool, writeTemp } from './pdf-support.ts';

const seed = seedDocuments().find((s) => s.name === '2022-zhongwei-spfw')!;

describe('HTML export in Chromium', () => {
  const chromium = withBrowser();

  it('on a 375 px phone: the stacked label reads across and no label overflows its cell', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.setContent(renderHtml(seed.doc));
    const stack = page.locator('th.stack');
    expect(await stack.evaluate((th) => getComputedStyle(th).writingMode)).toBe('horizontal-tb');
    const overflowing = await page.$$eval('.nianbao-report th, .nianbao-report td', (cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map((c) => c.textContent),
    );
    expect(overflowing).toEqual([]);
    // The page itself does not scroll sideways: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('printed: no 第二十条 caption and no heading is the last line of a page', async () => {
    const page = await chromium.browser.newPage();
    await page.setContent(renderHtml(seed.doc));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    const path = await writeTemp('html-print.pdf', pdf);
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(3);
    const headings = [...renderHtml(seed.doc).matchAll(/<(?:h2|h3)[^>]*>([^<]*)<|scope="rowgroup"[^>]*>([^<]*)</g)].map((m) => (m[1] ?? m[2])!.replace(/\s+/g, ''));
    for (let n = 1; n <= pages; n++) {
      const raw = await tool('pdftotext', ['-raw', '-f', String(n), '-l', String(n), path, '-']);
      const lines = raw.stdout
        .split('\n')
        .map((l) => l.replace(/\s+/g, ''))
        .filter((l) => l && !/^—\d+—$/.test(l));
      expect(headings.includes(lines.at(-1)!), `page ${n} ends with ${lines.at(-1)}`).toBe(false);
    }
  });
});
