// The app shell: sign-in when signed out; then by role — the clerk's reports and editor, the
// 审核员's office screens (the progress board is its home) and review screen, the 管理员's
// accounts — and each report's history, by the URL hash.
import { lazy, Suspense } from 'react';
import { AdminPage } from './admin/AdminPage.tsx';
import { SignIn } from './auth/SignIn.tsx';
import { OfflineError } from './data/api.ts';
import { pendingCount } from './data/pending.ts';
import { SignedIn, useCurrentSession } from './data/queries.ts';
import { EditorPage } from './editor/Editor.tsx';
import { HistoryPage } from './history/HistoryPage.tsx';
import { useRoute } from './router.ts';
import { StartPage } from './start/StartPage.tsx';

const OfficePage = lazy(() => import('./oversight/OfficePage.tsx').then((m) => ({ default: m.OfficePage })));

/** The server cannot be reached at start: say so, keep trying, and say that local edits are safe. */
function Unreachable({ error, retry }: { error: Error; retry: () => void }) {
  const waiting = pendingCount();
  return (
    <div className="page-error" role="alert">
      <h1>{error instanceof OfflineError ? '无法连接年报服务器' : `出错了：${error.message}`}</h1>
      <p>{error instanceof OfflineError ? '请检查网络连接；页面会自动重试。' : '请稍后重试。'}</p>
      {waiting > 0 && <p>本机暂存有 {waiting} 份报告的未保存修改，恢复连接并打开报告后会自动保存。</p>}
      <button type="button" onClick={retry}>
        重试
      </button>
    </div>
  );
}

export function App() {
  const route = useRoute();
  const session = useCurrentSession();
  if (session.isPending) return <p className="loading">正在连接服务器…</p>;
  if (session.isError) return <Unreachable error={session.error} retry={() => void session.refetch()} />;
  const user = session.data;
  if (!user) return <SignIn />;
  return (
    <SignedIn user={user}>
      {user.role === 'admin' ? (
        <AdminPage />
      ) : route.page === 'report' ? (
        <EditorPage key={route.id} id={route.id} step={route.step} />
      ) : route.page === 'history' ? (
        <HistoryPage key={route.id} id={route.id} />
      ) : user.role === 'reviewer' ? (
        <Suspense fallback={<p className="loading">正在加载…</p>}>
          {route.page === 'agency' ? (
            <OfficePage view="agency" agencyId={route.id} {...(route.year && { year: route.year })} />
          ) : route.page === 'office' ? (
            <OfficePage view={route.view} {...(route.year && { year: route.year })} />
          ) : (
            <OfficePage view="board" />
          )}
        </Suspense>
      ) : (
        <StartPage />
      )}
    </SignedIn>
  );
}
