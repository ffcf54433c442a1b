// The table of reports both start screens show (the clerk's own, the reviewer's agencies'): who,
// year, status, last saved, revision, error and warning counts as the editor would show them, and
// the actions the screen offers for each row.
import type { ReactNode } from 'react';
import { checkReport } from '../../core/index.ts';
import { useReport } from '../data/queries.ts';
import type { ReportSummary } from '../../api/reports.ts';
import { STATUS_LABELS } from '../../api/workflow.ts';
import type { StepId } from '../editor/steps.ts';
import { href } from '../router.ts';

export const formatTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

function FindingCounts({ id }: { id: string }) {
  const record = useReport(id);
  if (!record.data)
    return (
      <>
        <td className="num muted">…</td>
        <td className="num muted">…</td>
      </>
    );
  const findings = checkReport(record.data.document, { totals: 'computed', previous: record.data.previous?.document ?? null });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <>
      <td className={errors ? 'num error' : 'num'}>{errors}</td>
      <td className={warnings ? 'num warning' : 'num'}>{warnings}</td>
    </>
  );
}

export function ReportTable({ reports, openStep, actions }: { reports: ReportSummary[]; openStep: StepId; actions: (r: ReportSummary) => ReactNode }) {
  return (
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
        {reports.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={href({ page: 'report', id: r.id, step: openStep })}>{r.agency.name}</a>
            </th>
            <td>{r.year}</td>
            <td>
              <span className={`status-badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
            </td>
            <td>{formatTime(r.updatedAt)}</td>
            <td className="num">{r.head}</td>
            <FindingCounts id={r.id} />
            <td>
              <div className="actions">{actions(r)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
