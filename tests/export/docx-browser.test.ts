// The app offers the DOCX as a download, so renderDocx must run in a real browser: bundle it for the
// browser with Vite (no Node built-ins), run it in Chromium, and compare with the Node output.
import { strFromU8, unzipSync } from 'fflate';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx/index.ts';
import { withBrowser } from '../support/browser-harness.ts';
import { distinctDocument, seedDocuments } from './docx-grid.ts';

const doc = distinctDocument(seedDocuments()[0]?.doc);

describe('DOCX export in the browser', () => {
  const chromium = withBrowser();
  let bundle = '';
  beforeAll(async () => {
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: new URL('../../src/export/docx/index.ts', import.meta.url).pathname, formats: ['iife'], name: 'NianbaoDocx' },
      },
    })) as Rollup.RollupOutput[];
    bundle = out[0]!.output[0].code;
  });

  it('produces the same document as Node', async () => {
    const page = await chromium.browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const bytes = await page.evaluate(async (d) => {
      const api = (globalThis as unknown as { NianbaoDocx: { renderDocx: typeof renderDocx } }).NianbaoDocx;
      return Array.from(await api.renderDocx(d));
    }, doc);
    const inBrowser = unzipSync(new Uint8Array(bytes));
    const inNode = unzipSync(await renderDocx(doc));
    for (const part of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/settings.xml']) {
      expect(strFromU8(inBrowser[part]!)).toBe(strFromU8(inNode[part]!));
    }
  });
});
