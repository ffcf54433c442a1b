// The app's PDF export as the browser runs it: a Vite build of exportPdfInWorker served over HTTP,
// driven in Chromium. The fonts are separate assets fetched only when exporting, then cached; the
// worker reports progress and can be cancelled; the PDF it makes passes the same poppler checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { parsePdffonts, sampleDocument, tool, writeTemp } from './pdf-support.ts';

const ENTRY = new URL('../../src/export/pdf/browser.ts', import.meta.url).pathname;
const CONFIG = new URL('../../vite.config.ts', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.ttf': 'font/ttf' };

describe('PDF export in a Web Worker', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  let fontRequests: string[] = [];
  let page: Page;
  let distDir = '';

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-app-'));
    await writeFile(join(dir, 'main.ts'), `import * as api from ${JSON.stringify(ENTRY)};\n(globalThis as any).nianbaoPdf = api;\n`);
    await writeFile(join(dir, 'index.html'), '<!DOCTYPE html><html><body><script type="module" src="./main.ts"></script></body></html>');
    // The project's Vite config (its worker plugins make the font subsets), building a page that exposes the API.
    await build({ root: dir, configFile: CONFIG, logLevel: 'silent', build: { outDir: join(dir, 'dist'), minify: false, sourcemap: false } });
    distDir = join(dir, 'dist');
    server = createServer(async (req, res) => {
      const path = req.url === '/' ? '/index.html' : req.url!.split('?')[0]!;
      if (path.endsWith('.ttf')) fontRequests.push(path);
      try {
        const body = await readFile(join(dir, 'dist', path));
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': body.length });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'nianbaoPdf' in globalThis);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
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
      const first = await running.then(() => 'finished', (e: DOMException) => e.name);
      const second = (await api.exportPdfInWorker(doc)).length;
      return { first, second };
    }, sampleDocument());
    expect(outcome.first).toBe('AbortError');
    expect(outcome.second).toBeGreaterThan(10_000);
  });

  it('stores a user font in IndexedDB and refuses a file that is not a font', async () => {
    const result = await page.evaluate(async () => {
      const api = (globalThis as any).nianbaoPdf;
      const bad = await api.saveUserFont('body', new File(['not a font'], 'notes.txt')).then(() => 'stored', (e: Error) => e.message);
      return { bad, list: await api.listUserFonts() };
    });
    expect(result.bad).toBe('notes.txt 不是 TrueType（.ttf）或 OpenType（.otf）字体文件');
    expect(result.list).toEqual([]);
  });
});
