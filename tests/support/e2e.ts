// The end-to-end tests' harness: the app as users get it (tests/e2e/app-server.ts) on a fresh database,
// Debian's Chromium showing Chinese in the Noto fonts (for screenshots a person can read), a scratch
// folder, and the steps every test takes in the app. `withE2E()` registers the file's beforeAll and
// afterAll; the file's own hooks (accounts, reports, pages) run after the harness's.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ServedApp, serveApp, useNotoFontsForChromium } from '../e2e/app-server.ts';
import { launchBrowser } from './browser.ts';

export const E2E_PASSWORD = 'e2e-password-1';

export interface E2E {
  /** The served app (after beforeAll); `url` ends with "/". */
  readonly app: ServedApp;
  readonly url: string;
  /** The same without the trailing "/", for API clients. */
  readonly base: string;
  readonly browser: Browser;
  /** The file's own temporary folder, removed after its tests. */
  readonly scratch: string;
  /** Where screenshots go: docs/screenshots/ with UPDATE_SCREENSHOTS=1, else the scratch folder. */
  readonly shots: string;
  /** A page in a fresh context: zh-CN in Beijing time, downloads kept, native dialogs accepted. */
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  /** Signs in on the start page and waits for the signed-in header. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** A screenshot once the web fonts are in; `top` scrolls to the top first (where sticky bars belong). */
  shot(page: Page, name: string, options?: { fullPage?: boolean; top?: boolean }): Promise<void>;
}

export function withE2E(): E2E {
  const root = resolve(import.meta.dirname, '../..');
  const scratch = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const shots = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs/screenshots') : join(scratch, 'shots');
  let app: ServedApp | undefined;
  let browser: Browser | undefined;
  let restoreFonts: (() => void) | undefined;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    restoreFonts = useNotoFontsForChromium();
    [app, browser] = await Promise.all([serveApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    restoreFonts?.();
    rmSync(scratch, { recursive: true, force: true });
  });

  const e2e: E2E = {
    get app() {
      return app!;
    },
    get url() {
      return app!.url;
    },
    get base() {
      return app!.url.replace(/\/$/, '');
    },
    get browser() {
      return browser!;
    },
    scratch,
    shots,
    async newPage(viewport) {
      const context = await browser!.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.accept());
      return page;
    },
    async signIn(page, username, password = E2E_PASSWORD) {
      await page.goto(app!.url);
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('button', { name: '退出登录' }).waitFor();
    },
    async shot(page, name, { fullPage = false, top = false } = {}) {
      await page.evaluate(async (toTop) => {
        await document.fonts.ready;
        if (toTop) window.scrollTo(0, 0);
      }, top);
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
    },
  };
  return e2e;
}

/** The input of a table cell. */
export const cell = (page: Page, id: string) => page.locator(`[data-cell="${id}"]`);

/** Opens a step of the editor from the section navigator. */
export async function openStep(page: Page, name: RegExp) {
  await page.getByRole('navigation', { name: '报告章节' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

/** Waits until the editor says everything typed is saved. */
export const saved = (page: Page) => page.locator('[data-save-state="saved"]').waitFor();
