// 汇总: tables 二/三/四 summed over the agencies of the office's subtree, drawn in the official
// layout by the same component as the editor's read-only view; a cell opens who contributes to it;
// the rule engine's findings on the sum; who is included and who is not; CSV and XLSX downloads.
import { useState } from 'react';
import { ROLLUP_INCLUDE, type RollupInclude } from '../../api/oversight.ts';
import { type CellId, cellInfo, cellLabel, getTemplate } from '../../core/index.ts';
import { LayoutTable } from '../components/LayoutTable.tsx';
import { rollupFileUrl, useOversightBoard, useRollup, useRollupCell } from '../data/oversight.ts';
import { SEVERITY_LABEL } from '../editor/FindingsList.tsx';
import { href } from '../router.ts';
import { STATE_LABELS } from './board-model.ts';
import { YearPicker } from './YearPicker.tsx';

const template = getTemplate();
const sectionTitle = (tableId: string) => template.format.sections.find((s) => s.table === tableId)?.title ?? '';
const DEFAULT_INCLUDE: RollupInclude[] = ['approved', 'published'];

const show = (id: CellId, v: number | null | undefined) => (v === null || v === undefined ? '—' : cellInfo(id).value === 'money' ? String(Number(v.toFixed(4))) : String(v));

function CellDrillDown({ year, include, cell, onClose }: { year: number; include: RollupInclude[]; cell: CellId; onClose: () => void }) {
  const detail = useRollupCell(year, include, cell);
  const rows = detail.data?.contributions ?? [];
  return (
    <aside className="drill-down" aria-labelledby="drill-title">
      <div className="drill-head">
        <h3 id="drill-title">{cellLabel(cell)}</h3>
        <button type="button" className="small" onClick={onClose}>
          关闭
        </button>
      </div>
      {detail.isPending ? (
        <p className="loading">正在读取…</p>
      ) : detail.isError ? (
        <p role="alert">无法读取：{detail.error.message}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col" className="num">
                数值
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.reportId}>
                <th scope="row">
                  <a href={href({ page: 'report', id: c.reportId, step: 'check' })}>{c.agencyName}</a>
                </th>
                <td className="num">{c.value === null ? '空' : show(cell, c.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

export function RollupView({ year }: { year: number }) {
  const [include, setInclude] = useState<RollupInclude[]>(DEFAULT_INCLUDE);
  const [open, setOpen] = useState<CellId | null>(null);
  const rollup = useRollup(year, include);
  const board = useOversightBoard(year);
  const names = new Map((board.data?.agencies ?? []).map((r) => [r.agency.id, r.agency.name]));
  const data = rollup.data;
  const flagged = new Set(data?.findings.flatMap((f) => f.cells) ?? []);

  return (
    <main className="office-body rollup">
      <div className="office-title">
        <h2>{year} 年度汇总</h2>
        <YearPicker view="rollup" year={year} />
        <label>
          <input
            type="checkbox"
            checked={include.includes('submitted')}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setInclude(ROLLUP_INCLUDE.filter((s) => s !== 'submitted' || on));
            }}
          />{' '}
          包括已提交、尚未审核的报告
        </label>
        <span className="downloads">
          <a className="button small" href={rollupFileUrl(year, include, 'xlsx')} download>
            下载 Excel（XLSX）
          </a>
          <a className="button small" href={rollupFileUrl(year, include, 'csv')} download>
            下载 CSV
          </a>
        </span>
      </div>
      {rollup.isPending ? (
        <p className="loading">正在汇总…</p>
      ) : rollup.isError ? (
        <p role="alert">无法汇总：{rollup.error.message}</p>
      ) : (
        <>
          <p className="hint" role="status">
            汇总了 <strong>{data!.included.length}</strong> 份报告（{include.map((s) => STATE_LABELS[s]).join('、')}）；{data!.excluded.length} 个单位未计入。点击表中的数字查看各单位的数值。
          </p>
          <section className="rollup-findings" aria-labelledby="rollup-findings-title">
            <h3 id="rollup-findings-title">汇总数据校验</h3>
            {data!.findings.length === 0 ? (
              <p className="ok">汇总表的勾稽关系全部成立。</p>
            ) : (
              <ul className="file-findings">
                {data!.findings.map((f, i) => (
                  <li key={i}>
                    <span className={`sev ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className={`rollup-layout${open ? ' with-detail' : ''}`}>
            <div>
              {template.tables.map((t) => (
                <section key={t.id} className="rollup-table">
                  <h3>{sectionTitle(t.id)}</h3>
                  <LayoutTable
                    table={t}
                    label={`表${t.number}（汇总）`}
                    className="p-table"
                    cellProps={(id) => ({ className: `data${flagged.has(id) ? ' flagged' : ''}${open === id ? ' open' : ''}`, 'data-cell': id })}
                    renderCell={(id) => (
                      <button type="button" className="sum" onClick={() => setOpen(id)} aria-label={`${cellLabel(id)}：${show(id, data!.cells[id])}，查看各单位数值`}>
                        {show(id, data!.cells[id])}
                      </button>
                    )}
                  />
                </section>
              ))}
            </div>
            {open && <CellDrillDown year={year} include={include} cell={open} onClose={() => setOpen(null)} />}
          </div>
          <div className="rollup-lists">
            <section aria-labelledby="included-title">
              <h3 id="included-title">计入汇总的单位（{data!.included.length}）</h3>
              <ul>
                {data!.included.map((r) => (
                  <li key={r.reportId}>
                    <a href={href({ page: 'report', id: r.reportId, step: 'check' })}>{names.get(r.agencyId) ?? r.agencyId}</a>{' '}
                    <span className={`status-badge status-${r.status}`}>{STATE_LABELS[r.status]}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="excluded-title">
              <h3 id="excluded-title">未计入的单位（{data!.excluded.length}）</h3>
              <ul>
                {data!.excluded.map((r) => (
                  <li key={r.agencyId}>
                    {r.agencyName} <span className={`status-badge status-${r.status ?? 'none'}`}>{STATE_LABELS[r.status ?? 'none']}</span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
    </main>
  );
}
