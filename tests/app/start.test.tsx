// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createBlankDocument } from '../../src/core/index.ts';
import { MemoryReportStore } from '../../src/app/data/memory-store.ts';
import { cell, renderApp } from './render-app.tsx';

afterEach(cleanup);

function lastYearFile() {
  const last = createBlankDocument({ agency: '某某市交通运输局', year: 2023, kind: 'department' });
  last.cells['t3.carriedOut.natural'] = 4;
  last.cells['t3.carriedOut.business'] = 1;
  last.prose.problems = '部分信息发布不够及时。';
  return new File([JSON.stringify(last)], '2023年报.json', { type: 'application/json' });
}

describe('start screen', () => {
  it('warns that nothing will be kept when the browser offers no storage', async () => {
    renderApp(new MemoryReportStore());
    expect((await screen.findByText(/关闭或刷新页面后，填写的内容会丢失/)).getAttribute('role')).toBe('alert');
  });

  it('creates a blank report and opens it at the cover', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    await screen.findByText(/还没有报告/);
    await user.type(screen.getByLabelText('机关全称'), '某某市交通运输局');
    await user.selectOptions(screen.getByLabelText('报告年度'), String(new Date().getFullYear() - 2));
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    await screen.findByRole('heading', { name: '封面与前言' });
    const [summary] = await store.list();
    expect(summary).toMatchObject({ agency: '某某市交通运输局', year: new Date().getFullYear() - 2, status: 'draft' });
  });

  it('refuses to create a report without an agency name, in Chinese', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: '创建并开始填写' }));
    expect(within(screen.getByRole('form', { name: '新建年度报告' })).getByRole('alert').textContent).toBe('请填写机关全称');
  });

  it('starts from last year\'s file: carry-over prefilled and marked, prose marked as last year\'s draft', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    await user.click(await screen.findByLabelText('以上年报告为基础'));
    await user.upload(screen.getByLabelText('上年报告文件'), lastYearFile());
    await screen.findByText('已读取：某某市交通运输局 2023 年报告');
    expect((screen.getByLabelText('报告年度') as HTMLSelectElement).value).toBe('2024');
    await user.click(screen.getByRole('button', { name: '创建并开始填写' }));
    await screen.findByRole('heading', { name: '封面与前言' });
    const [summary] = await store.list();
    const record = await store.get(summary!.id);
    expect(record.previous?.year).toBe(2023);
    expect(record.document.cells['t3.carriedIn.natural']).toBe(4);

    window.location.hash = `#/report/${summary!.id}/requests`;
    await screen.findByRole('heading', { name: /^三、/ });
    expect(cell('t3.carriedIn.natural').value).toBe('4');
    expect(cell('t3.carriedIn.natural').classList.contains('carried')).toBe(true);

    window.location.hash = `#/report/${summary!.id}/problems`;
    await screen.findByText(/以下是上年报告的原文/);
    const text = document.querySelector<HTMLTextAreaElement>('[data-prose="problems"]')!;
    expect(text.value).toBe('部分信息发布不够及时。');
    await user.type(text, '本年已整改。');
    expect(screen.queryByText(/以下是上年报告的原文/)).toBeNull();
  });

  it('shows why a file cannot be read', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderApp();
    await user.click(await screen.findByLabelText('以上年报告为基础'));
    await user.upload(screen.getByLabelText('上年报告文件'), new File(['{"schemaVersion": 1}'], '坏文件.json'));
    expect((await within(screen.getByRole('form', { name: '新建年度报告' })).findByRole('alert')).textContent).toMatch(/^不是有效的年报文档/);
  });

  it('lists, duplicates and (after confirmation) deletes reports', async () => {
    const user = userEvent.setup();
    const store = new MemoryReportStore();
    const doc = createBlankDocument({ agency: '某某县民政局', year: 2024 });
    doc.cellText['t3.new.natural'] = '五';
    await store.create({ document: doc, previous: null });
    renderApp(store);
    const row = (await screen.findByRole('rowheader', { name: '某某县民政局' })).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent).slice(0, 2)).toEqual(['2024', '草稿']);
    expect(within(row).getAllByRole('cell')[3]!.textContent).toBe('1');
    await user.click(within(row).getByRole('button', { name: /^复制/ }));
    await waitFor(() => expect(screen.getAllByRole('rowheader', { name: '某某县民政局' })).toHaveLength(2));
    await user.click(screen.getAllByRole('button', { name: /^删除/ })[0]!);
    const dialog = screen.getByRole('alertdialog', { name: '删除报告' });
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(await store.list()).toHaveLength(2);
    await user.click(screen.getAllByRole('button', { name: /^删除/ })[0]!);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.getAllByRole('rowheader', { name: '某某县民政局' })).toHaveLength(1));
    expect(await store.list()).toHaveLength(1);
  });
});
