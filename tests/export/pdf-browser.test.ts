// The app's PDF export as the browser runs it: a Vite build of exportPdfInWorker served over HTTP,
// driven in Chromium. The fonts are separate assets fetched only when exporting, then cached; the
// worker reports progress and can be cancelled; the PDF it makes passes the same poppler checks.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, serveFolder, withBrowser } from '../support/browser-harness.ts';
import { parsePdffonts, sampleDocument, tool, writeTemp } from './pdf-support.ts';

const ENTRY = new URL('../../src/export/pdf/browser.ts', import.meta.url).pathname;
const CONFIG = new URL('../../vite.config.ts', import.meta.url).pathname;

describe('PDF export in a Web Worker', () => {
  const chromium = withBrowser();
  let server: { origin: string; close(): void };
  let origin = '';
  let fontRequests: string[] = [];
  let page: Page;
  let distDir = '';

  beforeAll(async () => {
    // The project's Vite config (its worker plugins make the font subsets), building a page that exposes the API.
    distDir = await buildPage(`import * as api from ${JSON.stringify(ENTRY)};\n(globalThis as any).nianbaoPdf = api;\n`, CONFIG);
    server = await serveFolder(distDir, (path) => {
      if (path.endsWith('.ttf')) fontRequests.push(path);
    });
    origin = server.origin;
    page = await (await chromium.browser.newContext()).newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'nianbaoPdf' in globalThis);
  }, 180_000);

  afterAll(() => {
    server?.close();
  });

  it('loads no font before the user exports', () => {
    expect(fontRequests).toEqual([]);
  });

  it('exports with progress, and the PDF embeds subset fonts and extracts', async () => {
    const result = await page.evaluate(async (doc) => {
      const stages = new Set<string>();
      const api = (globalThis as any).nianbaoPdf;
      const pdf: Uint8Array = await api.exportPdfInWorker(doc, { onProgress: (p: { stage: string }) => stages.add(p.stage) });
      return { bytes: Array.from(pdf), stages: [...stages] };
    }, sampleDocument());
    expect(result.stages).toEqual(['fonts', 'layout']);
    // Only the three GB2312-sized subsets, each a fraction of the 10–15 MB full face.
    expect(fontRequests).toHaveLength(4);
    for (const f of fontRequests) expect(f).toMatch(/gb2312.*\.ttf$/);
    expect(Math.max(...(await Promise.all(fontRequests.map(async (f) => (await readFile(join(distDir, f))).length))))).toBeLessThan(4_000_000);
    const path = await writeTemp('browser.pdf', new Uint8Array(result.bytes));
    const fonts = await tool('pdffonts', [path]);
    expect(fonts.stderr).toBe('');
    for (const row of parsePdffonts(fonts.stdout)) expect(row).toMatchObject({ emb: 'yes', sub: 'yes' });
    const text = await tool('pdftotext', ['-raw', path, '-']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('洪泽区人民政府');
  });

  it('reads the fonts from the cache on the next visit', async () => {
    const fresh = await page.context().newPage(); // same profile, new page load
    await fresh.goto(`${origin}/`);
    await fresh.waitForFunction(() => 'nianbaoPdf' in globalThis);
    fontRequests = [];
    await fresh.evaluate(async (doc) => (await (globalThis as any).nianbaoPdf.exportPdfInWorker(doc)).length, sampleDocument());
    expect(fontRequests).toEqual([]);
    await fresh.close();
  });

  it('fetches the full serif face only for a character beyond the subsets', async () => {
    fontRequests = [];
    const doc = { ...sampleDocument(), agency: { ...sampleDocument().agency, name: '张堃镇人民政府' } };
    const bytes: number[] = await page.evaluate(async (d) => Array.from((await (globalThis as any).nianbaoPdf.exportPdfInWorker(d)) as Uint8Array), doc);
    expect(fontRequests).toEqual([expect.stringMatching(/NotoSerifSC_300Light.*\.ttf$/)]);
    const path = await writeTemp('rare.pdf', new Uint8Array(bytes));
    const text = await tool('pdftotext', ['-raw', path, '-']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('张堃镇人民政府');
  });

  it('cancels: the promise rejects with the abort reason and the next export works', async () => {
    const outcome = await page.evaluate(async (doc) => {
      const api = (globalThis as any).nianbaoPdf;
      const controller = new AbortController();
      const running = api.exportPdfInWorker(doc, { signal: controller.signal });
      controller.abort(new DOMException('用户取消', 'AbortError'));
      const first = await running.then(
        () => 'finished',
        (e: DOMException) => e.name,
      );
      const second = (await api.exportPdfInWorker(doc)).length;
      return { first, second };
    }, sampleDocument());
    expect(outcome.first).toBe('AbortError');
    expect(outcome.second).toBeGreaterThan(10_000);
  });

  it('stores a user font in IndexedDB and refuses a file that is not a font', async () => {
    const result = await page.evaluate(async () => {
      const api = (globalThis as any).nianbaoPdf;
      const bad = await api.saveUserFont('body', new File(['not a font'], 'notes.txt')).then(
        () => 'stored',
        (e: Error) => e.message,
      );
      return { bad, list: await api.listUserFonts() };
    });
    expect(result.bad).toBe('notes.txt 不是 TrueType（.ttf）或 OpenType（.otf）字体文件');
    expect(result.list).toEqual([]);
  });
});
