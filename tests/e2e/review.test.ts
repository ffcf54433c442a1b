// The review loop end to end in Debian's Chromium against the real server (fresh embedded
// database, production build): the administrator is created on /setup and creates an agency, a
// clerk and a reviewer on the admin screen; the clerk fills and submits a report; the reviewer
// sends it back with a comment on a cell; the clerk sees it on that cell, fixes, resubmits; the
// reviewer approves and publishes; the published files download byte-identical. Then a stale save
// from a second tab (review / merge / reload) and an edit made while the server is down.
// axe-core checks every new screen; screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOV_2021, openReportYear } from '../../src/core/index.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { cell, openStep, E2E_PASSWORD as PASSWORD, saved, withE2E } from '../support/e2e.ts';

const root = resolve(import.meta.dirname, '../..');
/** The year a new report defaults to: the earliest whose deadline (a department's) has not passed. */
const today = new Date();
const YEAR = openReportYear(GOV_2021, `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`, 'department');

const e2e = withE2E();
const { signIn, shot } = e2e;
let admin: Page;
let clerk: Page;
let reviewer: Page;
let reportId = '';

beforeAll(async () => {
  const newPage = () => e2e.newPage({ width: 1440, height: 900 });
  [admin, clerk, reviewer] = await Promise.all([newPage(), newPage(), newPage()]);
});

const status = (page: Page) => page.locator('.workflow-bar [data-status]').getAttribute('data-status');

/** The report as the server has it now, read with the page's own session. */
async function serverDocument(page: Page): Promise<{ cells: Record<string, number | null> }> {
  const res = await page.request.get(`${e2e.url}api/reports/${reportId}`);
  return ((await res.json()) as { document: { cells: Record<string, number | null> } }).document;
}

