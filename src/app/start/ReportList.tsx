// The clerk's reports (its agency's, one per year): year, status, last saved, revision, error and
// warning counts as the editor would show them; open, history, start next year's from one, delete
// a draft created by mistake (never submitted; after a confirmation naming agency and year).
import { checkReport, nextYearDocument, withDerivedTotals } from '../../core/index.ts';
import { useConfirm } from '../confirm.tsx';
import { useCreateReport, useDeleteReport, useReport, useReportList, useReportLoader } from '../data/queries.ts';
import { STATUS_LABELS, type ReportSummary } from '../data/types.ts';
import { href, navigate } from '../router.ts';

export const formatTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

function FindingCounts({ id }: { id: string }) {
  const record = useReport(id);
  if (!record.data) return (
    <>
      <td className="num muted">…</td>
      <td className="num muted">…</td>
    </>
  );
  const findings = checkReport(withDerivedTotals(record.data.document), { previous: record.data.previous?.document ?? null });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <>
      <td className={errors ? 'num error' : 'num'}>{errors}</td>
      <td className={warnings ? 'num warning' : 'num'}>{warnings}</td>
    </>
  );
}

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
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">发布机关</th>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">最近保存</th>
              <th scope="col">版本</th>
              <th scope="col">错误</th>
              <th scope="col">提示</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={href({ page: 'report', id: r.id, step: 'cover' })}>{r.agency.name}</a>
                </th>
                <td>{r.year}</td>
                <td>
                  <span className={`status-badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                </td>
                <td>{formatTime(r.updatedAt)}</td>
                <td className="num">{r.head}</td>
                <FindingCounts id={r.id} />
                <td>
                  <div className="actions">
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
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog}
    </section>
  );
}
