// End to end in Debian's Chromium against the production build served by the real server: a clerk
// (created through the API) signs in, creates a report, breaks
// and fixes table 三's balance, reloads, pastes from Excel, zero-fills, exports JSON, and
// `nianbao check` accepts the file. axe-core checks every page; screenshots of each step are
// taken (and written to docs/screenshots/ with UPDATE_SCREENSHOTS=1).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupAdmin } from '../server/support/client.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { cell as cellOf, E2E_PASSWORD, openStep as openStepOf, saved as savedOf, withE2E } from '../support/e2e.ts';

const root = resolve(import.meta.dirname, '../..');
const e2e = withE2E();

let page: Page;
/** The JSON export, used again as last year's report. */
let exported = '';

beforeAll(async () => {
  const admin = await setupAdmin(e2e.base);
  const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
  const agency = (await admin.post('/api/agencies', { name: '某某市交通运输局', kind: 'department', parentId: gov })).body.agency.id as string;
  await admin.post('/api/users', { username: 'clerk', displayName: '张填报', password: E2E_PASSWORD, role: 'clerk', agencyId: agency });
  page = await e2e.newPage({ width: 1440, height: 900 });
});

const cell = (id: string) => cellOf(page, id);
const openStep = (name: RegExp) => openStepOf(page, name);
/** A full-page shot starts at the top, where the sticky bars belong. */
const shot = (name: string, fullPage = false) => e2e.shot(page, name, { fullPage, top: fullPage });
const saved = () => savedOf(page);

