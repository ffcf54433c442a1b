// The 管理员's screen: agencies (a hierarchy: a government and its departments) and accounts —
// create an agency under a parent, rename or move it, create a user with a role and agency, change
// them, reset a password, disable an account; install the office's licensed fonts for the whole
// server. Enough for an office to run without curl.
import { type FormEvent, useId, useState } from 'react';
import { AGENCY_KIND_LABELS, type Agency, PASSWORD_MIN_LENGTH, ROLE_LABELS, type Role, type User } from '../../api/accounts.ts';
import type { AgencyKind } from '../../core/index.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { useConfirm } from '../confirm.tsx';
import { useAgencies, useCreateAgency, useCreateUser, useUpdateAgency, useUpdateUser, useUsers } from '../data/queries.ts';
import { AdminFonts } from './AdminFonts.tsx';

/** The API's names of the admin forms' fields, as the forms label them. */
const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  role: '角色',
  agencyId: '所属单位',
  name: '单位全称',
  kind: '类别',
  parentId: '上级单位',
};

/** A refused field ("password：密码至少 10 个字符", as the server lists it) named by its label. */
function namedDetail(detail: string): string {
  const [field = '', ...rest] = detail.split('：');
  const label = FIELD_LABELS[field];
  if (!label || !rest.length) return detail;
  const message = rest.join('：');
  return message.startsWith(label) ? message : `${label}：${message}`;
}

function errorText(e: unknown): string {
  const details = (e as { body?: { error?: { details?: string[] } } }).body?.error?.details;
  return `${e instanceof Error ? e.message : String(e)}${details?.length ? `：${details.map(namedDetail).join('；')}` : ''}`;
}