describe('the review loop in Chromium', () => {
  it('creates the administrator on /setup, then an agency, a clerk and a reviewer on the admin screen', async () => {
    await admin.goto(e2e.url);
    await admin.waitForURL(/\/setup$/);
    await admin.getByLabel('单位名称').fill('某某市人民政府');
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('姓名').fill('王管理');
    await admin.getByLabel('密码（至少 10 个字符）').fill(PASSWORD);
    await admin.getByLabel('再次输入密码').fill(PASSWORD);
    await admin.getByRole('button', { name: '创建管理员' }).click();
    await admin.getByRole('heading', { name: '新增单位' }).waitFor();

    await admin.getByLabel('单位全称').fill('某某市交通运输局');
    await admin.getByLabel('上级单位').selectOption({ label: '某某市人民政府' });
    await admin.getByRole('button', { name: '新增单位' }).click();
    await admin.getByRole('rowheader', { name: '某某市交通运输局' }).waitFor();

    for (const [username, name, role, agency] of [
      // Options are indented by their depth in the hierarchy.
      ['clerk', '张填报', '填报员', '　某某市交通运输局'],
      ['reviewer', '李审核', '审核员', '某某市人民政府'],
    ] as const) {
      await admin.getByLabel('用户名').fill(username);
      await admin.getByLabel('姓名').fill(name);
      await admin.getByLabel('初始密码').fill(PASSWORD);
      await admin.getByLabel('角色').selectOption({ label: role });
      await admin.getByLabel('所属单位').selectOption({ label: agency });
      await admin.getByRole('button', { name: '新增账号' }).click();
      await admin.getByRole('rowheader', { name: username, exact: true }).waitFor();
    }
    const rows = await admin.getByRole('table', { name: '账号' }).getByRole('row').allTextContents();
    expect(rows.join('\n')).toMatch(/clerk张填报填报员某某市交通运输局正常/);
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await shot(admin, '20-admin', { top: true });

    // 公文字体: a font without Chinese is refused with the reason, next to the font it was meant for.
    const latinFont = execFileSync('fc-match', ['-f', '%{file}', 'serif:fontformat=TrueType'], { encoding: 'utf8' });
    await admin.getByLabel('为“仿宋_GB2312”安装字体文件').setInputFiles(latinFont);
    await admin
      .getByRole('alert')
      .filter({ hasText: /缺少 GB2312 中的 \d+ 个字符/ })
      .waitFor();
    expect(
      await admin
        .getByRole('table', { name: '公文字体' })
        .getByRole('row', { name: /仿宋_GB2312/ })
        .textContent(),
    ).toContain('未安装，使用开源代替字体');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.getByRole('heading', { name: '公文字体' }).scrollIntoViewIfNeeded();
    await shot(admin, '28-admin-fonts');
  });

  it('the clerk signs in, creates the report, fills it consistently and submits it', async () => {
    await clerk.goto(e2e.url);
    await clerk.getByRole('heading', { name: '登录' }).waitFor();
    expect(await seriousA11yViolations(clerk)).toEqual([]);
    await shot(clerk, '21-sign-in');
    await clerk.getByLabel('用户名').fill('clerk');
    await clerk.getByLabel('密码').fill('wrong-password');
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await signIn(clerk, 'clerk');

    await clerk.getByRole('button', { name: '创建并开始填写' }).click();
    await clerk.getByRole('heading', { level: 2, name: '封面与前言' }).waitFor();
    reportId = /#\/report\/([^/]+)/.exec(clerk.url())![1]!;
    expect(await clerk.getByLabel('机关全称').inputValue()).toBe('某某市交通运输局');
    await openStep(clerk, /^三、/);
    await cell(clerk, 't3.new.natural').fill('5');
    await cell(clerk, 't3.granted.natural').fill('3');
    await cell(clerk, 't3.carriedOut.natural').fill('2');
    for (const step of [/^二、/, /^三、/, /^四、/]) {
      await openStep(clerk, step);
      await clerk.getByRole('button', { name: /本节无数据/ }).click();
      await clerk
        .getByRole('alertdialog', { name: '本节无数据' })
        .getByRole('button', { name: /填入 0/ })
        .click();
    }
    await openStep(clerk, /^五、/);
    await clerk.locator('[data-prose="problems"]').fill('政务公开栏目更新不够及时。下一步将完善发布审核机制。');
    await saved(clerk);
    // No 成文日期 yet: the published report cannot do without it, so submitting is refused, saying why.
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.getByRole('alertdialog', { name: '提交审核' }).getByRole('button', { name: '确认提交审核' }).click();
    await clerk.locator('.workflow-bar').getByText('成文日期未填写').waitFor();
    await openStep(clerk, /^封面与前言/);
    await clerk.getByLabel('成文（发布）日期').fill(new Date().toISOString().slice(0, 10));
    await saved(clerk);
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.getByRole('alertdialog', { name: '提交审核' }).getByRole('button', { name: '确认提交审核' }).click();
    await clerk.locator('.workflow-bar [data-status="submitted"]').waitFor();
    // Now with the reviewer: read-only.
    await openStep(clerk, /^三、/);
    expect(await cell(clerk, 't3.new.natural').getAttribute('readonly')).not.toBeNull();
  });

  it('the reviewer finds it on the progress board (its home), comments on a cell and sends it back', async () => {
    await signIn(reviewer, 'reviewer');
    await reviewer.getByRole('heading', { name: '各单位年报进度' }).waitFor();
    // The board opens on the year both deadlines leave open; a department's report may be a year later.
    if ((await reviewer.getByLabel('报告年度').inputValue()) !== String(YEAR)) await reviewer.goto(`${e2e.url}#/office/board/${YEAR}`);
    const row = reviewer.locator('tr[data-agency="某某市交通运输局"]');
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['已提交']));
    expect(await seriousA11yViolations(reviewer)).toEqual([]);
    await shot(reviewer, '42-reviewer-home');

    await row.getByRole('link', { name: '某某市交通运输局' }).click();
    await reviewer.getByRole('region', { name: '全部校验结果' }).waitFor();
    await openStep(reviewer, /^三、/);
    await cell(reviewer, 't3.granted.natural').click();
    await reviewer.getByLabel(/提出意见/).fill('予以公开数与台账不符，台账为 4 件，请核对。');
    await reviewer.getByRole('button', { name: '发表意见' }).click();
    await reviewer.locator('[data-cell="t3.granted.natural"].commented').waitFor();
    await cell(reviewer, 't3.granted.natural').focus();
    expect(await reviewer.locator('#msg-t3\\.granted\\.natural').textContent()).toContain('台账为 4 件');
    expect(await seriousA11yViolations(reviewer)).toEqual([]);
    await shot(reviewer, '23-review-cell-comment');

    await reviewer.getByRole('button', { name: '退回修改…' }).click();
    await reviewer.getByLabel('退回说明（填报员会看到）').fill('请按意见核对表三后重新提交。');
    await reviewer.getByRole('button', { name: '确认退回' }).click();
    await reviewer.locator('.workflow-bar [data-status="returned"]').waitFor();
  });

  it('the clerk sees the comment on that cell, fixes it, resolves the comment and resubmits', async () => {
    await clerk.reload();
    await clerk.locator('.workflow-bar [data-status="returned"]').waitFor();
    await clerk.getByText('李审核退回时说明：请按意见核对表三后重新提交。').waitFor();
    const target = cell(clerk, 't3.granted.natural');
    expect(await target.getAttribute('class')).toContain('commented');
    expect(await target.getAttribute('readonly')).toBeNull();
    const describedBy = await target.getAttribute('aria-describedby');
    expect(await clerk.locator(`[id="${describedBy}"]`).textContent()).toContain('审核意见（李审核）：予以公开数与台账不符');
    await target.fill('4');
    await cell(clerk, 't3.carriedOut.natural').fill('1');
    await clerk.getByRole('button', { name: /标记为已处理：三、/ }).click();
    await clerk.getByText('审核意见（均已处理）').waitFor();
    expect(await target.getAttribute('class')).not.toContain('commented');
    await saved(clerk);
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.getByRole('alertdialog', { name: '提交审核' }).getByRole('button', { name: '确认提交审核' }).click();
    await clerk.locator('.workflow-bar [data-status="submitted"]').waitFor();
    expect((await serverDocument(clerk)).cells['t3.granted.natural']).toBe(4);
  });

  it('the reviewer approves and publishes; the published files download byte-identical', async () => {
    await reviewer.reload();
    await reviewer.locator('.workflow-bar [data-status="submitted"]').waitFor();
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await reviewer.getByRole('alertdialog', { name: '审核通过' }).getByRole('button', { name: '确认审核通过' }).click();
    await reviewer.locator('.workflow-bar [data-status="approved"]').waitFor();
    await reviewer.getByRole('button', { name: '发布' }).click();
    await reviewer.getByRole('alertdialog', { name: '发布' }).getByRole('button', { name: '确认发布' }).click();
    await reviewer.locator('.workflow-bar [data-status="published"]').waitFor({ timeout: 300_000 });
    const links = reviewer.locator('.publications a[data-artifact]');
    await links.first().waitFor();
    expect((await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-artifact')))).sort()).toEqual(['docx', 'html', 'json', 'pdf']);

    const listed = (await (await reviewer.request.get(`${e2e.url}api/reports/${reportId}/publications`)).json()) as {
      publications: { artifacts: { kind: string; sha256: string; url: string }[] }[];
    };
    for (const artifact of listed.publications[0]!.artifacts) {
      const download = reviewer.waitForEvent('download');
      await reviewer.locator(`.publications a[data-artifact="${artifact.kind}"]`).click();
      const bytes = readFileSync((await (await download).path())!);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(sha).toBe(artifact.sha256);
      const again = await reviewer.request.get(e2e.url + artifact.url.slice(1));
      expect(again.headers()['x-content-sha256']).toBe(sha);
      expect(
        createHash('sha256')
          .update(await again.body())
          .digest('hex'),
      ).toBe(sha);
    }
  });

  it('shows the history with a diff between revisions, cells named by their labels', async () => {
    await reviewer.goto(`${e2e.url}#/report/${reportId}/history`);
    await reviewer.getByRole('heading', { name: '版本', exact: true }).waitFor();
    await reviewer.getByLabel('从').selectOption('1');
    const diff = reviewer.locator('.diff-table');
    await diff.getByRole('rowheader', { name: '三、（一）予以公开·自然人' }).waitFor();
    const row = diff.getByRole('row').filter({ has: reviewer.getByRole('rowheader', { name: '三、（一）予以公开·自然人' }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['（空）', '4']);
    expect(await seriousA11yViolations(reviewer)).toEqual([]);
    await shot(reviewer, '24-history-diff');
    // Nothing from last year for this agency: said in Chinese, no crash.
    await reviewer.getByLabel('从').selectOption('previous-year');
    await reviewer
      .getByRole('alert')
      .filter({ hasText: `没有 ${YEAR - 1} 年度的报告` })
      .waitFor();
  });

  it('a stale save from a second tab offers review, merge or reload, and the merge keeps both changes', async () => {
    await reviewer.goto(`${e2e.url}#/report/${reportId}/check`);
    await reviewer.getByRole('button', { name: '重新打开' }).click();
    await reviewer.getByLabel('重新打开的原因（记入操作记录）').fill('更正表三中的笔误');
    await reviewer.getByRole('button', { name: '确认重新打开' }).click();
    await reviewer.locator('.workflow-bar [data-status="draft"]').waitFor();

    const tabA = clerk;
    const tabB = await clerk.context().newPage();
    for (const tab of [tabA, tabB]) {
      await tab.goto(`${e2e.url}#/report/${reportId}/requests`);
      await tab.reload();
      await tab.locator('.workflow-bar [data-status="draft"]').waitFor();
    }
    await cell(tabB, 't3.new.business').fill('2');
    await cell(tabB, 't3.granted.business').fill('2');
    await saved(tabB);
    await cell(tabA, 't3.new.research').fill('1');
    await cell(tabA, 't3.granted.research').fill('1');
    const panel = tabA.getByRole('alertdialog', { name: '报告已被他人修改，你的修改尚未保存' });
    await panel.waitFor();
    await panel.getByRole('button', { name: '查看对方的修改' }).click();
    const theirs = panel.locator('.diff-table');
    expect(await theirs.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['三、一、本年新收·商业企业', '三、（一）予以公开·商业企业']));
    expect(await seriousA11yViolations(tabA)).toEqual([]);
    await shot(tabA, '25-stale-save');
    await panel.getByRole('button', { name: '合并双方修改并保存' }).click();
    await saved(tabA);
    expect(await cell(tabA, 't3.new.business').inputValue()).toBe('2');
    const merged = await serverDocument(tabA);
    expect([merged.cells['t3.new.business'], merged.cells['t3.new.research'], merged.cells['t3.granted.research']]).toEqual([2, 1, 1]);
    await tabB.close();
  });

  it('keeps an edit made while the server is down, across closing the page, and saves it when the server is back', async () => {
    const page = clerk;
    await e2e.app.stop();
    await cell(page, 't3.new.publicInterest').fill('3');
    await page.getByText('离线：已暂存在本机，恢复连接后自动保存').waitFor({ timeout: 10_000 });
    await e2e.app.start();
    await saved(page);
    expect((await serverDocument(page)).cells['t3.new.publicInterest']).toBe(3);

    await e2e.app.stop();
    await cell(page, 't3.granted.publicInterest').fill('3');
    await page.getByText('离线：已暂存在本机，恢复连接后自动保存').waitFor({ timeout: 10_000 });
    const context = page.context();
    await page.close();
    await e2e.app.start();
    const reopened = await context.newPage();
    clerk = reopened;
    await reopened.goto(`${e2e.url}#/report/${reportId}/requests`);
    expect(await cell(reopened, 't3.granted.publicInterest').inputValue()).toBe('3');
    await saved(reopened);
    const doc = await serverDocument(reopened);
    expect([doc.cells['t3.new.publicInterest'], doc.cells['t3.granted.publicInterest'], doc.cells['t3.new.business']]).toEqual([3, 3, 2]);
    expect(await status(reopened)).toBe('draft');
  });

  it("first year with Nianbao: this year's report from last year's published text; the file serves as last year's report", async () => {
    await clerk.goto(e2e.url);
    await clerk.getByLabel('以上年报告文件为基础').check();
    await clerk.getByLabel('上年报告文件', { exact: true }).setInputFiles(join(root, 'seeds/2022-zhongwei-spfw.txt'));
    await clerk.getByText('已读取：中卫市审批服务管理局 2022 年报告').waitFor();
    expect(await clerk.getByLabel('报告年度').inputValue()).toBe('2023');
    await clerk.getByRole('button', { name: '创建并开始填写' }).click();
    await clerk.getByRole('heading', { level: 2, name: '封面与前言' }).waitFor();
    const id = /#\/report\/([^/]+)/.exec(clerk.url())![1]!;
    await openStep(clerk, /^三、/);
    await clerk.getByText('上年报告：已上传的文件（2022-zhongwei-spfw.txt）').waitFor();
    const carriedIn = cell(clerk, 't3.carriedIn.natural');
    expect(await carriedIn.inputValue()).toBe('0');
    await carriedIn.fill('3');
    await cell(clerk, 't3.carriedOut.natural').fill('3');
    await carriedIn.focus();
    await clerk.locator('[data-cell="t3.carriedIn.natural"].warning').waitFor();
    expect(await clerk.locator('#msg-t3\\.carriedIn\\.natural').textContent()).toContain('应为 0（上年报告“三、四、结转下年度·自然人”），实为 3');
    await saved(clerk);
    expect(await seriousA11yViolations(clerk)).toEqual([]);
    await shot(clerk, '26-uploaded-previous-year', { top: true });

    // The history compares with the uploaded file, and says so.
    await clerk.goto(`${e2e.url}#/report/${id}/history`);
    await clerk.getByLabel('从').selectOption('previous-year');
    await clerk.locator('.diff-table caption').filter({ hasText: '2022 年报告（已上传的文件：2022-zhongwei-spfw.txt）' }).waitFor();
  });

  it('the clerk deletes a draft created by mistake, after a confirmation naming agency and year', async () => {
    await clerk.goto(e2e.url);
    const del = clerk.getByRole('button', { name: '删除 2023 年报告' });
    await del.waitFor();
    // The report that went through review (published, reopened) is a record: no 删除.
    expect(await clerk.getByRole('button', { name: `删除 ${YEAR} 年报告` }).count()).toBe(0);
    await del.click();
    const dialog = clerk.getByRole('alertdialog', { name: '删除报告' });
    expect(await dialog.textContent()).toMatch(/删除“某某市交通运输局 2023 年度报告”（草稿，共 \d+ 版）？删除后无法恢复。/);
    expect(await seriousA11yViolations(clerk)).toEqual([]);
    await shot(clerk, '27-delete-confirm');
    await dialog.getByRole('button', { name: '删除' }).click();
    await del.waitFor({ state: 'detached' });
    const years = await clerk.getByRole('table').getByRole('row').allTextContents();
    expect(years.join('\n')).not.toMatch(/2023/);
    expect(years.join('\n')).toContain(String(YEAR));
  });
});
