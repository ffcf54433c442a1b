// The office's home screen: every agency of its subtree for one report year — also those that have
// not started — with status, statutory deadline, finding counts, last save, clerks and last 催办;
// counts per status, filters, search, sort by any column, the agency tree collapsible, and 催办 to
// the selected agencies. A name opens the report's review screen, or for 未开始 the agency's page.
// One request (GET /api/oversight).
import { type ReactNode, useMemo, useState } from 'react';
import type { OversightRow } from '../../api/oversight.ts';
import { useOversightBoard } from '../data/oversight.ts';
import { href } from '../router.ts';
import { BOARD_STATES, type BoardState, type BoardView, filtering, isOpen, type SortKey, STATE_LABELS, stateCounts, stateOf, visibleRows } from './board-model.ts';
import { ReminderComposer } from './ReminderComposer.tsx';
import { YearPicker } from './YearPicker.tsx';

const dateTime = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function DeadlineCell({ row }: { row: OversightRow }) {
  const [, m, d] = row.deadline.split('-').map(Number);
  const date = `${m}月${d}日`;
  if (row.report?.status === 'published') return <>{date}</>;
  if (row.overdue)
    return (
      <span className="deadline late">
        {date}（逾期 {-row.daysLeft} 天）
      </span>
    );
  return (
    <span className={`deadline${row.daysLeft <= 14 ? ' soon' : ''}`}>
      {date}（剩 {row.daysLeft} 天）
    </span>
  );
}

/** Rows drawn at first; a province's flat list of matches can be far longer. */
const ROW_LIMIT = 300;

const COLUMNS: { key: SortKey; label: string; num?: boolean }[] = [
  { key: 'name', label: '单位' },
  { key: 'state', label: '状态' },
  { key: 'deadline', label: '法定期限' },
  { key: 'errors', label: '错误', num: true },
  { key: 'warnings', label: '提示', num: true },
  { key: 'savedAt', label: '最后保存' },
  { key: 'clerks', label: '填报员' },
  { key: 'lastReminder', label: '最近催办' },
];

