// @vitest-environment jsdom

import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlankDocument, type ReportDocument } from '../../src/core/index.ts';
import { cell, createReport, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

async function open(step: string, doc: ReportDocument) {
  const store = await world.store();
  const record = await createReport(store, doc);
  renderApp(store, `#/report/${record.report.id}/${step}`);
  await screen.findByRole('navigation', { name: '报告章节' });
  return { store, id: record.report.id, year: record.report.year };
}

describe('editor steps', () => {
  it('checks numbers in the prose against the tables, inline', async () => {
    const user = userEvent.setup();
    const doc = createBlankDocument({ agency: '测试市测试局', year: 2024 });
    doc.cells['t3.new.natural'] = 3;
    await open('overview', doc);
    const field = screen.getByRole('textbox', { name: '（二）依申请公开' });
    await user.type(field, '全年共收到政府信息公开申请5件。');
    // Checks are drawn the frame after the typed text.
    await waitFor(() => {
      const note = document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
      expect(note.textContent).toContain('但表中三、一、本年新收·总计 为 3');
    });
    expect(field.closest('.prose-field')!.querySelector('.char-count')!.textContent).toBe('16 字');
    await user.clear(field);
    await user.type(field, '全年共收到政府信息公开申请3件。');
    await waitFor(() => expect(screen.queryByText(/但表中三、一、本年新收·总计/)).toBeNull());
  });

  it('shows the statutory deadline for the agency kind and updates the title and preamble live', async () => {
    const user = userEvent.setup();
    const { year } = await open('cover', createBlankDocument({ agency: '测试市测试局', year: 2024 }));
    // The year is shown, not chosen: a report for another year is a new report.
    const shownYear = screen.getByLabelText('报告年度') as HTMLInputElement;
    expect(shownYear.tagName).toBe('INPUT');
    expect(shownYear.readOnly).toBe(true);
    expect(shownYear.value).toBe(`${year} 年`);
    expect(screen.getAllByText(new RegExp(`法定公布期限 ${year + 1}年1月31日`)).length).toBeGreaterThan(0);
    await user.click(screen.getByLabelText('人民政府'));
    expect(screen.getAllByText(new RegExp(`法定公布期限 ${year + 1}年3月31日`)).length).toBeGreaterThan(0);
    const name = screen.getByLabelText('机关全称');
    await user.clear(name);
    await user.type(name, '测试县人民政府');
    expect(screen.getByText(`测试县人民政府${year}年政府信息公开工作年度报告`)).toBeTruthy();
    await user.type(screen.getByLabelText('电话'), '0000-1234567');
    expect(screen.getByLabelText('标准前言预览').textContent).toContain('请与测试县人民政府联系（电话：0000-1234567）');
    await user.click(screen.getByLabelText('自行撰写'));
    const custom = screen.getByRole('textbox', { name: '前言' }) as HTMLTextAreaElement;
    expect(custom.value).toContain(`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`);
  });

  it('lists every finding by section on the final step and allows only a JSON draft while errors remain', async () => {
    const user = userEvent.setup();
    const doc = createBlankDocument({ agency: '测试市测试局', year: 2024 });
    doc.cells['t3.new.natural'] = 4;
    await open('check', doc);
    const all = screen.getByRole('region', { name: '全部校验结果' });
    expect(within(all).getByRole('heading', { name: /三、收到和处理政府信息公开申请情况/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出Word 文档（.docx）' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: '导出PDF（.pdf）' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: '导出草稿：年报文档（.json）' }).hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('article', { name: '报告预览' }).textContent).toContain('测试市测试局');
    await user.click(within(all).getByRole('button', { name: /三、自然人列/ }));
    await screen.findByRole('heading', { level: 2, name: /^三、/ });
    await waitFor(() => expect(document.activeElement).toBe(cell('t3.new.natural')));
  });
});
