// The clerk's day on the common office screen (1366×768) in Debian's Chromium against the
// production build: a finding's message never covers a cell, clicking a finding focuses the cell
// it most likely concerns, table 三 fits its box at 125 % scaling, a block copied from
// Excel with its header lands by label and Ctrl+Z undoes it, the focused cell keeps a visible
// ring, the cover's year is fixed and its missing parts are named, and the history shows editing
// sessions.
// Screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupAdmin } from '../server/support/client.ts';
import { cell as cellOf, E2E_PASSWORD, openStep as openStepOf, withE2E } from '../support/e2e.ts';
import { EXCEL_T3 } from '../support/excel.ts';

const e2e = withE2E();
let page: Page;

beforeAll(async () => {
  const admin = await setupAdmin(e2e.base);
  const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
  const agency = (await admin.post('/api/agencies', { name: '某某市交通运输局', kind: 'department', parentId: gov })).body.agency.id as string;
  await admin.post('/api/users', { username: 'clerk', displayName: '张填报', password: E2E_PASSWORD, role: 'clerk', agencyId: agency });
  page = await e2e.newPage({ width: 1366, height: 768 });
});

const cell = (id: string) => cellOf(page, id);
const shot = (name: string) => e2e.shot(page, name);
const openStep = (name: RegExp) => openStepOf(page, name);

/** The element a click at the centre of a cell would hit. */
const hitAt = (id: string) =>
  cell(id).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.getAttribute('data-cell') ?? null;
  });