export function Board({ year }: { year: number }) {
  const board = useOversightBoard(year);
  const rows = useMemo(() => board.data?.agencies ?? [], [board.data]);
  const [view, setView] = useState<BoardView>({
    states: new Set(),
    overdueOnly: false,
    errorsOnly: false,
    search: '',
    sort: { key: 'name', descending: false },
    toggled: new Set(),
  });
  const [limit, setLimit] = useState(ROW_LIMIT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => visibleRows(rows, view), [rows, view]);
  const counts = useMemo(() => stateCounts(rows), [rows]);
  const overdue = rows.filter((r) => r.overdue).length;
  const withErrors = rows.filter((r) => r.errors).length;

  const toggle = <T,>(set: ReadonlySet<T>, item: T): Set<T> => {
    const next = new Set(set);
    if (!next.delete(item)) next.add(item);
    return next;
  };
  const selectWhere = (pick: (r: OversightRow) => boolean) => setSelected(new Set(rows.filter(pick).map((r) => r.agency.id)));
  const sortBy = (key: SortKey) => setView((v) => ({ ...v, sort: { key, descending: v.sort.key === key ? !v.sort.descending : false } }));
  const chosen = rows.filter((r) => selected.has(r.agency.id));
  const firstDeadline = chosen.map((r) => r.deadline).sort()[0] ?? rows[0]?.deadline ?? `${year + 1}-01-31`;

  let body: ReactNode;
  if (board.isPending) body = <p className="loading">正在读取各单位进度…</p>;
  else if (board.isError) body = <p role="alert">无法读取各单位进度：{board.error.message}</p>;
  else
    body = (
      <table className="data-table board-table">
        <caption className="visually-hidden">{year} 年度各单位年报进度</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="选择列表中的全部单位"
                checked={shown.length > 0 && shown.every((s) => selected.has(s.row.agency.id))}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((s) => s.row.agency.id)) : new Set())}
              />
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={view.sort.key === c.key ? (view.sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="sort" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{view.sort.key === c.key ? (view.sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map(({ row, depth, children }) => {
            const state = stateOf(row);
            const collapsed = !isOpen(view, row.agency.id, depth);
            return (
              <tr key={row.agency.id} data-agency={row.agency.name} className={row.overdue ? 'overdue' : undefined}>
                <td>
                  <input type="checkbox" aria-label={`选择${row.agency.name}`} checked={selected.has(row.agency.id)} onChange={() => setSelected((s) => toggle(s, row.agency.id))} />
                </td>
                <th scope="row" className="agency" style={{ paddingLeft: 8 + depth * 20 }}>
                  {children > 0 && !filtering(view) ? (
                    <button
                      type="button"
                      className="tree-toggle"
                      aria-expanded={!collapsed}
                      aria-label={`${collapsed ? '展开' : '收起'}${row.agency.name}的下属单位（${children} 个）`}
                      onClick={() => setView((v) => ({ ...v, toggled: toggle(v.toggled, row.agency.id) }))}
                    >
                      {collapsed ? '▸' : '▾'}
                    </button>
                  ) : (
                    <span className="tree-spacer" />
                  )}
                  {row.report ? (
                    <a href={href({ page: 'report', id: row.report.id, step: 'check' })}>{row.agency.name}</a>
                  ) : (
                    <a href={href({ page: 'agency', id: row.agency.id, year })} title="尚未创建报告：打开单位页面">
                      {row.agency.name}
                    </a>
                  )}
                </th>
                <td>
                  <span className={`status-badge status-${state}`}>{STATE_LABELS[state]}</span>
                </td>
                <td>
                  <DeadlineCell row={row} />
                </td>
                <td className={`num${row.errors ? ' error' : ''}`}>{row.errors ?? '—'}</td>
                <td className={`num${row.warnings ? ' warning' : ''}`}>{row.warnings ?? '—'}</td>
                <td>{row.report ? dateTime(row.report.savedAt) : '—'}</td>
                <td>{row.clerks.map((c) => c.displayName).join('、') || <span className="empty">无填报员</span>}</td>
                <td>{row.lastReminder ? `${dateTime(row.lastReminder.at)} ${row.lastReminder.by}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  const more = shown.length - limit;

  return (
    <main className="office-body">
      <div className="office-title">
        <h2>各单位年报进度</h2>
        <YearPicker view="board" year={year} />
      </div>
      <div className="board-counts" role="group" aria-label="按状态筛选">
        {BOARD_STATES.map((s: BoardState) => (
          <button key={s} type="button" aria-pressed={view.states.has(s)} onClick={() => setView((v) => ({ ...v, states: toggle(v.states, s) }))}>
            <span className="count">{counts[s]}</span> {STATE_LABELS[s]}
          </button>
        ))}
        <button type="button" aria-pressed={view.overdueOnly} className="late" onClick={() => setView((v) => ({ ...v, overdueOnly: !v.overdueOnly }))}>
          <span className="count">{overdue}</span> 逾期
        </button>
        <button type="button" aria-pressed={view.errorsOnly} className="errors" onClick={() => setView((v) => ({ ...v, errorsOnly: !v.errorsOnly }))}>
          <span className="count">{withErrors}</span> 有错误
        </button>
        <input
          type="search"
          aria-label="按单位名称搜索"
          placeholder="搜索单位名称"
          value={view.search}
          onChange={(e) => {
            const search = e.currentTarget.value;
            setView((v) => ({ ...v, search }));
          }}
        />
      </div>
      <div className="board-select">
        <span>选择：</span>
        <button type="button" className="small" onClick={() => selectWhere((r) => !r.report || r.report.status === 'draft' || r.report.status === 'returned')}>
          未开始、草稿和退回的
        </button>
        <button type="button" className="small" onClick={() => selectWhere((r) => r.overdue)}>
          逾期的
        </button>
        <button type="button" className="small" onClick={() => setSelected(new Set())} disabled={!selected.size}>
          清除选择
        </button>
      </div>
      {selected.size > 0 && <ReminderComposer year={year} agencyIds={[...selected]} deadline={firstDeadline} />}
      <p className="hint">
        共 {rows.length} 个单位{filtering(view) ? `，筛选出 ${shown.length} 个` : ''}。点击单位名称打开报告；未开始的单位打开单位页面。
      </p>
      {body}
      {more > 0 && (
        <p>
          还有 {more} 个单位未显示（可用上方的筛选和搜索缩小范围）。{' '}
          <button type="button" className="small" onClick={() => setLimit(shown.length)}>
            全部显示
          </button>
        </p>
      )}
    </main>
  );
}
