// @vitest-environment jsdom

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlankDocument } from '../../src/core/index.ts';
import { EXCEL_T3 } from '../support/excel.ts';
import { cell, createReport, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

async function openTable(step: string, previous?: ReturnType<typeof createBlankDocument>) {
  const store = await world.store();
  const record = await createReport(store, createBlankDocument({ agency: '测试市交通运输局', year: 2024 }), previous);
  renderApp(store, `#/report/${record.report.id}/${step}`);
  await screen.findByRole('heading', { level: 2, name: /^(二|三|四)、/ });
  return { store, id: record.report.id };
}

/** 本节无数据: the table's empty cells become 0, after the confirmation. */
async function zeroFill(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /本节无数据/ }));
  await user.click(within(screen.getByRole('alertdialog', { name: '本节无数据' })).getByRole('button', { name: /填入 0/ }));
}

describe('table 三 in the editor', () => {
  it('draws the official layout from the template: merged headers, labels verbatim, an input per cell', async () => {
    await openTable('requests');
    const table = screen.getByRole('table', { name: '表三' });
    expect(within(table).getByText('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）').closest('td')).toHaveProperty('colSpan', 3);
    expect(within(table).getByText('法人或其他组织').closest('th')).toHaveProperty('colSpan', 5);
    expect(within(table).getByText('三、本年度办理结果').closest('th')).toHaveProperty('rowSpan', 22);
    expect(table.querySelectorAll('input[data-cell]')).toHaveLength(175);
    expect(screen.getByRole('textbox', { name: '三、（五）2.重复申请·社会公益组织' }).getAttribute('data-cell')).toBe('t3.declined.repeated.publicInterest');
    expect(cell('t3.total.total').readOnly).toBe(true);
  });

  it('computes totals as the clerk types and marks a broken balance on its cells, in the list too', async () => {
    const user = userEvent.setup();
    await openTable('requests');
    await user.type(cell('t3.new.natural'), '5');
    await user.type(cell('t3.granted.natural'), '3');
    await user.type(cell('t3.granted.business'), '１');
    // Accepted full-width digits are shown normalised once the cell is left.
    expect(cell('t3.granted.business').value).toBe('１');
    // Totals are drawn the frame after the typed character.
    await waitFor(() => {
      expect(cell('t3.total.natural').value).toBe('3');
      expect(cell('t3.granted.total').value).toBe('4');
    });
    await user.tab();
    expect(cell('t3.granted.business').value).toBe('1');
    expect(cell('t3.new.total').value).toBe('5');
    // A half-filled table does not shout: its sums are 未填完 until the cells are filled.
    expect(cell('t3.new.natural').getAttribute('aria-invalid')).toBeNull();
    const list = screen.getByRole('region', { name: /本节校验/ });
    expect(within(list).getByText(/^\d+ 项合计未填完/)).toBeTruthy();
    await zeroFill(user);
    expect(within(list).queryByText(/项合计未填完/)).toBeNull();
    // 5 new, 3 handled, nothing carried over: the 自然人 column does not balance.
    const input = cell('t3.new.natural');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(input.getAttribute('aria-describedby')!)!;
    // Both sides, no single culprit suggested: the carry-over is not nudged to fit.
    expect(message.textContent).toContain('一、本年新收 + 二、上年结转 = 5，（七）总计 + 四、结转下年度 = 3，两者应相等');
    expect(message.textContent).not.toContain('应为');
    for (const id of ['t3.carriedIn.natural', 't3.total.natural', 't3.carriedOut.natural']) expect(cell(id).classList.contains('error')).toBe(true);
    // 自然人 and 商业企业 are off; the 总计 column only repeats their gaps and is not listed again.
    expect(
      within(list)
        .getAllByRole('button', { name: /两者应相等/ })
        .map((b) => /三、(\S+?)列/.exec(b.textContent!)![1]),
    ).toEqual(['自然人', '商业企业']);
    const item = within(list).getByRole('button', { name: /自然人列/ });
    await user.click(item);
    expect(document.activeElement).toBe(cell('t3.new.natural'));
    await user.clear(cell('t3.carriedOut.natural'));
    await user.type(cell('t3.carriedOut.natural'), '2');
    await waitFor(() => expect(cell('t3.new.natural').getAttribute('aria-invalid')).toBeNull());
    expect(within(list).queryByRole('button', { name: /自然人列/ })).toBeNull();
  });

  it("shows a cell's messages in the bar above the table, not over the grid", async () => {
    const user = userEvent.setup();
    await openTable('requests');
    await user.type(cell('t3.new.natural'), '5');
    // A half-filled table is 未填完, not wrong: fill the rest with 0 so that the balance is judged.
    await zeroFill(user);
    cell('t3.new.natural').focus();
    const message = document.getElementById(cell('t3.new.natural').getAttribute('aria-describedby')!)!;
    expect(message.classList.contains('visually-hidden')).toBe(true);
    expect(document.querySelector('.cell-bar')!.textContent).toContain('两者应相等');
  });

  it('points a broken balance at the one cell typed since the column last balanced', async () => {
    const user = userEvent.setup();
    await openTable('requests');
    await user.type(cell('t3.new.natural'), '5');
    await user.type(cell('t3.granted.natural'), '5');
    await zeroFill(user);
    expect(cell('t3.new.natural').getAttribute('aria-invalid')).toBeNull();
    await user.clear(cell('t3.granted.natural'));
    await user.type(cell('t3.granted.natural'), '4');
    const list = screen.getByRole('region', { name: /本节校验/ });
    const item = await within(list).findByRole('button', { name: /自然人列/ });
    expect(item.textContent).toContain('只改动了 三、（一）予以公开·自然人');
    cell('t3.new.natural').focus();
    await user.click(item);
    expect(document.activeElement).toBe(cell('t3.granted.natural'));
  });

  it('places a block copied with its header and row labels by label, and Ctrl+Z / Ctrl+Y undo and redo it', async () => {
    const user = userEvent.setup();
    await openTable('requests');
    await user.type(cell('t3.carriedIn.natural'), '7');
    cell('t3.granted.business').focus();
    fireEvent.paste(cell('t3.granted.business'), { clipboardData: { getData: () => EXCEL_T3 } });
    expect(cell('t3.new.natural').value).toBe('5');
    expect(cell('t3.carriedIn.natural').value).toBe('1');
    expect(cell('t3.granted.natural').value).toBe('3');
    expect(cell('t3.withheld.stateSecret.natural').value).toBe('1');
    // Labels and header text never land in number cells.
    expect([...document.querySelectorAll<HTMLInputElement>('input[data-cell]')].every((i) => /^\d*$/.test(i.value))).toBe(true);
    expect(screen.getByText(/^已按行标签粘贴 30 格（5 行），跳过表头 3 行/)).toBeTruthy();
    await user.keyboard('{Control>}z{/Control}');
    expect(cell('t3.new.natural').value).toBe('');
    expect(cell('t3.carriedIn.natural').value).toBe('7');
    expect(cell('t3.total.natural').value).toBe('');
    await user.keyboard('{Control>}y{/Control}');
    expect(cell('t3.new.natural').value).toBe('5');
    // Typing is undone per field: the 7 typed before the paste.
    await user.keyboard('{Control>}z{/Control}{Control>}z{/Control}');
    expect(cell('t3.carriedIn.natural').value).toBe('');
  });

  it('keeps invalid text visible with a Chinese message instead of dropping it', async () => {
    const user = userEvent.setup();
    await openTable('requests');
    await user.type(cell('t3.new.research'), '3.5');
    expect(cell('t3.new.research').value).toBe('3.5');
    // The typed cell's own mark is drawn with the other marks, the frame after the typed character.
    await waitFor(() => expect(cell('t3.new.research').getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('msg-t3.new.research')!.textContent).toContain('「3.5」：件数应为整数，不能有小数');
  });

  it('moves with arrow keys and Enter, and fills a pasted block from the focused cell', async () => {
    const user = userEvent.setup();
    await openTable('requests');
    cell('t3.new.natural').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('t3.carriedIn.natural'));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(cell('t3.granted.natural'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('t3.granted.business'));
    fireEvent.paste(cell('t3.granted.business'), { clipboardData: { getData: () => '1\t2\n3\t4\n' } });
    expect(cell('t3.granted.business').value).toBe('1');
    expect(cell('t3.granted.research').value).toBe('2');
    expect(cell('t3.partlyGranted.business').value).toBe('3');
    expect(cell('t3.partlyGranted.research').value).toBe('4');
    expect(cell('t3.total.business').value).toBe('4');
    expect(screen.getByText('已粘贴 4 格')).toBeTruthy();
  });

  it('本节无数据 fills only the empty cells with 0, after confirmation', async () => {
    const user = userEvent.setup();
    await openTable('appeals');
    await user.type(cell('t4.reconsideration.upheld'), '2');
    await user.click(screen.getByRole('button', { name: /本节无数据/ }));
    const dialog = screen.getByRole('alertdialog', { name: '本节无数据' });
    expect(dialog.textContent).toContain('11 个空格');
    await user.click(within(dialog).getByRole('button', { name: /填入 0/ }));
    expect(cell('t4.reconsideration.upheld').value).toBe('2');
    expect(cell('t4.reconsideration.corrected').value).toBe('0');
    expect(cell('t4.litigationAfterReconsideration.pending').value).toBe('0');
    expect(cell('t4.reconsideration.total').value).toBe('2');
  });

  it('the navigator does not call a full table with errors 已填写', async () => {
    const user = userEvent.setup();
    await openTable('requests');
    await user.click(screen.getByRole('button', { name: /本节无数据/ }));
    await user.click(within(screen.getByRole('alertdialog', { name: '本节无数据' })).getByRole('button', { name: /填入 0/ }));
    const nav = () => within(screen.getByRole('navigation', { name: '报告章节' })).getByRole('link', { name: /^三、/ }).textContent;
    expect(nav()).toContain('已填写');
    await user.clear(cell('t3.new.natural'));
    await user.type(cell('t3.new.natural'), '5');
    await waitFor(() => expect(nav()).toContain('填写中'));
    expect(nav()).not.toContain('已填写');
  });

  it('marks an empty cell 不适用 from the cell bar', async () => {
    const user = userEvent.setup();
    await openTable('proactive');
    await user.click(cell('t2.fees.amount'));
    await user.click(screen.getByRole('button', { name: '标记为不适用' }));
    expect(cell('t2.fees.amount').readOnly).toBe(true);
    expect(cell('t2.fees.amount').classList.contains('na')).toBe(true);
    await user.click(screen.getByRole('button', { name: '取消“不适用”' }));
    expect(cell('t2.fees.amount').readOnly).toBe(false);
  });

  it('"/" typed into an empty cell marks it 不适用, Backspace clears the mark; a pasted "/" does the same', async () => {
    const user = userEvent.setup();
    const { store, id } = await openTable('proactive');
    await user.type(cell('t2.penalty.decisions'), '/');
    expect(cell('t2.penalty.decisions').classList.contains('na')).toBe(true);
    expect(cell('t2.penalty.decisions').value).toBe('');
    await user.keyboard('{Backspace}');
    expect(cell('t2.penalty.decisions').classList.contains('na')).toBe(false);
    fireEvent.paste(cell('t2.regulations.issued'), { clipboardData: { getData: () => '/\t/\t/\n2\t0\t5' } });
    expect(cell('t2.regulations.inForce').classList.contains('na')).toBe(true);
    expect(cell('t2.normativeDocs.inForce').value).toBe('5');
    await waitFor(async () => expect((await store.get(id)).document.notApplicable).toEqual(['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.inForce']));
  });

  it("shows last year's value for the focused cell when a previous report exists", async () => {
    const user = userEvent.setup();
    const previous = createBlankDocument({ agency: '测试市交通运输局', year: 2023 });
    previous.cells['t3.new.natural'] = 17;
    await openTable('requests', previous);
    await user.click(cell('t3.new.natural'));
    expect(screen.getByText('上年：17')).toBeTruthy();
    expect(screen.getByText(/^上年报告：本系统中的上年报告（\d+ 年度，草稿，第 1 版）$/)).toBeTruthy();
  });

  it('saves what was typed through the store', async () => {
    const user = userEvent.setup();
    const { store, id } = await openTable('requests');
    await user.type(cell('t3.new.natural'), '7');
    await user.type(cell('t3.new.business'), 'x');
    await waitFor(async () => expect((await store.get(id)).document.cells['t3.new.natural']).toBe(7));
    const saved = (await store.get(id)).document;
    expect(saved.cellText).toEqual({ 't3.new.business': 'x' });
    expect(saved.cells['t3.new.total']).toBeNull();
    await waitFor(() => expect(document.querySelector('[data-save-state]')!.textContent).toMatch(/^已保存 \d\d:\d\d$/));
  });
});
