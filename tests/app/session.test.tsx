// @vitest-environment jsdom
// The editor when the server says no: the session ended (401) → sign in again, and the edits kept
// in this browser are saved after it; the report was submitted elsewhere (409 not_editable) → the
// editor turns read-only and says why.

import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../../src/app/data/api.ts';
import { ApiClient } from '../../src/app/data/api-client.ts';
import { readPending, writePending } from '../../src/app/data/pending.ts';
import { createBlankDocument } from '../../src/core/index.ts';
import { freePort } from '../server/support/postgres.ts';
import { cleanDocument } from '../support/documents.ts';
import { cell, cookieFetch, createReport, PASSWORD, renderApp, withAppServer } from './render-app.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
const world = withAppServer();

describe('editor and session', () => {
  it('says when the server cannot be reached at start, and that edits kept in this browser are safe', async () => {
    writePending('r1', { baseRevision: 1, document: createBlankDocument({ agency: '测试局', year: 2024 }), at: new Date().toISOString() });
    renderApp(new ApiClient(new Api(`http://127.0.0.1:${await freePort()}`, cookieFetch())));
    expect((await screen.findByRole('heading', { name: '无法连接年报服务器' })).closest('[role="alert"]')!.textContent).toContain('本机暂存有 1 份报告的未保存修改');
  });

  it('asks to sign in again when the session has ended, and then saves what was typed', async () => {
    const user = userEvent.setup();
    const store = await world.store();
    const record = await createReport(store, createBlankDocument({ agency: '测试市交通运输局', year: 2024 }));
    const id = record.report.id;
    const { client } = renderApp(store, `#/report/${id}/requests`);
    await screen.findByRole('heading', { level: 2, name: /^三、/ });
    // The editor's own requests are answered first: one still in flight would meet the ended session
    // before the clerk types, and the sign-in would show with nothing typed.
    await waitFor(() => expect(client.isFetching() + client.isMutating()).toBe(0));
    // The session ends on the server (signed out in another tab, expired, password reset).
    await store.api.request('DELETE', '/api/session');
    await user.type(cell('t3.new.natural'), '6');
    await screen.findByRole('heading', { name: '登录' });
    expect(readPending(id)?.document.cells['t3.new.natural']).toBe(6);
    await user.type(screen.getByLabelText('用户名'), world.clerk);
    await user.type(screen.getByLabelText('密码'), PASSWORD);
    await user.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('heading', { level: 2, name: /^三、/ });
    expect(cell('t3.new.natural').value).toBe('6');
    await waitFor(async () => expect((await store.get(id)).document.cells['t3.new.natural']).toBe(6));
    expect(readPending(id)).toBeNull();
  });

  it('turns read-only, saying why, when the report was submitted from elsewhere', async () => {
    const user = userEvent.setup();
    const store = await world.store();
    const record = await createReport(store, cleanDocument('测试市交通运输局', 2024));
    const id = record.report.id;
    renderApp(store, `#/report/${id}/requests`);
    await screen.findByRole('heading', { level: 2, name: /^三、/ });
    const elsewhere = await world.store();
    await elsewhere.transition(id, 'submit', record.report.head);
    await user.clear(cell('t3.new.natural'));
    await user.type(cell('t3.new.natural'), '3');
    await screen.findByText('已提交审核：审核期间不能修改；如需修改，请先撤回提交。', {});
    expect(cell('t3.new.natural').readOnly).toBe(true);
    // What was typed is not lost: it waits in this browser, and the clerk is told so.
    expect(readPending(id)?.document.cells['t3.new.natural']).toBe(3);
    expect(screen.getByText(/本机暂存有未能保存的修改/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '撤回提交' })).toBeTruthy();
  });

  it('submitting asks first and lists the warnings still open; a cover without 成文日期 is refused, naming it', async () => {
    const user = userEvent.setup();
    const store = await world.store();
    const bare = cleanDocument('测试市交通运输局', 2024);
    bare.publication.date = null;
    const record = await createReport(store, bare);
    renderApp(store, `#/report/${record.report.id}/check`);
    await user.click(await screen.findByRole('button', { name: '提交审核' }));
    const dialog = screen.getByRole('alertdialog', { name: '提交审核' });
    expect(within(dialog).getByText(/联系方式均未填写/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect((await store.get(record.report.id)).report.status).toBe('draft');
    await user.click(screen.getByRole('button', { name: '提交审核' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '提交审核' })).getByRole('button', { name: '确认提交审核' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('不能提交审核');
    expect(refusal.textContent).toContain('成文日期未填写');
    expect((await store.get(record.report.id)).report.status).toBe('draft');
  });
});
