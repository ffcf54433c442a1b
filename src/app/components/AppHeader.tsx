// The header of the list pages: the product, who is signed in (name, role, agency), changing
// one's password, sign out; a reviewer's link to the office's screens (its home).
import { useState } from 'react';
import { ROLE_LABELS } from '../../api/accounts.ts';
import { useSignOut, useUser } from '../data/queries.ts';
import { ReminderBadge } from '../reminders/Reminders.tsx';
import { href } from '../router.ts';
import { ChangePasswordDialog } from './ChangePassword.tsx';

export function AppHeader() {
  const user = useUser();
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <header className="app-header">
      <h1>
        年报 <small>政府信息公开工作年度报告编制</small>
      </h1>
      {user.role === 'reviewer' && (
        <nav className="header-nav" aria-label="审核员">
          <a href={href({ page: 'office', view: 'board' })}>政务公开工作</a>
        </nav>
      )}
      <ReminderBadge />
      <span className="who">
        {user.displayName}（{ROLE_LABELS[user.role]} · {user.agency.name}）
      </span>
      <button type="button" className="small" onClick={() => setChangingPassword(true)} aria-haspopup="dialog">
        修改密码
      </button>
      <button type="button" className="small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        退出登录
      </button>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </header>
  );
}
