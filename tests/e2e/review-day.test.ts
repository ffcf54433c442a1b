// The reviewer's screens and table 三 on a small screen, in Debian's Chromium against the production
// build: at 1366×768 with 125 % scaling (1093×614 CSS px) table 三 fits with its header rows on top,
// and narrower it scrolls sideways keeping its row labels and header rows in view; a cell comment is answered from the cell bar without pushing the
// grid down, and the reviewer answers back in the same thread; a row with an invalid cell does not
// ask to fill its total; switching steps starts at the step's heading.
// Screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupAdmin } from '../server/support/client.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { cell, openStep, E2E_PASSWORD as PASSWORD, saved, withE2E } from '../support/e2e.ts';

const e2e = withE2E();
let clerk: Page;
let reviewer: Page;
let reportId = '';

async function signedIn(username: string): Promise<Page> {
  const page = await e2e.newPage({ width: 1366, height: 768 });
  await e2e.signIn(page, username);
  return page;
}

beforeAll(async () => {
  const admin = await setupAdmin(e2e.base);
  const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
  const agency = (await admin.post('/api/agencies', { name: '某某市交通运输局', kind: 'department', parentId: gov })).body.agency.id as string;
  await admin.post('/api/users', { username: 'clerk', displayName: '张填报', password: PASSWORD, role: 'clerk', agencyId: agency });
  await admin.post('/api/users', { username: 'reviewer', displayName: '李审核', password: PASSWORD, role: 'reviewer', agencyId: gov });
  [clerk, reviewer] = await Promise.all([signedIn('clerk'), signedIn('reviewer')]);
});

const shot = (page: Page, name: string) => e2e.shot(page, name);

/** Scrolls the window so the grid's box ends at its bottom (as a clerk scrolls down to it), then the grid itself. */
function scrollGrid(left: number, top: number) {
  return clerk.locator('.grid-wrap').evaluate(
    (el, to) => {
      window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight);
      el.scrollTo(to.left, to.top);
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.left + el.clientWidth, top: r.top, bottom: r.bottom, scrollsSideways: el.scrollWidth > el.clientWidth };
    },
    { left, top },
  );
}

/** What a click at the centre of an element would hit, named by its cell id or its text. */
function hitAt(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || (hit && el.contains(hit)) ? 'itself' : (hit?.getAttribute('data-cell') ?? hit?.textContent ?? null);
  });
}

