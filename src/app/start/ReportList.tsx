// The clerk's reports: agency, year, status, last saved, error and warning counts; open,
// duplicate, start next year's from one, delete with confirmation.
import { nextYearDocument } from '../../core/index.ts';
import { useConfirm } from '../confirm.tsx';
import { useCreateReport, useDeleteReport, useDuplicateReport, useReportList, useReportRecordLoader } from '../data/queries.ts';
import { STATUS_LABELS, type ReportSummary } from '../data/store.ts';
import { href, navigate } from '../router.ts';

const formatSaved = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function ReportList() {
  const list = useReportList();
  const duplicate = useDuplicateReport();
  const remove = useDeleteReport();
  const create = useCreateReport();
  const load = useReportRecordLoader();
  const [dialog, ask] = useConfirm();

  const startNextYear = async (r: ReportSummary) => {
    const last = (await load(r.id)).document;
    const record = await create.mutateAsync({ document: nextYearDocument(last), previous: last });
    navigate({ page: 'report', id: record.id, step: 'cover' });
  };

  const confirmDelete = async (r: ReportSummary) => {
    const ok = await ask({
      title: '删除报告',
      body: (
        <p>
          确定删除“{r.agency || '未命名机关'} {r.year} 年报告”吗？删除后无法恢复。
        </p>
      ),
      confirm: '删除',
      danger: true,
    });
    if (ok) remove.mutate(r.id);
  };

  if (list.isPending) return <p className="loading">正在读取报告列表…</p>;
  if (list.isError) return <p role="alert">无法读取报告列表：{list.error.message}</p>;
  return (
    <section aria-labelledby="list-title" className="report-list">
      <h2 id="list-title">我的报告</h2>
      {list.data.length === 0 ? (
        <p className="empty">还没有报告。在右侧新建一份，或以上年报告为基础开始。</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">发布机关</th>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">最近保存</th>
              <th scope="col">错误</th>
              <th scope="col">提示</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={href({ page: 'report', id: r.id, step: 'cover' })}>{r.agency || '（未填写机关名称）'}</a>
                </th>
                <td>{r.year}</td>
                <td>{STATUS_LABELS[r.status]}</td>
                <td>{formatSaved(r.savedAt)}</td>
                <td className={r.errors ? 'num error' : 'num'}>{r.errors}</td>
                <td className={r.warnings ? 'num warning' : 'num'}>{r.warnings}</td>
                <td>
                  <div className="actions">
                  <button type="button" className="small" onClick={() => duplicate.mutate(r.id)} aria-label={`复制 ${r.agency} ${r.year} 年报告`}>
                    复制
                  </button>
                  <button type="button" className="small" onClick={() => void startNextYear(r)} aria-label={`以 ${r.agency} ${r.year} 年报告为上年报告，新建 ${r.year + 1} 年报告`}>
                    新建{r.year + 1}年
                  </button>
                  <button type="button" className="small danger" onClick={() => void confirmDelete(r)} aria-label={`删除 ${r.agency} ${r.year} 年报告`}>
                    删除
                  </button>
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
