// The 审核员's start screen: the reports of its agency and every agency below it, by status —
// those waiting for review first.
import { useState } from 'react';
import { AppHeader } from '../components/AppHeader.tsx';
import { useReportList } from '../data/queries.ts';
import { STATUS_LABELS, type ReportStatus } from '../../api/workflow.ts';
import { href } from '../router.ts';
import { ReportTable } from '../components/ReportTable.tsx';

const ORDER: ReportStatus[] = ['submitted', 'approved', 'returned', 'draft', 'published'];

export function ReviewList() {
  const list = useReportList();
  const [filter, setFilter] = useState<ReportStatus | 'all'>('all');
  const reports = list.data ?? [];
  const count = (s: ReportStatus) => reports.filter((r) => r.status === s).length;
  const shown = reports
    .filter((r) => filter === 'all' || r.status === filter)
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || b.year - a.year || a.agency.name.localeCompare(b.agency.name, 'zh-CN'));
  return (
    <div className="start">
      <AppHeader />
      <main className="review-body">
        <section aria-labelledby="review-title" className="report-list">
          <h2 id="review-title">本单位及下属单位的报告</h2>
          <div className="status-filter" role="group" aria-label="按状态筛选">
            <button type="button" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
              全部（{reports.length}）
            </button>
            {ORDER.map((s) => (
              <button key={s} type="button" aria-pressed={filter === s} onClick={() => setFilter(s)}>
                {STATUS_LABELS[s]}（{count(s)}）
              </button>
            ))}
          </div>
          {list.isPending ? (
            <p className="loading">正在读取报告列表…</p>
          ) : list.isError ? (
            <p role="alert">无法读取报告列表：{list.error.message}</p>
          ) : shown.length === 0 ? (
            <p className="empty">没有{filter === 'all' ? '' : `“${STATUS_LABELS[filter]}”的`}报告。</p>
          ) : (
            <ReportTable
              reports={shown}
              openStep="check"
              actions={(r) => (
                <>
                  <a className="button small" href={href({ page: 'report', id: r.id, step: 'check' })} aria-label={`${r.status === 'submitted' ? '审核' : '查看'}：${r.agency.name} ${r.year} 年报告`}>
                    {r.status === 'submitted' ? '审核' : '查看'}
                  </a>
                  <a className="button small" href={href({ page: 'history', id: r.id })} aria-label={`历史：${r.agency.name} ${r.year} 年报告`}>
                    历史
                  </a>
                </>
              )}
            />
          )}
        </section>
      </main>
    </div>
  );
}