describe("the reviewer's day and table 三 on a small screen", () => {
  it('table 三 at 125 % scaling (1093×614) fits its box: 其他 and 总计 in view, the header rows on top', async () => {
    await clerk.getByRole('button', { name: '创建并开始填写' }).click();
    await clerk.getByRole('heading', { level: 2, name: '封面与前言' }).waitFor();
    reportId = /#\/report\/([^/]+)/.exec(clerk.url())![1]!;
    await openStep(clerk, /^三、/);
    await clerk.getByRole('button', { name: /本节无数据/ }).click();
    await clerk
      .getByRole('alertdialog', { name: '本节无数据' })
      .getByRole('button', { name: /填入 0/ })
      .click();
    await clerk.setViewportSize({ width: 1093, height: 614 });
    const grid = await scrollGrid(0, 300);
    expect(grid.scrollsSideways).toBe(false);
    expect(grid.bottom).toBeLessThanOrEqual(614);
    expect(await clerk.locator('.grid-wrap thead').evaluate((el) => el.getBoundingClientRect().top)).toBe(grid.top);
    for (const header of ['其他', '总计']) {
      const box = (await clerk.locator('.grid-wrap thead th', { hasText: new RegExp(`^${header}$`) }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(grid.right + 1);
    }
    await cell(clerk, 't3.withheld.enforcementFile.total').click();
    await shot(clerk, '50-table3-125-fits');
  });

  it('narrower still (150 %, 911×512) it scrolls sideways with its row labels and header rows in view', async () => {
    await clerk.setViewportSize({ width: 911, height: 512 });
    const grid = await scrollGrid(Number.MAX_SAFE_INTEGER, 420);
    expect(grid.scrollsSideways).toBe(true);
    expect(grid.bottom).toBeLessThanOrEqual(512);
    expect(await clerk.locator('.grid-wrap thead').evaluate((el) => el.getBoundingClientRect().top)).toBe(grid.top);
    // Each row label stays where it stands unscrolled (（七）总计 starts at the second label column).
    const label = clerk.locator('.grid-wrap th.row-label', { hasText: '（七）总计' });
    await label.scrollIntoViewIfNeeded();
    const labelBox = (await label.boundingBox())!;
    expect(labelBox.x).toBeGreaterThanOrEqual(grid.left + 30);
    expect(labelBox.x).toBeLessThan(grid.left + 40);
    expect(await hitAt(clerk, '.grid-wrap th.row-label:has-text("（七）总计")')).toBe('itself');
    // The last columns are reachable and nothing covers them.
    for (const id of ['t3.total.otherOrg', 't3.total.total']) expect(await hitAt(clerk, `[data-cell="${id}"]`)).toBe('itself');
    await shot(clerk, '51-table3-150-sticky-labels');
    await clerk.setViewportSize({ width: 1366, height: 768 });
    await clerk.locator('.grid-wrap').evaluate((el) => el.scrollTo(0, 0));
  });

  it('a row with an invalid cell does not ask to fill its computed total', async () => {
    await cell(clerk, 't3.granted.business').fill('1.5');
    const findings = clerk.getByRole('region', { name: /本节校验/ });
    await findings.getByText(/件数应为整数，不能有小数/).waitFor();
    expect(await findings.textContent()).not.toContain('个空格');
    await cell(clerk, 't3.granted.business').fill('0');
    await saved(clerk);
  });

  it('the reviewer comments on a cell; the navigator counts it under 三', async () => {
    await reviewer.goto(`${e2e.url}#/report/${reportId}/requests`);
    await reviewer.getByRole('heading', { level: 2, name: /^三、/ }).waitFor();
    await cell(reviewer, 't3.granted.natural').click();
    await reviewer.getByLabel(/提出意见/).fill('予以公开数与台账不符，台账为 4 件，请核对。');
    await reviewer.getByRole('button', { name: '发表意见' }).click();
    await reviewer.locator('[data-cell="t3.granted.natural"].commented').waitFor();
    const nav = reviewer.getByRole('navigation', { name: '报告章节' });
    expect(await nav.getByRole('link', { name: /^三、/ }).textContent()).toContain('1 条审核意见');
  });

  it('the clerk answers from the cell bar; the thread floats, so the grid stays where it was', async () => {
    await clerk.reload();
    await clerk.locator('[data-cell="t3.granted.natural"].commented').waitFor();
    await cell(clerk, 't3.granted.natural').click();
    const bar = clerk.locator('.cell-bar');
    await bar.getByText('审核意见（李审核）：予以公开数与台账不符').waitFor();
    const before = (await cell(clerk, 't3.granted.natural').boundingBox())!.y;
    await bar.getByRole('button', { name: '回复' }).click();
    const thread = bar.getByRole('group', { name: /的审核意见及回复$/ });
    await thread.getByRole('textbox').fill('台账另有 1 件为部分公开，已按台账改为 4 件。');
    expect((await cell(clerk, 't3.granted.natural').boundingBox())!.y).toBe(before);
    await thread.getByRole('button', { name: '发送回复' }).click();
    const answered = bar.getByRole('button', { name: '1 条回复 · 回复' });
    await answered.waitFor();
    // The comments list above the step has grown by the reply; opening the thread moves nothing more.
    const after = (await cell(clerk, 't3.granted.natural').boundingBox())!.y;
    await answered.click();
    await thread.getByText('台账另有 1 件为部分公开，已按台账改为 4 件。').waitFor();
    expect((await cell(clerk, 't3.granted.natural').boundingBox())!.y).toBe(after);
    expect(await seriousA11yViolations(clerk)).toEqual([]);
    await shot(clerk, '52-comment-reply-cell-bar');
    await thread.getByRole('button', { name: '取消' }).click();
  });

  it('the reviewer sees the answer under the comment and answers back; resolving keeps the thread', async () => {
    await reviewer.reload();
    const item = reviewer.locator('.comments-panel .review-comment').first();
    await item.getByText('台账另有 1 件为部分公开，已按台账改为 4 件。').waitFor();
    await item.getByRole('button', { name: /^回复：/ }).click();
    await item.getByRole('textbox').fill('好，请同时核对部分公开一行。');
    await item.getByRole('button', { name: '发送回复' }).click();
    await item.locator('.comment-replies li').nth(1).waitFor();
    expect((await item.locator('.comment-replies li').allTextContents()).map((t) => t.replace(/ · \d\d\/\d\d \d\d:\d\d/, ''))).toEqual([
      '张填报台账另有 1 件为部分公开，已按台账改为 4 件。',
      '李审核好，请同时核对部分公开一行。',
    ]);
    expect(await seriousA11yViolations(reviewer)).toEqual([]);
    await reviewer.evaluate(() => window.scrollTo(0, 0));
    await shot(reviewer, '53-comment-thread-reviewer');
    await item.getByRole('button', { name: /^标记为已处理：/ }).click();
    await reviewer.getByText('审核意见（均已处理）').waitFor();
    expect(await reviewer.locator('.comments-panel .review-comment.resolved .comment-replies li').count()).toBe(2);
  });

  it('switching steps starts at the new step’s heading', async () => {
    await clerk.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await openStep(clerk, /^四、/);
    const top = await clerk.getByRole('heading', { level: 2, name: /^四、/ }).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });
});
