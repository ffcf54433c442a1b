// @vitest-environment jsdom
// The reviewer's screens against the real server: a review comment's thread (the clerk answers a cell
// comment from the cell bar, the reviewer answers back from the comments list; replies show in order
// with author and time; resolving still works), and the confirmations of 审核通过, 发布 (with its
// progress text) and 重新打开 (with its reason, kept in the audit log).

import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlankDocument } from '../../src/core/index.ts';
import { cleanDocument } from '../support/documents.ts';
import { cell, createReport, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

describe('comment replies', () => {
  it('clerk and reviewer reply in one thread, in order, with author and time', async () => {
    const user = userEvent.setup();
    const clerk = await world.store();
    const reviewer = await world.store(world.reviewer);
    const record = await createReport(clerk, createBlankDocument({ agency: '测试市交通运输局', year: 2024 }));
    const id = record.report.id;
    await reviewer.addComment(id, { cell: 't3.granted.natural' }, '予以公开数与台账不符');

    // The clerk focuses the commented cell: the cell bar offers a reply, which floats below it.
    renderApp(clerk, `#/report/${id}/requests`);
    await screen.findByRole('heading', { level: 2, name: /^三、/ });
    await waitFor(() => expect(cell('t3.granted.natural').classList.contains('commented')).toBe(true));
    await user.click(cell('t3.granted.natural'));
    const bar = document.querySelector<HTMLElement>('.cell-bar')!;
    expect(bar.textContent).toContain('审核意见（李审核）：予以公开数与台账不符');
    await user.click(within(bar).getByRole('button', { name: '回复' }));
    const thread = within(bar).getByRole('group', { name: /的审核意见及回复$/ });
    await user.type(within(thread).getByRole('textbox', { name: /^回复“.*”的意见$/ }), '台账另有 2 件为部分公开');
    await user.click(within(thread).getByRole('button', { name: '发送回复' }));
    await within(bar).findByRole('button', { name: '1 条回复 · 回复' });
    expect(within(bar).queryByRole('group')).toBeNull();
    // Opening it again shows the thread.
    await user.click(within(bar).getByRole('button', { name: '1 条回复 · 回复' }));
    expect(within(bar).getByRole('list', { name: '回复' }).textContent).toMatch(/^张填报 · \d\d\/\d\d \d\d:\d\d台账另有 2 件为部分公开$/);
    cleanup();

    // The reviewer sees the answer under the comment and replies; then resolves it, keeping the thread.
    renderApp(reviewer, `#/report/${id}/requests`);
    const item = (await screen.findByRole('button', { name: /^回复：.*的意见$/ })).closest('li')!;
    await within(item as HTMLElement).findByText('台账另有 2 件为部分公开');
    await user.click(within(item as HTMLElement).getByRole('button', { name: /^回复：/ }));
    await user.type(within(item as HTMLElement).getByRole('textbox', { name: /^回复/ }), '请改在（三）部分公开一行');
    await user.click(within(item as HTMLElement).getByRole('button', { name: '发送回复' }));
    const replies = () =>
      within(item as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent!.replace(/ · \d\d\/\d\d \d\d:\d\d/, ''));
    await waitFor(() => expect(replies()).toEqual(['张填报台账另有 2 件为部分公开', '李审核请改在（三）部分公开一行']));
    await user.click(within(item as HTMLElement).getByRole('button', { name: /^标记为已处理：/ }));
    await waitFor(async () => expect((await reviewer.comments(id))[0]!.resolvedAt).not.toBeNull());
    const stored = (await reviewer.comments(id))[0]!;
    expect(stored.replies.map((r) => [r.author.displayName, r.body])).toEqual([
      ['张填报', '台账另有 2 件为部分公开'],
      ['李审核', '请改在（三）部分公开一行'],
    ]);
  });
});

describe("the reviewer's steps", () => {
  it('审核通过 and 发布 ask first, publishing says what it is doing, 重新打开 needs a reason kept in the audit log', async () => {
    const user = userEvent.setup();
    const clerk = await world.store();
    const reviewer = await world.store(world.reviewer);
    const record = await createReport(clerk, cleanDocument('测试市交通运输局', 2024));
    const id = record.report.id;
    await clerk.transition(id, 'submit', record.report.head);
    renderApp(reviewer, `#/report/${id}/check`);
    const status = () => document.querySelector('.workflow-bar [data-status]')!.getAttribute('data-status');

    await user.click(await screen.findByRole('button', { name: '审核通过' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '审核通过' })).getByRole('button', { name: '取消' }));
    expect((await reviewer.get(id)).report.status).toBe('submitted');
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '审核通过' })).getByRole('button', { name: '确认审核通过' }));
    await waitFor(() => expect(status()).toBe('approved'));

    await user.click(screen.getByRole('button', { name: '发布' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '发布' })).getByRole('button', { name: '确认发布' }));
    // Rendering the files takes a while; meanwhile the page says so.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('正在发布：生成 PDF、DOCX 和 JSON 文件并保存，请稍候…');
    await waitFor(() => expect(status()).toBe('published'));

    await user.click(screen.getByRole('button', { name: '重新打开…' }));
    const confirm = screen.getByRole('button', { name: '确认重新打开' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(screen.getByLabelText('重新打开的原因（记入操作记录）'), '更正表三中的笔误');
    await user.click(confirm);
    await waitFor(() => expect(status()).toBe('draft'));
    expect((await reviewer.audit(id)).filter((e) => e.action === 'reopen').map((e) => e.detail.message)).toEqual(['更正表三中的笔误']);
  });
});
