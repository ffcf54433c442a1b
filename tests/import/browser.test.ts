// The importer as the app runs it: a Vite build of src/import served over HTTP, driven in Chromium.
// PDFs go through pdfjs's real Web Worker (the app sets workerSrc via configurePdf); DOCX and
// HTML through the same code as in Node.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, serveFolder, withBrowser } from '../support/browser-harness.ts';
import { expectedCells, published, readExpected } from './support.ts';

const ENTRY = new URL('../../src/import/index.ts', import.meta.url).pathname;
const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.min.mjs');

describe('importer in the browser', () => {
  const chromium = withBrowser();
  let server: { origin: string; close(): void };
  let page: Page;

  beforeAll(async () => {
    const dist = await buildPage(`import { configurePdf, importReportFile } from ${JSON.stringify(ENTRY)};
import workerSrc from ${JSON.stringify(`${WORKER}?url`)};
configurePdf({ workerSrc });
(globalThis as any).nianbaoImport = importReportFile;
`);
    server = await serveFolder(dist);
    page = await chromium.browser.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'nianbaoImport' in globalThis);
  }, 180_000);

  afterAll(() => {
    server?.close();
  });

  it('reads a published PDF with the pdfjs worker, cell for cell', async () => {
    const bytes = Array.from(readFileSync(published('huaian-2024.pdf')));
    const result = await page.evaluate(async (b) => {
      const r = await (globalThis as any).nianbaoImport('huaian-2024.pdf', new Uint8Array(b));
      return {
        cells: r.document.cells,
        problems: r.problems,
        workers: performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => n.includes('worker')),
      };
    }, bytes);
    expect(result.cells).toEqual(expectedCells(readExpected('huaian-2024.json')));
    expect(result.problems).toEqual([]);
    expect(result.workers).toHaveLength(1);
  });

  it('reports an unusable file as a Chinese ImportError message', async () => {
    const message = await page.evaluate(async () => {
      try {
        await (globalThis as any).nianbaoImport('x.docx', new Uint8Array([1, 2, 3, 4]));
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(message).toMatch(/Word 文档/);
  });
});
