// One agency as the office sees it, opened from the board (an agency that has not started has no
// report to open): its kind, parent and clerks, its reports by year with the stored finding
// counts, the 催办 sent to it with who has read each, and a 催办 from here. One request.

import { AGENCY_KIND_LABELS } from '../../api/accounts.ts';
import { STATUS_LABELS } from '../../api/workflow.ts';
import { formatChineseDate, getTemplate, statutoryDeadline } from '../../core/index.ts';
import { useOversightAgency } from '../data/oversight.ts';
import { href } from '../router.ts';
import { chinaDateTime } from './format.ts';
import { ReminderComposer } from './ReminderComposer.tsx';

export function AgencyPage({ id, year }: { id: string; year: number }) {
  const page = useOversightAgency(id);
  const back = (
    <p>
      <a href={href({ page: 'office', view: 'board', year })}>← 返回 {year} 年度各单位进度</a>
    </p>
  );
  if (page.isPending)
    return (
      <main className="office-body">
        {back}
        <p className="loading">正在读取单位信息…</p>
      </main>
    );
  if (page.isError)
    return (
      <main className="office-body">
        {back}
        <p role="alert">无法读取单位信息：{page.error.message}</p>
      </main>
    );
  const { agency, parent, clerks, reports, reminders } = page.data;
  const deadline = statutoryDeadline(getTemplate(), agency.kind, year);
  const current = reports.find((r) => r.year === year);
  return (
    <main className="office-body agency-page">
      {back}
      <div className="office-title">
        <h2>{agency.name}</h2>
      </div>
      <dl className="agency-facts">
        <dt>类型</dt>
        <dd>{AGENCY_KIND_LABELS[agency.kind]}</dd>
        <dt>上级单位</dt>
        <dd>{parent ? <a href={href({ page: 'agency', id: parent.id, year })}>{parent.name}</a> : '—'}</dd>
        <dt>填报员</dt>
        <dd>{clerks.map((c) => c.displayName).join('、') || <span className="empty">无填报员（请管理员为本单位创建填报员账号）</span>}</dd>
        <dt>{year} 年度报告</dt>
        <dd>{current ? <a href={href({ page: 'report', id: current.id, step: 'check' })}>{STATUS_LABELS[current.status]}</a> : <>尚未创建；法定发布期限为{formatChineseDate(deadline)}</>}</dd>
      </dl>
      <ReminderComposer year={year} agencyIds={[agency.id]} deadline={deadline} label={`催办${agency.name}（${year} 年度报告）`} />
      <section aria-labelledby="agency-reports" className="agency-section">
        <h3 id="agency-reports">历年报告</h3>
        {reports.length === 0 ? (
          <p className="empty">本单位还没有在年报系统中创建报告。</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">状态</th>
                <th scope="col">最后保存</th>
                <th scope="col" className="num">
                  版本
                </th>
                <th scope="col" className="num">
                  错误
                </th>
                <th scope="col" className="num">
                  提示
                </th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={href({ page: 'report', id: r.id, step: 'check' })}>{r.year} 年度</a>
                  </th>
                  <td>
                    <span className={`status-badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                  </td>
                  <td>{chinaDateTime(r.savedAt)}</td>
                  <td className="num">{r.head}</td>
                  <td className={`num${r.errors ? ' error' : ''}`}>{r.errors}</td>
                  <td className={`num${r.warnings ? ' warning' : ''}`}>{r.warnings}</td>
                  <td>
                    <a className="button small" href={href({ page: 'history', id: r.id })} aria-label={`历史：${r.year} 年度报告`}>
                      历史
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="agency-reminders" className="agency-section">
        <h3 id="agency-reminders">催办记录</h3>
        {reminders.length === 0 ? (
          <p className="empty">还没有向本单位发送过催办。</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">发送时间</th>
                <th scope="col">年度</th>
                <th scope="col">发送人</th>
                <th scope="col">内容</th>
                <th scope="col">已读</th>
              </tr>
            </thead>
            <tbody>
              {reminders.map((m) => (
                <tr key={m.id}>
                  <td>{chinaDateTime(m.sentAt)}</td>
                  <td>{m.year}</td>
                  <td>{m.sentBy.displayName}</td>
                  <td>{m.message}</td>
                  <td>{m.readBy.map((r) => `${r.displayName}（${chinaDateTime(r.at)}）`).join('、') || <span className="empty">未读</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
