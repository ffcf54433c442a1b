// @vitest-environment jsdom
// Against the real server: deleting a draft from the report list (confirmation naming agency and
// year, refused from a stale list), and an agency's first year — this year's report created from
// last year's published text, which then serves as last year's report (上年结转 checked against it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanDocument } from '../support/documents.ts';
import { AGENCY, cell, createReport, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

describe('deleting a draft', () => {
  it('asks first, naming agency and year; deletes only a never-submitted draft', async () => {
    const user = userEvent.setup();
    const store = await world.store();
    const draft = await createReport(store, cleanDocument(AGENCY, 2000));
    const submitted = await createReport(store, cleanDocument(AGENCY, 2000));
    await store.transition(submitted.report.id, 'submit', submitted.report.head);
    const year = draft.report.year;
    renderApp(store);

    const button = await screen.findByRole('button', { name: `删除 ${year} 年报告` });
    expect(screen.queryByRole('button', { name: `删除 ${submitted.report.year} 年报告` })).toBeNull();
    await user.click(button);
    const dialog = screen.getByRole('alertdialog', { name: '删除报告' });
    expect(dialog.textContent).toContain(`删除“${AGENCY} ${year} 年度报告”（草稿，共 1 版）？删除后无法恢复。`);
    // Enter alone does not delete: focus starts on 取消.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '取消' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await store.list()).map((r) => r.id)).toContain(draft.report.id);

    await user.click(screen.getByRole('button', { name: `删除 ${year} 年报告` }));
    await user.click(within(screen.getByRole('alertdialog', { name: '删除报告' })).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: `删除 ${year} 年报告` })).toBeNull());
    expect(screen.queryByRole('cell', { name: String(year) })).toBeNull();
    expect((await store.list()).map((r) => r.id)).not.toContain(draft.report.id);
    await expect(store.get(draft.report.id)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses from a stale list (someone saved since) and shows why', async () => {
    const user = userEvent.setup();
    const store = await world.store();
    const draft = await createReport(store, cleanDocument(AGENCY, 2000));
    renderApp(store);
    const button = await screen.findByRole('button', { name: `删除 ${draft.report.year} 年报告` });
    // Another tab saves after the list was read.
    await (await world.store()).save(draft.report.id, { ...draft.document, closing: '联系电话：0000' }, 1);
    await user.click(button);
    await user.click(within(screen.getByRole('alertdialog', { name: '删除报告' })).getByRole('button', { name: '删除' }));
    expect((await screen.findByRole('alert')).textContent).toBe('报告已更新为第 2 版，请查看最新内容后再删除');
    expect((await store.get(draft.report.id)).report.head).toBe(2);
  });
});

describe("an agency's first year: last year's report only as a published file", () => {
  it("creates 2023 from the 2022 text; the file is last year's report and a changed 上年结转 is flagged", async () => {
    const user = userEvent.setup();
    const store = await world.store();
    renderApp(store);
    await user.click(await screen.findByLabelText('以上年报告文件为基础'));
    const bytes = readFileSync(resolve(import.meta.dirname, '../../seeds/2022-zhongwei-spfw.txt'));
    await user.upload(screen.getByLabelText('上年报告文件'), new File([bytes], '2022-zhongwei-spfw.txt', { type: 'text/plain' }));
    await screen.findByText('已读取：中卫市审批服务管理局 2022 年报告', undefined);
    expect((screen.getByLabelText('报告年度') as HTMLSelectElement).value).toBe('2023');
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    await screen.findByRole('heading', { name: '封面与前言' });

    const summary = (await store.list()).find((r) => r.year === 2023)!;
    const record = await store.get(summary.id);
    expect(record.previous).toMatchObject({ source: 'uploaded', fileName: '2022-zhongwei-spfw.txt', document: { year: 2022, agency: { name: '中卫市审批服务管理局' } } });
    expect(record.previous!.document.cells['t3.carriedOut.natural']).toBe(0);

    window.location.hash = `#/report/${summary.id}/requests`;
    await screen.findByRole('heading', { name: /^三、/ });
    expect(screen.getByText('上年报告：已上传的文件（2022-zhongwei-spfw.txt）')).toBeTruthy();
    const carriedIn = cell('t3.carriedIn.natural');
    expect(carriedIn.value).toBe('0');
    expect(carriedIn.classList.contains('warning')).toBe(false);
    await user.clear(carriedIn);
    await user.type(carriedIn, '3');
    // Carried on to next year as well, so the balance holds and only the cross-year check speaks.
    await user.clear(cell('t3.carriedOut.natural'));
    await user.type(cell('t3.carriedOut.natural'), '3');
    // Marks are drawn the frame after the typed text.
    await waitFor(() => {
      expect(cell('t3.carriedOut.natural').classList.contains('error')).toBe(false);
      expect(carriedIn.classList.contains('warning')).toBe(true);
    });
    const message = document.getElementById(carriedIn.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toContain('三、二、上年结转·自然人 应为 0（上年报告“三、四、结转下年度·自然人”），实为 3');

    window.location.hash = `#/report/${summary.id}/check`;
    await screen.findByText('上年报告：已上传的文件（2022-zhongwei-spfw.txt）');
  });

  it("a file of another year is still a starting point, but not last year's report", async () => {
    const user = userEvent.setup();
    const store = await world.store();
    renderApp(store);
    await user.click(await screen.findByLabelText('以上年报告文件为基础'));
    const bytes = readFileSync(resolve(import.meta.dirname, '../../seeds/2022-zhongwei-spfw.txt'));
    await user.upload(screen.getByLabelText('上年报告文件'), new File([bytes], '2022.txt', { type: 'text/plain' }));
    await screen.findByText('已读取：中卫市审批服务管理局 2022 年报告', undefined);
    await user.selectOptions(screen.getByLabelText('报告年度'), '2025');
    expect(screen.getByText(/上年报告文件是 2022 年度的，不是 2024 年度/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    await screen.findByRole('heading', { name: '封面与前言' });
    const summary = (await store.list()).find((r) => r.year === 2025)!;
    expect((await store.get(summary.id)).previous).toBeNull();
  });
});
