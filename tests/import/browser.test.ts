// The importer as the app runs it: a Vite build of src/import served over HTTP, driven in Chromium.
// PDFs go through pdfjs's real Web Worker (the app sets workerSrc via configurePdf); DOCX and
// HTML through the same code as in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { expectedCells, published, readExpected } from './support.ts';

const ENTRY = new URL('../../src/import/index.ts', import.meta.url).pathname;
const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.min.mjs');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' };

describe('importer in the browser', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-import-app-'));
    await writeFile(
      join(dir, 'main.ts'),
      `import { configurePdf, importReportFile } from ${JSON.stringify(ENTRY)};
import workerSrc from ${JSON.stringify(`${WORKER}?url`)};
configurePdf({ workerSrc });
(globalThis as any).nianbaoImport = importReportFile;
`,
    );
    await writeFile(join(dir, 'index.html'), '<!DOCTYPE html><html><body><script type="module" src="./main.ts"></script></body></html>');
    await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: join(dir, 'dist'), minify: false } });
    server = createServer(async (req, res) => {
      const path = req.url === '/' ? '/index.html' : req.url!.split('?')[0]!;
      try {
        const body = await readFile(join(dir, 'dist', path));
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    await page.waitForFunction(() => 'nianbaoImport' in globalThis);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('reads a published PDF with the pdfjs worker, cell for cell', async () => {
    const bytes = Array.from(readFileSync(published('huaian-2024.pdf')));
    const result = await page.evaluate(async (b) => {
      const r = await (globalThis as any).nianbaoImport('huaian-2024.pdf', new Uint8Array(b));
      return { cells: r.document.cells, problems: r.problems, workers: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('worker')) };
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