describe("the clerk's day at 1366×768", () => {
  it('creates a report and breaks table 三: messages sit in the cell bar, never over the cells', async () => {
    await e2e.signIn(page, 'clerk');
    await page.getByRole('button', { name: '创建并开始填写' }).click();
    await page.getByRole('heading', { level: 2, name: '封面与前言' }).waitFor();
    await openStep(/^三、/);
    await cell('t3.new.natural').fill('5');
    await cell('t3.granted.natural').fill('5');
    // The rest of the table is 0 (a half-filled table is 未填完, not judged).
    await page.getByRole('button', { name: /本节无数据/ }).click();
    await page
      .getByRole('alertdialog', { name: '本节无数据' })
      .getByRole('button', { name: /填入 0/ })
      .click();
    // Balanced; then one slip in 予以公开.
    await cell('t3.granted.natural').fill('4');
    const item = page.getByRole('region', { name: /本节校验/ }).getByRole('button', { name: /三、自然人列/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('只改动了 三、（一）予以公开·自然人');
    await item.click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('t3.granted.natural');
    await page.locator('.cell-bar', { hasText: '（一）予以公开·自然人' }).waitFor();
    expect(await page.locator('.cell-bar').textContent()).toContain('两者应相等');
    // The cells below the focused one are not covered by anything.
    for (const id of ['t3.partlyGranted.natural', 't3.withheld.stateSecret.natural', 't3.granted.business']) expect(await hitAt(id)).toBe(id);
    await cell('t3.granted.natural').hover();
    expect(await hitAt('t3.partlyGranted.natural')).toBe('t3.partlyGranted.natural');
    await shot('36-balance-in-cell-bar');
  });

  it('pastes a block copied with its header and labels by label, and Ctrl+Z undoes it', async () => {
    await cell('t3.granted.business').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, EXCEL_T3);
    await page.getByText(/^已按行标签粘贴 30 格/).waitFor();
    expect(await cell('t3.carriedIn.natural').inputValue()).toBe('1');
    expect(await cell('t3.withheld.stateSecret.natural').inputValue()).toBe('1');
    await shot('37-paste-by-label');
    await page.keyboard.press('Control+z');
    await page.getByText('已撤销').waitFor();
    // Back to what the cells held before the paste (0 since the zero-fill).
    expect(await cell('t3.carriedIn.natural').inputValue()).toBe('0');
    expect(await cell('t3.granted.natural').inputValue()).toBe('4');
    // A key and Ctrl+Z at once, before typing pauses: the cell shows what it held again.
    await cell('t3.granted.natural').press('End');
    await page.keyboard.press('7');
    await page.keyboard.press('Control+z');
    await page.getByText('已撤销').waitFor();
    expect(await cell('t3.granted.natural').inputValue()).toBe('4');
  });

  it('at 125 % scaling table 三 sits in its own box: all of it in view below the bars, the header rows stay', async () => {
    await page.setViewportSize({ width: 1093, height: 614 });
    const box = await page.locator('.grid-wrap').evaluate((el) => {
      // Scrolled so the grid's box ends at the window's bottom, as a clerk scrolls down to it.
      window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight);
      el.scrollTop = 300;
      const r = el.getBoundingClientRect();
      const bars = document.querySelector('.cell-bar')!.getBoundingClientRect().bottom;
      const head = el.querySelector('thead')!.getBoundingClientRect();
      return { top: r.top, bars, bottom: r.bottom, scrolls: el.scrollWidth > el.clientWidth, headTop: head.top - r.top };
    });
    // The whole box is in the window below the sticky bars, and the table fits it (narrower, it
    // scrolls sideways with its row labels in view: review-day.test.ts).
    expect(box.scrolls).toBe(false);
    // The window scrolls by whole pixels: the box may end a fraction of one below.
    expect(box.bottom).toBeLessThan(615);
    expect(box.top).toBeGreaterThanOrEqual(box.bars);
    expect(box.headTop).toBe(0);
    await shot('38-table3-small-screen');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it("each table row is a form of its own (autofill reads only the typed input's form), and Enter in a row of one input reloads nothing", async () => {
    await openStep(/^三、/);
    const forms = await page.locator('.grid-wrap .cell-input').evaluateAll((inputs) =>
      inputs.map((el) => {
        const form = (el as HTMLInputElement).form;
        return { size: form?.elements.length ?? 0, sameRow: !!form && [...form.elements].every((f) => f.closest('tr') === el.closest('tr')) };
      }),
    );
    expect(forms).toHaveLength(175);
    expect(forms.filter((f) => f.size < 1 || f.size > 7 || !f.sameRow)).toEqual([]);
    // 行政事业性收费 is the last cell of table 二 and alone in its row: Enter there would submit its form.
    await openStep(/^二、/);
    // Whether each submit was cancelled, read once every handler has seen it.
    await page.evaluate(() => {
      const submits: boolean[] = [];
      document.addEventListener('submit', (e) => setTimeout(() => submits.push(e.defaultPrevented)), true);
      Object.assign(window, { submits });
    });
    await cell('t2.fees.amount').fill('1.5');
    await cell('t2.fees.amount').press('Enter');
    await page.waitForFunction(() => (window as unknown as { submits: boolean[] }).submits.length > 0);
    expect(await page.evaluate(() => (window as unknown as { submits: boolean[] }).submits)).toEqual([true]);
    expect(await cell('t2.fees.amount').inputValue()).toBe('1.5');
  });

  it('the focused cell is ringed by an inset shadow, not an outline (an outline layered the rows below), red for an error, an outline in forced colours', async () => {
    await openStep(/^三、/);
    const ring = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          (el as HTMLInputElement).focus();
          const probe = document.body.appendChild(document.createElement('span'));
          const colour = (v: string) => {
            probe.style.color = `var(${v})`;
            return getComputedStyle(probe).color;
          };
          const style = getComputedStyle(el);
          const seen = { shadow: style.boxShadow, outline: style.outlineStyle, action: colour('--action'), error: colour('--error') };
          probe.remove();
          return seen;
        });
    const plain = await ring('.grid-wrap .cell-input:not(.error):not(.warning):not(.computed)');
    expect(plain.outline).toBe('none');
    expect(plain.shadow).toContain(plain.action);
    const error = await ring('.grid-wrap .cell-input.error:not(.computed)');
    expect(error.shadow).toContain(error.error);
    expect(error.shadow).not.toContain(error.action);
    await page.emulateMedia({ forcedColors: 'active' });
    expect((await ring('.grid-wrap .cell-input:not(.error):not(.computed)')).outline).toBe('solid');
    await page.emulateMedia({ forcedColors: 'none' });
  });

  it("Enter moves to the next cell at once; the cell bar follows after the move's frame, not inside its key press", async () => {
    await openStep(/^三、/);
    const seen = await cell('t3.new.natural').evaluate(async (el) => {
      const label = () => document.querySelector('.cell-bar-label')?.textContent ?? '';
      (el as HTMLInputElement).focus();
      while (!label().endsWith('本年新收·自然人')) await new Promise((r) => setTimeout(r, 10));
      const before = label();
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      // A key press's own updates are drawn by the end of its microtasks; the bar must not be among them.
      await Promise.resolve();
      const inKeyPress = { focused: (document.activeElement as HTMLElement).dataset.cell, label: label() };
      while (label() === before) await new Promise((r) => setTimeout(r, 10));
      return { before, inKeyPress, after: label() };
    });
    expect(seen.inKeyPress.focused).toBe('t3.carriedIn.natural');
    expect(seen.inKeyPress.label).toBe(seen.before);
    expect(seen.before).toContain('本年新收·自然人');
    expect(seen.after).toContain('上年结转·自然人');
  });

  it('the cover shows the year fixed and names what is missing; submitting asks first, listing the warnings', async () => {
    await openStep(/^封面与前言/);
    expect(await page.getByLabel('报告年度').evaluate((el) => (el as HTMLInputElement).readOnly)).toBe(true);
    await page
      .getByRole('region', { name: /本节校验/ })
      .getByText('成文日期未填写')
      .waitFor();
    await shot('39-cover-rules');
    await page.locator('.workflow-bar').getByRole('button', { name: '提交审核', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: '提交审核' });
    await dialog.getByText(/个空格/).waitFor();
    await shot('40-submit-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('the history lists editing sessions, counting only typed cells', async () => {
    await page.getByRole('link', { name: '历史版本' }).click();
    const rows = page.getByRole('table', { name: '版本' }).getByRole('row');
    await rows.filter({ hasText: '创建' }).waitFor();
    // Every autosave of this sitting is one entry: header, the session, the creation.
    expect(await rows.count()).toBe(3);
    await shot('41-history-sessions');
  });
});
