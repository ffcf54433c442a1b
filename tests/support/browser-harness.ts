// Chromium for the tests that run our code in a browser page: the browser for a file, and a page Vite
// builds around the code under test, served over HTTP as the app would be.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';

/** Chromium for the test file (or describe block): launched before its tests, closed after them. */
export function withBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return browser!;
    },
  };
}

/**
 * A page Vite builds around `main` (a module that puts the API under test on globalThis), as the
 * app's build bundles that code for the browser; returns the folder of the built page.
 */
export async function buildPage(main: string, configFile: string | false = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-page-'));
  await writeFile(join(dir, 'main.ts'), main);
  await writeFile(join(dir, 'index.html'), '<!DOCTYPE html><html><body><script type="module" src="./main.ts"></script></body></html>');
  await build({ root: dir, configFile, logLevel: 'silent', build: { outDir: join(dir, 'dist'), minify: false, sourcemap: false } });
  return join(dir, 'dist');
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.ttf': 'font/ttf' };

/** Serves a folder over HTTP on a free loopback port; `onRequest` sees the path of each request. */
export async function serveFolder(dir: string, onRequest?: (path: string) => void): Promise<{ origin: string; close(): void }> {
  const server = createServer(async (req, res) => {
    const path = req.url === '/' ? '/index.html' : req.url!.split('?')[0]!;
    onRequest?.(path);
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}
