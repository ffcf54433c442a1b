// The 政务公开 office's console end to end in Chromium against the production build and the real
// server: a government with departments where one has not started, one is a draft with errors,
// one is a clean but overdue draft, one is approved and one published. The board (the reviewer's
// home) shows each; the agency that has not started opens its page (reminders, who read them, a
// 催办 from there); a reminder reaches the clerk's start screen and editor, the roll-up on screen equals the sum of the included
// reports cell by cell, a cell opens who contributes, the charts render, the register lists the
// published files with their SHA-256. Screenshots at 1366×768 (docs/screenshots with UPDATE_SCREENSHOTS=1).
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CELL_IDS, cellInfo, getTemplate, openReportYear, type ReportDocument, withDerivedTotals } from '../../src/core/index.ts';
import { Client, setupAdmin } from '../server/support/client.ts';
import { seriousA11yViolations } from '../support/a11y.ts';
import { consistentDocument, seedlingsArb } from '../support/documents.ts';
import { E2E_PASSWORD as PASSWORD, withE2E } from '../support/e2e.ts';

const e2e = withE2E();
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** The year before the open one: both statutory deadlines have passed, so unpublished reports are overdue. */
const YEAR = openReportYear(getTemplate(), today) - 1;
const [docPublished, docApproved, docDraft] = fc.sample(seedlingsArb, { seed: 7, numRuns: 3 }).map((s) => consistentDocument(s, YEAR)) as ReportDocument[];

let page: Page;
let office: Client;

const signIn = (username: string) => e2e.signIn(page, username);
const shot = (name: string) => e2e.shot(page, name, { top: true });

const row = (agency: string) => page.locator(`tr[data-agency="${agency}"]`);

beforeAll(async () => {
  const base = e2e.base;
  const admin = await setupAdmin(base);
  const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
  await admin.post('/api/users', { username: 'office', displayName: '王审核', password: PASSWORD, role: 'reviewer', agencyId: gov });
  office = await new Client(base).login('office', PASSWORD);
  const clerk = async (agency: string, username: string) => {
    const id = (await admin.post('/api/agencies', { name: agency, kind: 'department', parentId: gov })).body.agency.id as string;
    await admin.post('/api/users', { username, displayName: `${agency}填报员`, password: PASSWORD, role: 'clerk', agencyId: id });
    return new Client(base).login(username, PASSWORD);
  };
  await clerk('市交通运输局', 'clerk-t');
  const education = await clerk('市教育局', 'clerk-e');
  const finance = await clerk('市财政局', 'clerk-f');
  const health = await clerk('市卫生健康委员会', 'clerk-w');
  const justice = await clerk('市司法局', 'clerk-j');
  const create = async (c: Client, document: ReportDocument) => (await c.post('/api/reports', { year: YEAR, document })).body.report as { id: string; head: number };
  const advance = async (id: string, steps: [Client, string][]) => {
    let head = (await office.get(`/api/reports/${id}`)).body.report.head as number;
    for (const [c, action] of steps) {
      const res = await c.post(`/api/reports/${id}/${action}`, { revision: head });
      if (res.status >= 300) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      head = res.body.report.head;
    }
  };
  await create(education, { ...docDraft!, cells: { ...docDraft!.cells, 't3.new.natural': (docDraft!.cells['t3.new.natural'] ?? 0) + 5 } });
  await create(finance, docDraft!);
  const approved = await create(health, docApproved!);
  await advance(approved.id, [
    [health, 'submit'],
    [office, 'approve'],
  ]);
  const published = await create(justice, docPublished!);
  await advance(published.id, [
    [justice, 'submit'],
    [office, 'approve'],
    [office, 'publish'],
  ]);

  page = await e2e.newPage({ width: 1366, height: 768 });
});

