// The header of the list pages: the product, who is signed in (name, role, agency), sign out.
import { useSignOut, useUser } from '../data/queries.ts';
import { ROLE_LABELS } from '../data/types.ts';

export function AppHeader() {
  const user = useUser();
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <h1>
        年报 <small>政府信息公开工作年度报告编制</small>
      </h1>
      <span className="who">
        {user.displayName}（{ROLE_LABELS[user.role]} · {user.agency.name}）
      </span>
      <button type="button" className="small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        退出登录
      </button>
    </header>
  );
}
