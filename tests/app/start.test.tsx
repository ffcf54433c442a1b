// @vitest-environment jsdom
// Signing in and the clerk's start screen against the real server: the agency's reports with
// status and finding counts, a new report (blank, or from last year's file, with what the importer
// could not read and last year's findings shown), a second report for the same year refused.

import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../../src/app/data/api.ts';
import { ApiClient } from '../../src/app/data/api-client.ts';
import { createBlankDocument } from '../../src/core/index.ts';
import { publishedText } from '../import/generate.ts';
import { consistentDocument } from '../support/documents.ts';
import { AGENCY, cell, cookieFetch, createReport, PASSWORD, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();
const thisYear = new Date().getFullYear();

function lastYearFile() {
  const last = createBlankDocument({ agency: '某某市交通运输局', year: 2023, kind: 'department' });
  last.cells['t3.carriedOut.natural'] = 4;
  last.cells['t3.carriedOut.business'] = 1;
  last.prose.problems = '部分信息发布不够及时。';
  last.contact.phone = '0000-7654321';
  return new File([JSON.stringify(last)], '2023年报.json', { type: 'application/json' });
}

describe('start screen', () => {
  it("asks to sign in, says why a sign-in failed, and shows the agency's reports after it", async () => {
    const user = userEvent.setup();
    renderApp(new ApiClient(new Api(world.base, cookieFetch())));
    await screen.findByRole('heading', { name: '登录' });
    await user.type(screen.getByLabelText('用户名'), world.clerk);
    await user.type(screen.getByLabelText('密码'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码不正确');
    await user.clear(screen.getByLabelText('密码'));
    await user.type(screen.getByLabelText('密码'), PASSWORD);
    await user.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('heading', { name: '本单位的报告' });
    expect(screen.getByText(`张填报（填报员 · ${AGENCY}）`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '退出登录' }));
    await screen.findByRole('heading', { name: '登录' });
  });

  it("creates a blank report for the clerk's agency and opens it at the cover; the same year again is refused", async () => {
    const user = userEvent.setup();
    const store = await world.store();
    renderApp(store);
    await screen.findByText(`发布机关：${AGENCY}`);
    await user.selectOptions(screen.getByLabelText('报告年度'), String(thisYear - 3));
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    await screen.findByRole('heading', { name: '封面与前言' });
    const mine = (await store.list()).find((r) => r.year === thisYear - 3);
    expect(mine).toMatchObject({ agency: { name: AGENCY }, status: 'draft', statusLabel: '草稿', head: 1 });
    expect((screen.getByLabelText('机关全称') as HTMLInputElement).value).toBe(AGENCY);

    cleanup();
    renderApp(store);
    await user.selectOptions(await screen.findByLabelText('报告年度'), String(thisYear - 3));
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    const alert = await within(screen.getByRole('form', { name: '新建年度报告' })).findByRole('alert');
    expect(alert.textContent).toContain(`本单位 ${thisYear - 3} 年度的报告已存在`);
    expect(within(alert).getByRole('link', { name: '打开这份报告' }).getAttribute('href')).toBe(`#/report/${mine!.id}/cover`);
  });

  it('a published file with a row that could not be read: "N 项无法核验", not an error', async () => {
    const seed = { results: Array.from({ length: 21 }, (_, k) => k % 3), carriedIn: 1, carriedOut: 2 };
    const doc = consistentDocument(
      {
        t3: Array.from({ length: 6 }, () => seed),
        t4: [
          [1, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        t2: Array(9).fill(0),
        fee: 0,
      },
      2023,
    );
    // The row 1.属于国家秘密 lost from the file: its seven cells are unknown, not 0.
    const text = publishedText(doc, { layout: 'tab' })
      .split('\n')
      .filter((l) => !l.includes('属于国家秘密'))
      .join('\n');
    const user = userEvent.setup();
    renderApp(await world.store());
    await user.click(await screen.findByLabelText('以上年报告文件为基础'));
    await user.upload(screen.getByLabelText('上年报告文件'), new File([text], '2023年报.txt', { type: 'text/plain' }));
    await screen.findByText(/^已读取：/);
    // Seven column sums and the row's own total.
    expect(screen.getByText('8 项无法核验（所需单元格未能读取，不算作错误）')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '无法核验的项目' })).getAllByRole('listitem')[0]!.textContent).toMatch(/未能读取三、（三）1\.属于国家秘密·/);
    expect(screen.queryByText(/上年报告本身的校验结果：[1-9]\d* 个错误/)).toBeNull();
  });

  it('defaults to the earliest year whose deadline has not passed, and offers no year not yet begun', async () => {
    // Only the clock's date is set; timers stay real.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 1, 10) });
    try {
      renderApp(await world.store());
      const year = (await screen.findByLabelText('报告年度')) as HTMLSelectElement;
      // 2025's deadline (31 January 2026) has passed for a department: 2026 is the year at work.
      expect(year.value).toBe('2026');
      expect([...year.options].map((o) => Number(o.value)).every((y) => y <= 2026)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("starts from last year's file: carry-over prefilled and marked, prose marked as last year's draft", async () => {
    const user = userEvent.setup();
    const store = await world.store();
    renderApp(store);
    await user.click(await screen.findByLabelText('以上年报告文件为基础'));
    await user.upload(screen.getByLabelText('上年报告文件'), lastYearFile());
    await screen.findByText('已读取：某某市交通运输局 2023 年报告');
    // Another agency's file: said before anything is created.
    expect(screen.getByRole('alert').textContent).toContain(`这份文件是「某某市交通运输局」的报告，不是本单位（${AGENCY}）的`);
    // Last year's own findings are listed before anything is created.
    expect(screen.getByText(/上年报告本身的校验结果：\d+ 个错误/)).toBeTruthy();
    expect((screen.getByLabelText('报告年度') as HTMLSelectElement).value).toBe('2024');
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    await screen.findByRole('heading', { name: '封面与前言' });
    const summary = (await store.list()).find((r) => r.year === 2024)!;
    const record = await store.get(summary.id);
    expect(record.document.cells['t3.carriedIn.natural']).toBe(4);
    expect(record.document.agency.name).toBe(AGENCY);
    // Its cover is the clerk's agency's: signature and contact details are not the file's.
    expect(record.document.publication.signatory).toBe(AGENCY);
    expect(record.document.contact.phone).toBe('');

    window.location.hash = `#/report/${summary.id}/requests`;
    await screen.findByRole('heading', { name: /^三、/ });
    expect(cell('t3.carriedIn.natural').value).toBe('4');
    expect(cell('t3.carriedIn.natural').classList.contains('carried')).toBe(true);

    window.location.hash = `#/report/${summary.id}/problems`;
    await screen.findByText(/以下是上年报告的原文/);
    const text = document.querySelector<HTMLTextAreaElement>('[data-prose="problems"]')!;
    expect(text.value).toBe('部分信息发布不够及时。');
    await user.type(text, '本年已整改。');
    expect(screen.queryByText(/以下是上年报告的原文/)).toBeNull();
  });

  it('shows why a file cannot be read', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderApp(await world.store());
    await user.click(await screen.findByLabelText('以上年报告文件为基础'));
    await user.upload(screen.getByLabelText('上年报告文件'), new File(['{"schemaVersion": 1}'], '坏文件.json'));
    expect((await within(screen.getByRole('form', { name: '新建年度报告' })).findByRole('alert')).textContent).toMatch(/^不是有效的年报文档/);
  });

  it("lists the reports with status, revision and finding counts, and offers next year's", async () => {
    const store = await world.store();
    const doc = createBlankDocument({ agency: AGENCY, year: 2024 });
    doc.cellText['t3.new.natural'] = '五';
    const record = await createReport(store, doc);
    renderApp(store);
    const row = (await screen.findByRole('button', { name: `新建${record.report.year + 1}年：以 ${record.report.year} 年报告为上年报告` })).closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 2)).toEqual([String(record.report.year), '草稿']);
    expect(cells[3]).toBe('1');
    await within(row).findByText('1', { selector: '.num.error' });
  });
});
