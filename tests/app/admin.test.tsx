// @vitest-environment jsdom
// Against the real server: the administrator renames and moves an agency (a move that would make a
// cycle is refused with the server's message), changes an account's role and agency; any user
// changes their own password from the header and signs in with the new one.

import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../../src/app/data/api.ts';
import { ApiClient } from '../../src/app/data/api-client.ts';
import { ADMIN, AGENCY, cookieFetch, PASSWORD, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

async function agencyIds(admin: ApiClient) {
  const agencies = await admin.agencies();
  const id = (name: string) => agencies.find((a) => a.name === name)!.id;
  return { agencies, id };
}

/** The agencies table's row for `name`, as text cells: name, kind, parent. */
function agencyRow(name: string) {
  const table = screen.getByRole('table', { name: '单位' });
  return within(table).getByRole('rowheader', { name }).closest('tr')!;
}

describe('administration', () => {
  it('renames an agency, changes its kind and moves it under another; a cycle is refused with the server’s message', async () => {
    const user = userEvent.setup();
    const admin = await world.store(ADMIN);
    const gov = world.ids.government;
    await admin.createAgency({ name: '测试市甲局', kind: 'department', parentId: gov });
    await admin.createAgency({ name: '测试市乙局', kind: 'department', parentId: gov });
    await admin.createAgency({ name: '测试市丙局', kind: 'department', parentId: gov });
    renderApp(admin);

    await user.click(await screen.findByRole('button', { name: '修改单位：测试市甲局' }));
    const form = screen.getByRole('form', { name: '修改单位：测试市甲局' });
    // The agency itself cannot be its own parent, so it is not offered.
    expect(
      within(form)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).not.toContain('　测试市甲局');
    await user.clear(within(form).getByLabelText('单位全称'));
    await user.type(within(form).getByLabelText('单位全称'), '测试市甲区人民政府');
    await user.selectOptions(within(form).getByLabelText('类别'), '人民政府');
    await user.selectOptions(within(form).getByLabelText('上级单位'), '　测试市乙局');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    const ask = screen.getByRole('alertdialog', { name: '移动单位“测试市甲局”？' });
    expect(ask.textContent).toContain(`上级单位将由“${world.government}”改为“测试市乙局”`);
    await user.click(within(ask).getByRole('button', { name: '确认移动' }));

    await screen.findByRole('rowheader', { name: '测试市甲区人民政府' });
    expect(agencyRow('测试市甲区人民政府').textContent).toBe('测试市甲区人民政府人民政府测试市乙局修改');
    const { agencies, id } = await agencyIds(admin);
    expect(agencies.find((a) => a.name === '测试市甲区人民政府')).toMatchObject({ kind: 'government', parentId: id('测试市乙局') });

    // Someone else moves 乙局 under 丙局 meanwhile; this screen, not knowing, tries to put 丙局 under 乙局.
    await (await world.store(ADMIN)).updateAgency(id('测试市乙局'), { parentId: id('测试市丙局') });
    await user.click(screen.getByRole('button', { name: '修改单位：测试市丙局' }));
    const stale = screen.getByRole('form', { name: '修改单位：测试市丙局' });
    await user.selectOptions(within(stale).getByLabelText('上级单位'), '　测试市乙局');
    await user.click(within(stale).getByRole('button', { name: '保存' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '确认移动' }));
    expect((await within(agencyRow('测试市丙局')).findByRole('alert')).textContent).toBe('上级单位不能是本单位或其下属单位');
    // The list is read again, so the screen now shows where 乙局 really is.
    await waitFor(() => expect(agencyRow('测试市乙局').textContent).toContain('测试市丙局'));
    expect((await agencyIds(admin)).agencies.find((a) => a.name === '测试市丙局')!.parentId).toBe(gov);
  });

  it('an account name already taken is refused as an error naming the field in Chinese', async () => {
    const user = userEvent.setup();
    renderApp(await world.store(ADMIN));
    const form = await screen.findByRole('form', { name: '新增账号' });
    await user.type(within(form).getByLabelText('用户名'), world.clerk);
    await user.type(within(form).getByLabelText('姓名'), '重名');
    await user.type(within(form).getByLabelText('初始密码'), PASSWORD);
    await user.click(within(form).getByRole('button', { name: '新增账号' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('用户名已被使用');
    expect(alert.classList.contains('form-error')).toBe(true);
  });

  it('a refused field is named as the form labels it, never by its English API name', async () => {
    const user = userEvent.setup();
    renderApp(await world.store('admin'));
    const form = await screen.findByRole('form', { name: '新增账号' });
    await user.type(within(form).getByLabelText('用户名'), 'newclerk');
    await user.type(within(form).getByLabelText('姓名'), '王新');
    await user.type(within(form).getByLabelText('初始密码'), 'short');
    await user.click(within(form).getByRole('button', { name: '新增账号' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('请求内容不符合要求：密码至少 10 个字符');
    expect(alert.textContent).not.toMatch(/[A-Za-z]/);
    expect(alert.classList.contains('form-error')).toBe(true);
  });

  it('changes an account’s role and agency after saying its sessions end', async () => {
    const user = userEvent.setup();
    const admin = await world.store(ADMIN);
    await admin.createUser({ username: 'promoted', displayName: '赵晋升', password: PASSWORD, role: 'clerk', agencyId: world.ids.agency });
    const promoted = await world.store('promoted');
    renderApp(admin);

    await user.click(await screen.findByRole('button', { name: '修改账号：promoted' }));
    const form = screen.getByRole('form', { name: '修改账号：promoted' });
    await user.selectOptions(within(form).getByLabelText('角色'), '审核员');
    await user.selectOptions(within(form).getByLabelText('所属单位'), world.government);
    await user.click(within(form).getByRole('button', { name: '保存' }));
    const ask = screen.getByRole('alertdialog', { name: '修改账号“promoted”？' });
    expect(ask.textContent).toBe(`修改账号“promoted”？角色：填报员 → 审核员所属单位：${AGENCY} → ${world.government}修改后该账号需重新登录。取消确认修改`);
    await user.click(within(ask).getByRole('button', { name: '确认修改' }));

    const row = (await screen.findByRole('rowheader', { name: 'promoted' })).closest('tr')!;
    await waitFor(() => expect(row.textContent).toContain(`赵晋升审核员${world.government}正常`));
    expect(within(row).getByRole('status').textContent).toBe('已修改，该账号需重新登录');
    expect((await admin.users()).find((u) => u.username === 'promoted')).toMatchObject({ role: 'reviewer', agencyId: world.ids.government });
    // The change ended the account's session.
    expect(await promoted.session()).toBeNull();
  });
});

describe('own password', () => {
  it('is changed from the header (new one typed twice, a wrong current one refused), then used to sign in', async () => {
    const user = userEvent.setup();
    const admin = await world.store(ADMIN);
    await admin.createUser({ username: 'changer', displayName: '钱改密', password: PASSWORD, role: 'clerk', agencyId: world.ids.agency });
    const store = await world.store('changer');
    renderApp(store);
    const NEW = 'a-new-password-2025';

    await user.click(await screen.findByRole('button', { name: '修改密码' }));
    const dialog = screen.getByRole('dialog', { name: '修改密码' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('当前密码'));
    await user.type(within(dialog).getByLabelText('当前密码'), 'not-the-password');
    await user.type(within(dialog).getByLabelText('新密码'), NEW);
    await user.type(within(dialog).getByLabelText('再次输入新密码'), `${NEW}x`);
    await user.click(within(dialog).getByRole('button', { name: '修改密码' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('两次输入的新密码不一致');

    await user.type(within(dialog).getByLabelText('再次输入新密码'), '{Backspace}');
    await user.click(within(dialog).getByRole('button', { name: '修改密码' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('当前密码不正确');

    await user.clear(within(dialog).getByLabelText('当前密码'));
    await user.type(within(dialog).getByLabelText('当前密码'), PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: '修改密码' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('密码已修改');
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    // The old password no longer signs in; the new one does, through the sign-in screen.
    await expect(new ApiClient(new Api(world.base, cookieFetch())).signIn('changer', PASSWORD)).rejects.toThrow('用户名或密码不正确');
    await user.click(screen.getByRole('button', { name: '退出登录' }));
    await user.type(await screen.findByLabelText('用户名'), 'changer');
    await user.type(screen.getByLabelText('密码'), NEW);
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByText(/钱改密（填报员/)).textContent).toContain(AGENCY);
  });
});
