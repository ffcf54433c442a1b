// The clerk's reports (its agency's, one per year) in the shared report table, with the clerk's
// actions: history, start next year's from one, delete a draft created by mistake (never
// submitted; after a confirmation naming agency and year).

import type { ReportSummary } from '../../api/reports.ts';
import { nextYearDocument } from '../../core/index.ts';
import { ReportTable } from '../components/ReportTable.tsx';
import { useConfirm } from '../confirm.tsx';
import { useCreateReport, useDeleteReport, useReportList, useReportLoader } from '../data/queries.ts';
import { href, navigate } from '../router.ts';

export function ReportList() {
  const list = useReportList();
  const create = useCreateReport();
  const load = useReportLoader();
  const remove = useDeleteReport();
  const [dialog, ask] = useConfirm();

  const startNextYear = async (r: ReportSummary) => {
    const last = (await load(r.id)).document;
    const record = await create.mutateAsync({ year: r.year + 1, document: nextYearDocument(last) });
    navigate({ page: 'report', id: record.report.id, step: 'cover' });
  };

  const deleteReport = async (r: ReportSummary) => {
    const ok = await ask({
      title: '删除报告',
      body: (
        <p>
          删除“{r.agency.name} {r.year} 年度报告”（草稿，共 {r.head} 版）？删除后无法恢复。
        </p>
      ),
      confirm: '删除',
      danger: true,
    });
    if (ok) remove.mutate({ id: r.id, revision: r.head });
  };

  if (list.isPending) return <p className="loading">正在读取报告列表…</p>;
  if (list.isError) return <p role="alert">无法读取报告列表：{list.error.message}</p>;
  const years = new Set(list.data.map((r) => r.year));
  return (
    <section aria-labelledby="list-title" className="report-list">
      <h2 id="list-title">本单位的报告</h2>
      {create.isError && <p role="alert">{create.error.message}</p>}
      {remove.isError && <p role="alert">{remove.error.message}</p>}
      {list.data.length === 0 ? (
        <p className="empty">还没有报告。在右侧新建一份，或以上年报告文件为基础开始。</p>
      ) : (
        <ReportTable
          reports={list.data}
          openStep="cover"
          actions={(r) => (
            <>
              <a className="button small" href={href({ page: 'history', id: r.id })}>
                历史
              </a>
              {!years.has(r.year + 1) && (
                <button type="button" className="small" onClick={() => void startNextYear(r)} aria-label={`新建${r.year + 1}年：以 ${r.year} 年报告为上年报告`}>
                  新建{r.year + 1}年
                </button>
              )}
              {r.deletable && (
                <button type="button" className="small danger" onClick={() => void deleteReport(r)} aria-label={`删除 ${r.year} 年报告`} disabled={remove.isPending}>
                  删除
                </button>
              )}
            </>
          )}
        />
      )}
      {dialog}
    </section>
  );
}