describe('the authoring app in Chromium', () => {
  it('creates a report from the start screen', async () => {
    await e2e.signIn(page, 'clerk');
    await page.getByRole('heading', { name: '新建年度报告' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('01-start');
    // Last year's report (the default is the year whose deadline is still ahead), so that next year's can follow it.
    await page.getByLabel('报告年度').selectOption(String(new Date().getFullYear() - 1));
    await page.getByRole('button', { name: '创建并开始填写' }).click();
    await page.getByRole('heading', { level: 2, name: '封面与前言' }).waitFor();
    expect(await page.getByLabel('机关全称').inputValue()).toBe('某某市交通运输局');
    await page.getByLabel('电话').fill('0951-1234567');
    await page.getByLabel('电子邮箱').fill('gongkai@example.gov.cn');
    await page.getByLabel('地址').fill('某某市某某路1号');
    await page.getByLabel('报告下载网址').fill('某某市交通运输局门户网站');
    expect(await page.getByLabel('标准前言预览').textContent()).toContain('联系（地址：某某市某某路1号；电话：0951-1234567；电子邮箱：gongkai@example.gov.cn）');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('02-cover', true);
  });

  it('shows a broken balance on the right cells and in the list, and clears it when fixed', async () => {
    await openStep(/^三、/);
    await cell('t3.new.natural').fill('5');
    await cell('t3.granted.natural').fill('3');
    await cell('t3.unable.notHeld.natural').fill('1');
    // Totals are drawn the frame after the typed text.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-cell="t3.total.natural"]')?.value === '4');
    // Half filled, the column is 未填完, not an error; filled, it is judged.
    expect(await cell('t3.new.natural').getAttribute('aria-invalid')).toBeNull();
    await page
      .getByRole('region', { name: /本节校验/ })
      .getByText(/项合计未填完/)
      .waitFor();
    await page.getByRole('button', { name: /本节无数据/ }).click();
    await page
      .getByRole('alertdialog', { name: '本节无数据' })
      .getByRole('button', { name: /填入 0/ })
      .click();
    expect(await cell('t3.new.natural').getAttribute('aria-invalid')).toBe('true');
    expect(await cell('t3.carriedOut.natural').getAttribute('aria-invalid')).toBe('true');
    expect(await cell('t3.new.business').getAttribute('aria-invalid')).toBeNull();
    const describedBy = await cell('t3.new.natural').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('（七）总计 + 四、结转下年度 = 4，两者应相等');
    const findings = page.getByRole('region', { name: /本节校验/ });
    const item = findings.getByRole('button', { name: /三、自然人列/ });
    await item.waitFor();
    await cell('t3.carriedOut.natural').focus();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('04-table3-error', true);
    await item.click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('t3.new.natural');

    await cell('t3.carriedOut.natural').fill('1');
    await page.waitForFunction(() => document.querySelector('[data-cell="t3.new.natural"]')?.getAttribute('aria-invalid') === null);
    expect(await findings.getByRole('button', { name: /三、自然人列/ }).count()).toBe(0);
  });

  it('keeps everything after a reload, including text typed just before it', async () => {
    await saved();
    await page.reload();
    await cell('t3.new.natural').waitFor();
    expect(await cell('t3.new.natural').inputValue()).toBe('5');
    expect(await cell('t3.carriedOut.natural').inputValue()).toBe('1');
    expect(await cell('t3.total.natural').inputValue()).toBe('4');
    await openStep(/^五、/);
    await page.locator('[data-prose="problems"]').fill('信息公开平台栏目更新不够及时。下一步将完善发布审核机制。');
    // No wait for the autosave: leaving the page keeps what was typed in this browser, and it is saved after the reload.
    await page.reload();
    await page.locator('[data-prose="problems"]').waitFor();
    expect(await page.locator('[data-prose="problems"]').inputValue()).toBe('信息公开平台栏目更新不够及时。下一步将完善发布审核机制。');
    await shot('07-problems');
  });

  it('fills a block pasted from Excel from the focused cell', async () => {
    await openStep(/^三、/);
    // Two columns (商业企业, 科研机构) × three rows (新收, 上年结转, 予以公开), as Excel copies them.
    await cell('t3.new.business').focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '4\t1\r\n0\t0\r\n4\t1\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await cell('t3.new.business').inputValue()).toBe('4');
    expect(await cell('t3.new.research').inputValue()).toBe('1');
    expect(await cell('t3.carriedIn.research').inputValue()).toBe('0');
    expect(await cell('t3.granted.business').inputValue()).toBe('4');
    expect(await cell('t3.granted.total').inputValue()).toBe('8');
    expect(await cell('t3.new.total').inputValue()).toBe('10');
  });

  it('zero-fills the empty cells of each table after confirmation', async () => {
    for (const [step, table, probe] of [
      [/^二、/, '表二', 't2.fees.amount'],
      [/^三、/, '表三', 't3.declined.repeated.natural'],
      [/^四、/, '表四', 't4.litigationDirect.pending'],
    ] as const) {
      await openStep(step);
      if (table === '表二') await cell('t2.normativeDocs.issued').fill('3');
      // Table 三 was zero-filled to judge its balance: empty one cell again.
      if (table === '表三') await cell(probe).fill('');
      await page.getByRole('button', { name: /本节无数据/ }).click();
      await page
        .getByRole('alertdialog', { name: '本节无数据' })
        .getByRole('button', { name: /填入 0/ })
        .click();
      expect(await cell(probe).inputValue()).toBe('0');
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (table === '表二') await shot('03-table2');
      if (table === '表三') {
        expect(await cell('t3.new.natural').inputValue()).toBe('5');
        await shot('05-table3', true);
      }
      if (table === '表四') await shot('06-table4');
    }
    expect(await cell('t4.reconsideration.total').inputValue()).toBe('0');
  });

  it('exports JSON that `nianbao check` accepts, and previews the report', async () => {
    await openStep(/^一、/);
    await page.locator('[data-prose="overview.onRequest"]').fill('全年共收到政府信息公开申请10件，办结9件，结转下年度1件。');
    await shot('08-overview');
    // What the published report cannot do without, and what the cover should have.
    await openStep(/^封面与前言/);
    await page.getByLabel('行政层级').selectOption({ label: '设区的市级' });
    await page.getByLabel('成文（发布）日期').fill(`${new Date().getFullYear()}-01-20`);
    await openStep(/^校验与导出/);
    await page.getByRole('article', { name: '报告预览' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: /错误/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('09-check', true);
    await saved();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出年报文档（.json）' }).click();
    const file = join(e2e.scratch, 'report.json');
    await (await download).saveAs(file);
    exported = file;
    const run = await promisify(execFile)(process.execPath, [join(root, 'bin/nianbao.js'), 'check', file, '--json'], { cwd: root }).catch((e: { code: number; stdout: string }) => e);
    const [result] = JSON.parse(run.stdout) as { agency: string; year: number; cells: Record<string, number | null>; findings: { rule: string; severity: string }[] }[];
    expect('code' in run ? run.code : 0).toBe(0);
    expect(result!.agency).toBe('某某市交通运输局');
    expect(result!.cells['t3.new.natural']).toBe(5);
    expect(result!.cells['t3.new.total']).toBe(10);
    expect(result!.cells['t3.declined.repeated.natural']).toBe(0);
    expect(result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('exports Word and PDF (rendered in a worker) once the report has no errors', async () => {
    for (const [button, magic] of [
      ['导出Word 文档（.docx）', 'PK'],
      ['导出PDF（.pdf）', '%PDF-'],
    ] as const) {
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await page.getByRole('button', { name: button }).click();
      const file = await (await download).path();
      expect(readFileSync(file).subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect((await download).suggestedFilename()).toBe(`某某市交通运输局${new Date().getFullYear() - 1}年政府信息公开工作年度报告${button.match(/（(\.\w+)）/)![1]}`);
    }
  });

  it('opens a finding from the check page at its cell', async () => {
    await openStep(/^三、/);
    await cell('t3.granted.research').fill('2');
    await openStep(/^校验与导出/);
    await page.getByRole('button', { name: /导出草稿：年报文档/ }).waitFor();
    expect(await page.getByRole('button', { name: /Word/ }).isDisabled()).toBe(true);
    await page
      .getByRole('region', { name: '全部校验结果' })
      .getByRole('button', { name: /三、科研机构列/ })
      .click();
    // The only cell typed since the column last balanced is the one focused.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-cell') === 't3.granted.research');
    await cell('t3.granted.research').fill('1');
  });

  it('lists the report on the start screen with its counts', async () => {
    await saved();
    await page.getByRole('link', { name: '← 全部报告' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '某某市交通运输局' }) });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['草稿', '0']));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('10-report-list');
  });

  it("starts next year's report from the exported file: carry-over and last year's text marked", async () => {
    await page.getByLabel('以上年报告文件为基础').check();
    await page.getByLabel('上年报告文件', { exact: true }).setInputFiles(exported);
    await page.getByText(/^已读取：某某市交通运输局/).waitFor();
    // pdf.js's character maps ship with the build, for PDFs with predefined Chinese CMaps.
    expect((await page.request.get(`${e2e.url}pdfjs/cmaps/UniGB-UCS2-H.bcmap`)).status()).toBe(200);
    expect(await page.getByLabel('报告年度').inputValue()).toBe(String(new Date().getFullYear()));
    await page.getByRole('button', { name: '创建并开始填写' }).click();
    await page.getByRole('heading', { level: 2, name: '封面与前言' }).waitFor();
    await openStep(/^三、/);
    expect(await cell('t3.carriedIn.natural').inputValue()).toBe('1');
    expect(await cell('t3.carriedIn.natural').getAttribute('class')).toContain('carried');
    expect(await cell('t3.carriedIn.business').inputValue()).toBe('0');
    await page.getByLabel('在格内显示上年数').check();
    expect(await page.locator('td:has([data-cell="t3.new.natural"]) .prev-value').textContent()).toBe('上年 5');
    await cell('t3.carriedIn.natural').focus();
    // The cell bar follows the focus after its frame.
    await page.locator('.cell-bar', { hasText: '二、上年结转·自然人' }).waitFor();
    expect(await page.locator('.cell-bar').textContent()).toContain('上年：0');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('11-next-year-table3');
    await openStep(/^五、/);
    await page.getByText(/以下是上年报告的原文/).waitFor();
    await shot('12-next-year-problems');
  });
});
