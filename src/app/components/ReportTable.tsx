// A table of reports (the clerk's start screen): who, year, status, last saved, revision, the error
// and warning counts the server stored with the newest revision (as the editor counts them, with
// last year's report), and the actions the screen offers for each row.
import type { ReactNode } from 'react';
import type { ReportListItem } from '../../api/reports.ts';
import { STATUS_LABELS } from '../../api/workflow.ts';
import type { StepId } from '../editor/steps.ts';
import { href } from '../router.ts';

export const formatTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function ReportTable({ reports, openStep, actions }: { reports: ReportListItem[]; openStep: StepId; actions: (r: ReportListItem) => ReactNode }) {
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
            <td className={r.errors ? 'num error' : 'num'}>{r.errors}</td>
            <td className={r.warnings ? 'num warning' : 'num'}>{r.warnings}</td>
            <td>
              <div className="actions">{actions(r)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