describe('the office console in Chromium', () => {
  it('shows every agency on the board: not started, overdue, with errors, published', async () => {
    await signIn('office');
    // The board is the reviewer's home.
    await page.getByRole('heading', { name: '各单位年报进度' }).waitFor();
    await page.getByLabel('报告年度').selectOption(String(YEAR));
    await row('市司法局').waitFor();
    const text = async (agency: string) => (await row(agency).innerText()).replace(/\s+/g, ' ');
    expect(await text('市交通运输局')).toMatch(/未开始.*逾期 \d+ 天/);
    expect(await text('市财政局')).toMatch(/草稿.*逾期 \d+ 天/);
    expect(await text('市司法局')).toContain('已发布');
    expect(await text('市司法局')).not.toContain('逾期');
    const errors = await row('市教育局').locator('td.num').first().innerText();
    expect(Number(errors)).toBeGreaterThan(0);
    expect(await row('市财政局').locator('td.num').first().innerText()).toBe('0');
    // The government's own row heads the tree of its departments.
    await expect(page.getByRole('button', { name: /收起某某市人民政府的下属单位（5 个）/ }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: /有错误/ }).click();
    await expect(page.locator('tbody tr[data-agency]').count()).resolves.toBe(1);
    await page.getByRole('button', { name: /有错误/ }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '未开始、草稿和退回的' }).click();
    await page.getByLabel(/催办已选择的/).fill('请于本周内提交年度报告。');
    await page.getByRole('button', { name: '发送催办' }).click();
    await page.getByText('已向 4 个单位发送催办。').waitFor();
    await expect(row('市交通运输局').innerText()).resolves.toContain('王审核');
    await expect(row('市司法局').innerText()).resolves.not.toContain('王审核');
    await shot('30-office-board');
  });

  it('sums the included reports cell by cell in the official tables, with who contributes', async () => {
    await page.getByRole('link', { name: '汇总' }).click();
    await page.getByRole('heading', { name: `${YEAR} 年度汇总` }).waitFor();
    await page.getByText('汇总了 2 份报告').waitFor();
    // The oracle: each cell summed here, independently of the server's roll-up.
    const included = [docPublished!, docApproved!].map((d) => withDerivedTotals(d).cells);
    const expected = Object.fromEntries(
      CELL_IDS.map((id) => {
        const values = included.map((c) => c[id]).filter((v): v is number => typeof v === 'number');
        return [id, values.length ? values.reduce((a, b) => a + b, 0) : null];
      }),
    );
    const onScreen = await page.locator('.rollup-table td[data-cell]').evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), td.textContent])));
    for (const id of CELL_IDS) {
      const v = expected[id];
      expect(onScreen[id], id).toBe(v === null || v === undefined ? '—' : cellInfo(id).value === 'money' ? String(Number(v.toFixed(4))) : String(v));
    }
    await page.getByText('汇总表的勾稽关系全部成立。').waitFor();
    await page.locator('td[data-cell="t3.new.total"] button').click();
    const drill = page.getByRole('complementary');
    await drill.getByRole('link', { name: '市司法局' }).waitFor();
    expect(await drill.innerText()).toContain(String(withDerivedTotals(docApproved!).cells['t3.new.total']));
    expect(await page.getByText('未计入的单位（4）').count()).toBe(1);
    const xlsx = await page.request.get(new URL((await page.getByRole('link', { name: /下载 Excel/ }).getAttribute('href'))!, e2e.url).href);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('31-office-rollup');
  });

  it('draws the charts with their data tables', async () => {
    await page.getByRole('link', { name: '图表' }).click();
    await page.locator('#chart-outcomes-title').waitFor();
    await page.locator('#chart-progress-title').waitFor();
    expect(await page.locator('figure.chart svg').count()).toBe(5);
    expect(await page.locator('#chart-top-title').innerText()).toContain('收到申请最多');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('32-office-charts');
  });

  it('lists the published files with their SHA-256 in the register', async () => {
    await page.getByRole('link', { name: '发布登记' }).click();
    await page.getByRole('link', { name: '市司法局', exact: true }).waitFor();
    const register = (await office.get(`/api/oversight/publications?year=${YEAR}`)).body.publications as { artifacts: { sha256: string }[] }[];
    expect(register).toHaveLength(1);
    for (const a of register[0]!.artifacts) await page.getByText(a.sha256).waitFor();
  });

  it('brings the reminder to the clerk’s start screen until dismissed', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn('clerk-t');
    await page.getByRole('heading', { name: /催办消息（1）/ }).waitFor();
    await page.getByText('请于本周内提交年度报告。').waitFor();
    await expect(page.getByRole('link', { name: '1 条未读催办消息' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: /知道了/ }).click();
    await page.getByRole('heading', { name: /催办消息/ }).waitFor({ state: 'detached' });
    await expect(page.getByRole('link', { name: /未读催办消息/ }).count()).resolves.toBe(0);
  });

  it('shows the reminder as a banner in the editor of that year’s report', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn('clerk-e');
    await page
      .getByRole('link', { name: /市教育局/ })
      .first()
      .click();
    const banner = page.getByRole('region', { name: '催办消息' });
    await banner.getByText('请于本周内提交年度报告。').waitFor();
    await banner.getByRole('button', { name: /知道了/ }).click();
    await banner.waitFor({ state: 'detached' });
  });

  it('opens a 未开始 agency’s page from the home board: kind, parent, clerks, reminders and who read them; 催办 from there; back', async () => {
    await page.goto(e2e.url);
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn('office');
    await page.getByRole('heading', { name: '各单位年报进度' }).waitFor();
    await page.getByLabel('报告年度').selectOption(String(YEAR));
    await row('市交通运输局').getByRole('link', { name: '市交通运输局' }).click();
    await page.getByRole('heading', { name: '市交通运输局', level: 2 }).waitFor();
    const facts = (await page.locator('dl.agency-facts').innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain('人民政府部门');
    expect(facts).toContain('某某市人民政府');
    expect(facts).toContain('市交通运输局填报员');
    expect(facts).toMatch(/尚未创建；法定发布期限为\d{4}年1月31日/);
    await page.getByText('本单位还没有在年报系统中创建报告。').waitFor();
    // The clerk dismissed the board's reminder above: the record says who read it and when.
    const record = page.getByRole('region', { name: '催办记录' });
    await record
      .locator('tr', { hasText: '请于本周内提交年度报告。' })
      .getByText(/市交通运输局填报员（/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('43-agency-page');

    await page.getByLabel(/催办市交通运输局/).fill('请尽快创建年度报告。');
    await page.getByRole('button', { name: '发送催办' }).click();
    await record.locator('tr', { hasText: '请尽快创建年度报告。' }).getByText('未读').waitFor();
    expect(await record.locator('tbody tr').count()).toBe(2);

    await page.getByRole('link', { name: '某某市人民政府' }).click();
    await page.getByRole('heading', { name: '某某市人民政府', level: 2 }).waitFor();
    await page.getByRole('link', { name: `← 返回 ${YEAR} 年度各单位进度` }).click();
    await row('市司法局').waitFor();
    expect(await page.getByLabel('报告年度').inputValue()).toBe(String(YEAR));
    // A row with a report opens the report's review screen instead.
    await expect(row('市司法局').getByRole('link', { name: '市司法局' }).getAttribute('href')).resolves.toMatch(/^#\/report\//);
  });
});
