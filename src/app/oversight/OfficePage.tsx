// The 政务公开 office's screens under one frame: the header, a tab per screen, and the screen —
// each loaded only when opened (the charts and the importer stay out of the editor's first load).
// The board is a reviewer's home; an agency's page opens from it.
import { lazy, Suspense } from 'react';
import { AppHeader } from '../components/AppHeader.tsx';
import { href, type OfficeView } from '../router.ts';
import { AgencyPage } from './AgencyPage.tsx';
import { Board } from './Board.tsx';
import { RegisterView } from './RegisterView.tsx';
import { RollupView } from './RollupView.tsx';
import { defaultYear } from './YearPicker.tsx';
import './oversight.css';

// Charts are code only this screen needs.
const ChartsView = lazy(() => import('./ChartsView.tsx').then((m) => ({ default: m.ChartsView })));
const BulkCheckPage = lazy(() => import('../bulk-check/BulkCheckPage.tsx').then((m) => ({ default: m.BulkCheckPage })));

const TABS: { view: OfficeView; label: string }[] = [
  { view: 'board', label: '进度' },
  { view: 'rollup', label: '汇总' },
  { view: 'charts', label: '图表' },
  { view: 'register', label: '发布登记' },
  { view: 'bulk-check', label: '批量检查' },
];

type Screen = { view: OfficeView } | { view: 'agency'; agencyId: string };

export function OfficePage({ year = defaultYear(), ...screen }: Screen & { year?: number }) {
  const { view } = screen;
  return (
    <div className="start">
      <AppHeader />
      <nav className="office-tabs" aria-label="政务公开工作">
        {TABS.map((t) => (
          <a key={t.view} href={href({ page: 'office', view: t.view, ...(t.view !== 'bulk-check' && { year }) })} aria-current={t.view === view ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      <Suspense fallback={<p className="loading">正在加载…</p>}>
        {view === 'board' && <Board year={year} />}
        {view === 'rollup' && <RollupView year={year} />}
        {view === 'charts' && <ChartsView year={year} />}
        {view === 'register' && <RegisterView year={year} />}
        {view === 'bulk-check' && <BulkCheckPage year={year} />}
        {screen.view === 'agency' && <AgencyPage key={screen.agencyId} id={screen.agencyId} year={year} />}
      </Suspense>
    </div>
  );
}
