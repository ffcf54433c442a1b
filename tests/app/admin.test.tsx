// @vitest-environment jsdom
// Against the real server: the administrator renames and moves an agency (a move that would make a
// cycle is refused with the server's message), changes an account's role and agency; any user
// changes their own password from the header and signs in with the new one.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportStore } from '../../src/app/data/store.ts';
import { Api } from '../../src/app/data/api.ts';
import { AGENCY, cookieFetch, PASSWORD, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

async function agencyIds(admin: ReportStore) {
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
    const admin = await world.store('admin');
    const gov = (await agencyIds(admin)).id('测试市人民政府');
    await admin.createAgency({ name: '测试市甲局', kind: 'department', parentId: gov });
    await admin.createAgency({ name: '测试市乙局', kind: 'department', parentId: gov });
    await admin.createAgency({ name: '测试市丙局', kind: 'department', parentId: gov });
    renderApp(admin);

    await user.click(await screen.findByRole('button', { name: '修改单位：测试市甲局' }));
    const form = screen.getByRole('form', { name: '修改单位：测试市甲局' });
    // The agency itself cannot be its own parent, so it is not offered.
    expect(within(form).getAllByRole('option').map((o) => o.textContent)).not.toContain('　测试市甲局');
    await user.clear(within(form).getByLabelText('单位全称'));
    await user.type(within(form).getByLabelText('单位全称'), '测试市甲区人民政府');
    await user.selectOptions(within(form).getByLabelText('类别'), '人民政府');
    await user.selectOptions(within(form).getByLabelText('上级单位'), '　测试市乙局');
    await user.click(within(form).getByRole('button', { name: '保存' }));
    const ask = screen.getByRole('alertdialog', { name: '移动单位“测试市甲局”？' });
    expect(ask.textContent).toContain('上级单位将由“测试市人民政府”改为“测试市乙局”');
    await user.click(within(ask).getByRole('button', { name: '确认移动' }));

    await screen.findByRole('rowheader', { name: '测试市甲区人民政府' });
    expect(agencyRow('测试市甲区人民政府').textContent).toBe('测试市甲区人民政府人民政府测试市乙局修改');
    const { agencies, id } = await agencyIds(admin);
    expect(agencies.find((a) => a.name === '测试市甲区人民政府')).toMatchObject({ kind: 'government', parentId: id('测试市乙局') });

    // Someone else moves 乙局 under 丙局 meanwhile; this screen, not knowing, tries to put 丙局 under 乙局.
    await (await world.store('admin')).updateAgency(id('测试市乙局'), { parentId: id('测试市丙局') });
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
});
