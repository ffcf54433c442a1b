// Keeping a bulk check's results on the server — only when the office chooses to (nothing is uploaded
// otherwise) — under a report year, and the results kept for a year, each downloadable again as the
// CLI's --summary CSV or --json.
import { useState } from 'react';
import { type CheckResult, type SummaryRow, summaryCsv } from '../../import/check.ts';
import { useKeepBulkCheck, useKeptBulkCheckLoader, useKeptBulkChecks } from '../data/oversight.ts';
import { download } from '../editor/exports.ts';
import { chinaDateTime } from '../oversight/format.ts';
import { YearSelect } from '../oversight/YearPicker.tsx';

/** The report year most of the read files are of, if any. */
function commonYear(results: readonly CheckResult[]): number | null {
  const counts = new Map<number, number>();
  for (const r of results) if (r.year !== null) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** `finished`: the check is over and these are its rows and results; null while there is nothing to keep. */
export function KeptChecks({ finished, defaultYear }: { finished: { rows: SummaryRow[]; results: CheckResult[] } | null; defaultYear: number }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? (finished && commonYear(finished.results)) ?? defaultYear;
  const kept = useKeptBulkChecks(year);
  const keep = useKeepBulkCheck();
  const load = useKeptBulkCheckLoader();
  const [saved, setSaved] = useState<number | null>(null);
  const again = async (id: string, as: 'csv' | 'json') => {
    const { bulkCheck, summary, results } = await load(id);
    const name = `年报检查${as === 'csv' ? '汇总' : '结果'}-${bulkCheck.year}-${bulkCheck.savedAt.slice(0, 10)}`;
    if (as === 'csv') download(new Blob([summaryCsv(summary)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
    else download(new Blob([JSON.stringify(results, null, 2) + '\n'], { type: 'application/json' }), `${name}.json`);
  };

  return (
    <section className="kept-checks" aria-labelledby="kept-title">
      <div className="bulk-status">
        <h3 id="kept-title">保存在服务器上的检查结果</h3>
        <YearSelect year={year} onChange={setChosen} />
        {finished && (
          <button
            type="button"
            className="primary"
            disabled={keep.isPending}
            onClick={() => {
              setSaved(null);
              keep.mutate({ year, summary: finished.rows, results: finished.results }, { onSuccess: () => setSaved(finished.rows.length) });
            }}
          >
            把本次结果保存到 {year} 年度
          </button>
        )}
        {saved !== null && <span role="status">已保存 {saved} 个文件的检查结果。</span>}
        {keep.isError && <span role="alert">保存失败：{keep.error.message}</span>}
      </div>
      {kept.isPending ? (
        <p className="loading">正在读取已保存的检查结果…</p>
      ) : kept.isError ? (
        <p role="alert">无法读取已保存的检查结果：{kept.error.message}</p>
      ) : kept.data.length === 0 ? (
        <p className="empty">{year} 年度还没有保存的检查结果。</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">保存时间</th>
              <th scope="col">保存人</th>
              <th scope="col" className="num">
                文件
              </th>
              <th scope="col" className="num">
                有错误
              </th>
              <th scope="col" className="num">
                无法读取
              </th>
              <th scope="col">下载</th>
            </tr>
          </thead>
          <tbody>
            {kept.data.map((k) => (
              <tr key={k.id} data-kept={k.id}>
                <td>{chinaDateTime(k.savedAt)}</td>
                <td>{k.savedBy.displayName}</td>
                <td className="num">{k.files}</td>
                <td className={`num${k.withErrors ? ' error' : ''}`}>{k.withErrors}</td>
                <td className="num">{k.unreadable}</td>
                <td>
                  <button type="button" className="small" onClick={() => void again(k.id, 'csv')}>
                    CSV
                  </button>{' '}
                  <button type="button" className="small" onClick={() => void again(k.id, 'json')}>
                    JSON
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
