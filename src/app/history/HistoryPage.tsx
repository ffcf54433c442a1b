// A report's history: every revision (who, when, what changed) and the difference between any
// two of them, or between a revision and last year's report — cells named by their labels.
import { useId, useState } from 'react';
import type { DiffAnswer } from '../../api/reports.ts';
import { ACTION_LABELS, type Action, STATUS_LABELS } from '../../api/workflow.ts';
import { DiffTable } from '../components/DiffTable.tsx';
import { formatTime } from '../components/ReportTable.tsx';
import { useAudit, useDiff, useReport, useRevisions } from '../data/queries.ts';
import { href } from '../router.ts';
import { historyTimeline, type TimelineEntry } from './timeline.ts';

/** Last year's report in a diff caption: a revision on the server, or the uploaded file. */
const lastYearCaption = (from: DiffAnswer['from']) => (from.source === 'uploaded' ? `${from.year} 年报告（已上传的文件：${from.fileName}）` : `${from.year} 年报告（第 ${from.revision} 版）`);

const KIND = { create: '创建', save: '保存', reopen: '重新打开' } as const;

function changeCount(e: Extract<TimelineEntry, { kind: 'revisions' }>): string {
  const parts = [e.cells && `${e.cells} 格`, e.texts && `${e.texts} 段文字`, e.fields && `${e.fields} 项信息`].filter(Boolean);
  return parts.length ? parts.join('、') : '—';
}

const revisionRange = (e: Extract<TimelineEntry, { kind: 'revisions' }>) => {
  const first = e.revisions[0]!.number;
  const last = e.revisions[e.revisions.length - 1]!.number;
  return first === last ? `第 ${first} 版` : `第 ${first}–${last} 版`;
};

const eventLabel = (action: string) => (action in ACTION_LABELS ? ACTION_LABELS[action as Action] : action === 'delete' ? '删除' : action);

export function HistoryPage({ id }: { id: string }) {
  const report = useReport(id);
  const revisions = useRevisions(id);
  const audit = useAudit(id);
  const ids = useId();
  const head = revisions.data?.[0]?.number ?? null;
  const [from, setFrom] = useState<number | 'previous-year' | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const toN = to ?? head;
  const fromN = from ?? (toN !== null && toN > 1 ? toN - 1 : toN);
  const diff = useDiff(id, fromN, toN);
  const summary = report.data?.report;
  const title = summary ? `${summary.agency.name} ${summary.year} 年报告 · 历史版本` : '历史版本';
  const label = (v: number | 'previous-year') => (v === 'previous-year' ? '上年报告' : `第 ${v} 版`);

  return (
    <div className="history-page">
      <header className="topbar">
        <a href={href({ page: 'report', id, step: 'cover' })} className="back">
          ← 返回报告
        </a>
        <a href={href({ page: 'list' })}>全部报告</a>
        <span className="doc-title">{title}</span>
        {summary && <span className={`status-badge status-${summary.status}`}>{STATUS_LABELS[summary.status]}</span>}
      </header>
      <main className="history-body" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`} className="visually-hidden">
          {title}
        </h2>
        <section className="revisions" aria-labelledby={`${ids}-revs`}>
          <h3 id={`${ids}-revs`}>版本</h3>
          {revisions.isPending && <p className="loading">正在读取…</p>}
          {revisions.isError && <p role="alert">{revisions.error.message}</p>}
          {revisions.data && (
            <table className="data-table" aria-labelledby={`${ids}-revs`}>
              <thead>
                <tr>
                  <th scope="col">版本</th>
                  <th scope="col">操作</th>
                  <th scope="col">修改人</th>
                  <th scope="col">时间</th>
                  <th scope="col">改动</th>
                </tr>
              </thead>
              <tbody>
                {historyTimeline(revisions.data, audit.data ?? []).map((e) => {
                  if (e.kind === 'event') {
                    return (
                      <tr key={`event-${e.event.id}`} className="timeline-event">
                        <th scope="row">{e.event.revision ? `第 ${e.event.revision} 版` : '—'}</th>
                        <td>{eventLabel(e.event.action)}</td>
                        <td>{e.event.actor.displayName}</td>
                        <td>{formatTime(e.at)}</td>
                        <td>{e.event.detail.message ? `说明：${e.event.detail.message}` : '—'}</td>
                      </tr>
                    );
                  }
                  const newest = e.revisions[e.revisions.length - 1]!;
                  const select = (n: number) => {
                    setTo(n);
                    setFrom(n > 1 ? n - 1 : n);
                  };
                  return (
                    <tr key={newest.number} className={e.revisions.some((r) => r.number === toN) ? 'selected' : undefined}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link"
                          onClick={() => {
                            // A session's changes: from the revision before it to its last.
                            setTo(newest.number);
                            setFrom(Math.max(1, e.revisions[0]!.number - 1));
                          }}
                          aria-label={`查看${revisionRange(e)}的改动`}
                        >
                          {revisionRange(e)}
                        </button>
                      </th>
                      <td>{e.revisions.length > 1 ? `编辑（${e.revisions.length} 次自动保存）` : KIND[newest.kind]}</td>
                      <td>{newest.author.displayName}</td>
                      <td>{formatTime(e.at)}</td>
                      <td>
                        {changeCount(e)}
                        {e.revisions.length > 1 && (
                          <details className="session-revisions">
                            <summary>逐版查看</summary>
                            <ul>
                              {e.revisions.map((r) => (
                                <li key={r.number}>
                                  <button type="button" className="link" onClick={() => select(r.number)}>
                                    第 {r.number} 版
                                  </button>{' '}
                                  {formatTime(r.createdAt)}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        {revisions.data && fromN !== null && toN !== null && (
          <section className="compare" aria-labelledby={`${ids}-cmp`}>
            <h3 id={`${ids}-cmp`}>比较</h3>
            <div className="compare-pick">
              <label htmlFor={`${ids}-from`}>从</label>
              <select id={`${ids}-from`} value={String(fromN)} onChange={(e) => setFrom(e.target.value === 'previous-year' ? 'previous-year' : Number(e.target.value))}>
                <option value="previous-year">{report.data?.previous?.source === 'uploaded' ? '上年报告（已上传的文件）' : '上年报告'}</option>
                {revisions.data.map((r) => (
                  <option key={r.number} value={r.number}>
                    第 {r.number} 版
                  </option>
                ))}
              </select>
              <label htmlFor={`${ids}-to`}>到</label>
              <select id={`${ids}-to`} value={String(toN)} onChange={(e) => setTo(Number(e.target.value))}>
                {revisions.data.map((r) => (
                  <option key={r.number} value={r.number}>
                    第 {r.number} 版
                  </option>
                ))}
              </select>
            </div>
            {diff.isPending && <p className="loading">正在比较…</p>}
            {diff.isError && <p role="alert">{diff.error.message}</p>}
            {diff.data && (
              <DiffTable
                diff={diff.data.diff}
                caption={`${fromN === 'previous-year' ? lastYearCaption(diff.data.from) : label(fromN)} → ${label(toN)}`}
                beforeLabel={fromN === 'previous-year' ? '上年' : label(fromN)}
                afterLabel={label(toN)}
              />
            )}
          </section>
        )}
      </main>
    </div>
  );
}