/** Agencies in tree order, each with its depth. */
function treeOrder(agencies: Agency[]): { agency: Agency; depth: number }[] {
  const out: { agency: Agency; depth: number }[] = [];
  const known = new Set(agencies.map((a) => a.id));
  const walk = (parent: string | null, depth: number) => {
    for (const a of agencies.filter((x) => x.parentId === parent || (parent === null && x.parentId !== null && !known.has(x.parentId)))) {
      out.push({ agency: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** `<option>`s for choosing an agency, indented by depth; `except` and everything below it (which
 * could not be its parent) are left out. */
function AgencyOptions({ agencies, except }: { agencies: Agency[]; except?: string }) {
  const left = new Set<string>();
  return treeOrder(agencies).map(({ agency, depth }) => {
    // Tree order puts a parent before its children, so one pass finds the whole subtree.
    if (agency.id === except || (agency.parentId !== null && left.has(agency.parentId))) {
      left.add(agency.id);
      return null;
    }
    return (
      <option key={agency.id} value={agency.id}>
        {'　'.repeat(depth)}
        {agency.name}
      </option>
    );
  });
}

function AgencyRow({ agency, depth, agencies }: { agency: Agency; depth: number; agencies: Agency[] }) {
  const update = useUpdateAgency();
  const ids = useId();
  const [confirmDialog, confirm] = useConfirm();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ name: agency.name, kind: agency.kind, parentId: agency.parentId ?? '' });
  const nameOf = (id: string | null) => (id ? (agencies.find((a) => a.id === id)?.name ?? '') : '（无，顶级单位）');
  const open = () => {
    setForm({ name: agency.name, kind: agency.kind, parentId: agency.parentId ?? '' });
    update.reset();
    setEditing((v) => !v);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const parentId = form.parentId || null;
    // Moving changes which reviewers see the agency's reports: ask first.
    if (
      parentId !== agency.parentId &&
      !(await confirm({
        title: `移动单位“${agency.name}”？`,
        body: (
          <p>
            上级单位将由“{nameOf(agency.parentId)}”改为“{nameOf(parentId)}”，其下属单位随之移动；上级单位的审核员将能看到该单位的报告。
          </p>
        ),
        confirm: '确认移动',
      }))
    )
      return;
    await update.mutateAsync({ id: agency.id, patch: { name: form.name.trim(), kind: form.kind, parentId } });
    setEditing(false);
  };
  return (
    <tr>
      <th scope="row" style={{ paddingLeft: `${8 + depth * 20}px` }}>
        {agency.name}
      </th>
      <td>{AGENCY_KIND_LABELS[agency.kind]}</td>
      <td>{agency.parentId ? nameOf(agency.parentId) : '—'}</td>
      <td>
        <button type="button" className="small" onClick={open} aria-expanded={editing} aria-label={`修改单位：${agency.name}`}>
          修改
        </button>
        {editing && (
          <form className="edit-form" onSubmit={(e) => void save(e).catch(() => undefined)} aria-label={`修改单位：${agency.name}`}>
            <label htmlFor={`${ids}-n`}>单位全称</label>
            <input id={`${ids}-n`} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            <label htmlFor={`${ids}-k`}>类别</label>
            <select id={`${ids}-k`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as AgencyKind })}>
              <KindOptions />
            </select>
            <label htmlFor={`${ids}-p`}>上级单位</label>
            <select id={`${ids}-p`} value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
              <option value="">（无，顶级单位）</option>
              <AgencyOptions agencies={agencies} except={agency.id} />
            </select>
            <div className="actions">
              <button type="submit" className="small primary" disabled={update.isPending || !form.name.trim()}>
                保存
              </button>
              <button type="button" className="small" onClick={() => setEditing(false)}>
                取消
              </button>
            </div>
          </form>
        )}
        {update.isError && (
          <p className="form-error" role="alert">
            {errorText(update.error)}
          </p>
        )}
        {confirmDialog}
      </td>
    </tr>
  );
}

function KindOptions() {
  return (['department', 'government'] as const).map((k) => (
    <option key={k} value={k}>
      {AGENCY_KIND_LABELS[k]}
    </option>
  ));
}

function RoleOptions() {
  return (['clerk', 'reviewer', 'admin'] as const).map((r) => (
    <option key={r} value={r}>
      {ROLE_LABELS[r]}
    </option>
  ));
}

function NewAgency({ agencies }: { agencies: Agency[] }) {
  const create = useCreateAgency();
  const ids = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AgencyKind>('department');
  const [parentId, setParentId] = useState(agencies[0]?.id ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await create.mutateAsync({ name: name.trim(), kind, parentId: parentId || null });
    setName('');
  };
  return (
    <form className="admin-form" onSubmit={(e) => void submit(e).catch(() => undefined)} aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`}>新增单位</h3>
      <label htmlFor={`${ids}-name`}>单位全称</label>
      <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="如：某某市教育局" />
      <label htmlFor={`${ids}-kind`}>类别</label>
      <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
        <KindOptions />
      </select>
      <label htmlFor={`${ids}-parent`}>上级单位</label>
      <select id={`${ids}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
        <option value="">（无，顶级单位）</option>
        <AgencyOptions agencies={agencies} />
      </select>
      {create.isError && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      {create.isSuccess && <p role="status">已新增单位“{create.data.name}”</p>}
      <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>
        新增单位
      </button>
    </form>
  );
}

function NewUser({ agencies }: { agencies: Agency[] }) {
  const create = useCreateUser();
  const ids = useId();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'clerk' as Role, agencyId: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await create.mutateAsync({ ...form, username: form.username.trim(), displayName: form.displayName.trim(), agencyId: form.agencyId || agencies[0]!.id });
    setForm({ ...form, username: '', displayName: '', password: '' });
  };
  return (
    <form className="admin-form" onSubmit={(e) => void submit(e).catch(() => undefined)} aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`}>新增账号</h3>
      <label htmlFor={`${ids}-u`}>用户名</label>
      <input id={`${ids}-u`} value={form.username} onChange={set('username')} autoComplete="off" />
      <label htmlFor={`${ids}-d`}>姓名</label>
      <input id={`${ids}-d`} value={form.displayName} onChange={set('displayName')} autoComplete="off" />
      <label htmlFor={`${ids}-p`}>初始密码</label>
      <input id={`${ids}-p`} type="password" value={form.password} onChange={set('password')} autoComplete="new-password" aria-describedby={`${ids}-ph`} />
      <span id={`${ids}-ph`} className="hint">{`至少 ${PASSWORD_MIN_LENGTH} 个字符`}</span>
      <label htmlFor={`${ids}-r`}>角色</label>
      <select id={`${ids}-r`} value={form.role} onChange={set('role')}>
        <RoleOptions />
      </select>
      <label htmlFor={`${ids}-a`}>所属单位</label>
      <select id={`${ids}-a`} value={form.agencyId || agencies[0]?.id} onChange={set('agencyId')}>
        <AgencyOptions agencies={agencies} />
      </select>
      {create.isError && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      {create.isSuccess && <p role="status">已新增账号“{create.data.username}”</p>}
      <button type="submit" className="primary" disabled={create.isPending || !form.username.trim() || !form.displayName.trim() || !form.password}>
        新增账号
      </button>
    </form>
  );
}

function UserRow({ user, agencies }: { user: User; agencies: Agency[] }) {
  const update = useUpdateUser();
  const ids = useId();
  const [confirmDialog, confirm] = useConfirm();
  const [open, setOpen] = useState<'password' | 'edit' | null>(null);
  const [password, setPassword] = useState('');
  const [access, setAccess] = useState({ role: user.role, agencyId: user.agencyId });
  const [done, setDone] = useState('');
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.name ?? '';
  const toggle = (which: 'password' | 'edit') => {
    setAccess({ role: user.role, agencyId: user.agencyId });
    setDone('');
    update.reset();
    setOpen((v) => (v === which ? null : which));
  };
  const resetPassword = async (e: FormEvent) => {
    e.preventDefault();
    await update.mutateAsync({ id: user.id, patch: { password } });
    setOpen(null);
    setPassword('');
    setDone('密码已重置，该账号需重新登录');
  };
  const saveAccess = async (e: FormEvent) => {
    e.preventDefault();
    const changes = [
      access.role !== user.role && `角色：${ROLE_LABELS[user.role]} → ${ROLE_LABELS[access.role]}`,
      access.agencyId !== user.agencyId && `所属单位：${agencyName(user.agencyId)} → ${agencyName(access.agencyId)}`,
    ].filter((c): c is string => c !== false);
    if (changes.length === 0) return setOpen(null);
    // The server ends the account's sessions on such a change: say so before doing it.
    const ok = await confirm({
      title: `修改账号“${user.username}”？`,
      body: (
        <>
          {changes.map((c) => (
            <p key={c}>{c}</p>
          ))}
          <p>修改后该账号需重新登录。</p>
        </>
      ),
      confirm: '确认修改',
    });
    if (!ok) return;
    await update.mutateAsync({ id: user.id, patch: { ...(access.role !== user.role && { role: access.role }), ...(access.agencyId !== user.agencyId && { agencyId: access.agencyId }) } });
    setOpen(null);
    setDone('已修改，该账号需重新登录');
  };
  return (
    <tr className={user.disabled ? 'disabled' : undefined}>
      <th scope="row">{user.username}</th>
      <td>{user.displayName}</td>
      <td>{ROLE_LABELS[user.role]}</td>
      <td>{agencyName(user.agencyId)}</td>
      <td>{user.disabled ? '已停用' : '正常'}</td>
      <td>
        <div className="actions">
          <button type="button" className="small" onClick={() => toggle('edit')} aria-expanded={open === 'edit'} aria-label={`修改账号：${user.username}`}>
            修改
          </button>
          <button type="button" className="small" onClick={() => toggle('password')} aria-expanded={open === 'password'} aria-label={`重置密码：${user.username}`}>
            重置密码
          </button>
          <button
            type="button"
            className="small"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, patch: { disabled: !user.disabled } })}
            aria-label={`${user.disabled ? '启用' : '停用'}：${user.username}`}
          >
            {user.disabled ? '启用' : '停用'}
          </button>
        </div>
        {open === 'password' && (
          <form className="inline-form" onSubmit={(e) => void resetPassword(e).catch(() => undefined)}>
            <label htmlFor={`${ids}-np`}>新密码</label>
            <input id={`${ids}-np`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
            <button type="submit" className="small primary" disabled={password.length === 0 || update.isPending}>
              确认重置
            </button>
          </form>
        )}
        {open === 'edit' && (
          <form className="edit-form" onSubmit={(e) => void saveAccess(e).catch(() => undefined)} aria-label={`修改账号：${user.username}`}>
            <label htmlFor={`${ids}-r`}>角色</label>
            <select id={`${ids}-r`} value={access.role} onChange={(e) => setAccess({ ...access, role: e.target.value as Role })}>
              <RoleOptions />
            </select>
            <label htmlFor={`${ids}-a`}>所属单位</label>
            <select id={`${ids}-a`} value={access.agencyId} onChange={(e) => setAccess({ ...access, agencyId: e.target.value })}>
              <AgencyOptions agencies={agencies} />
            </select>
            <div className="actions">
              <button type="submit" className="small primary" disabled={update.isPending}>
                保存
              </button>
              <button type="button" className="small" onClick={() => setOpen(null)}>
                取消
              </button>
            </div>
          </form>
        )}
        {update.isError && (
          <p className="form-error" role="alert">
            {errorText(update.error)}
          </p>
        )}
        {done && <p role="status">{done}</p>}
        {confirmDialog}
      </td>
    </tr>
  );
}

export function AdminPage() {
  const agencies = useAgencies();
  const users = useUsers();
  return (
    <div className="start">
      <AppHeader />
      <main className="admin-body">
        <section className="report-list" aria-labelledby="agencies-title">
          <h2 id="agencies-title">单位</h2>
          {agencies.isError && (
            <p className="form-error" role="alert">
              {agencies.error.message}
            </p>
          )}
          {agencies.data && (
            <table className="data-table" aria-labelledby="agencies-title">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">类别</th>
                  <th scope="col">上级单位</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {treeOrder(agencies.data).map(({ agency, depth }) => (
                  <AgencyRow key={agency.id} agency={agency} depth={depth} agencies={agencies.data} />
                ))}
              </tbody>
            </table>
          )}
          <h2 id="users-title" className="second">
            账号
          </h2>
          {users.isError && (
            <p className="form-error" role="alert">
              {users.error.message}
            </p>
          )}
          {users.data && (
            <table className="data-table" aria-labelledby="users-title">
              <thead>
                <tr>
                  <th scope="col">用户名</th>
                  <th scope="col">姓名</th>
                  <th scope="col">角色</th>
                  <th scope="col">所属单位</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <UserRow key={u.id} user={u} agencies={agencies.data ?? []} />
                ))}
              </tbody>
            </table>
          )}
          <AdminFonts />
        </section>
        {agencies.data && (
          <div className="admin-forms">
            <NewAgency agencies={agencies.data} />
            <NewUser agencies={agencies.data} />
          </div>
        )}
      </main>
    </div>
  );
}
