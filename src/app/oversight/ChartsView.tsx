// Charts for the office: requests over the last five years, outcomes, 行政复议/诉讼 with 纠错率, the
// agencies with most requests, and the cycle's progress by date. Loaded only on this screen.
import type { RollupInclude } from '../../api/oversight.ts';
import { useOversightTimeline, useRollup, useRollupCell } from '../data/oversight.ts';
import { appealKinds, appeals, appealTotalLabel, outcomes, percent, requestSeries, requestsByYear } from './chart-data.ts';
import { ChartFigure, DataTable, GroupedBars, HBarChart, LineChart, monthDay, StackedBars } from './svg-charts.tsx';
import { YearPicker } from './YearPicker.tsx';

const INCLUDE: RollupInclude[] = ['approved', 'published'];
const TOP = 10;

function Pending({ query }: { query: { isPending: boolean; isError: boolean; error: Error | null } }) {
  if (query.isPending) return <p className="loading">正在读取…</p>;
  if (query.isError) return <p role="alert">无法读取：{query.error?.message}</p>;
  return null;
}

export function ChartsView({ year }: { year: number }) {
  // A fixed number of hooks: this year's roll-up and the four before it.
  const history = [useRollup(year - 4, INCLUDE), useRollup(year - 3, INCLUDE), useRollup(year - 2, INCLUDE), useRollup(year - 1, INCLUDE), useRollup(year, INCLUDE)];
  const current = history[4]!;
  const received = useRollupCell(year, INCLUDE, 't3.new.total');
  const timeline = useOversightTimeline(year);

  // A year without an approved or published report has no figures (not zero ones): it is named instead.
  const years = history.flatMap((q, i) => (q.data?.included.length ? [{ year: year - 4 + i, cells: q.data.cells }] : []));
  const withoutReports = history.flatMap((q, i) => (q.data && !q.data.included.length ? [year - 4 + i] : []));
  const byYear = requestsByYear(years);
  const outcomeData = current.data ? outcomes(current.data.cells) : [];
  const outcomeTotal = outcomeData.reduce((n, d) => n + d.value, 0);
  const appealData = current.data ? appeals(current.data.cells) : [];
  const top = (received.data?.contributions ?? [])
    .map((c) => ({ label: c.agencyName, value: c.value ?? 0 }))
    .sort((a, b) => b.value - a.value)
    .slice(0, TOP);
  const days = timeline.data?.days ?? [];

  return (
    <main className="office-body charts">
      <div className="office-title">
        <h2>{year} 年度图表</h2>
        <YearPicker view="charts" year={year} />
        <span className="hint">统计已审核和已发布的报告{current.data ? `（本年度 ${current.data.included.length} 份）` : ''}。</span>
      </div>
      <div className="chart-grid">
        <ChartFigure
          id="chart-requests"
          title={`政府信息公开申请数量（${year - 4}—${year} 年）`}
          chart={<GroupedBars categories={byYear.map((y) => `${y.year}年`)} series={requestSeries} values={byYear.map((y) => y.values)} />}
          table={<DataTable head={['年度', ...requestSeries]} rows={byYear.map((y) => [`${y.year}年`, ...y.values])} />}
          note={withoutReports.length ? `${withoutReports.join('、')} 年没有已审核或已发布的报告，未列入。` : undefined}
        />
        {current.data ? (
          <ChartFigure
            id="chart-outcomes"
            title={`${year} 年度申请办理结果`}
            chart={<HBarChart data={outcomeData} note={(d) => (outcomeTotal ? percent(d.value / outcomeTotal) : '—')} />}
            table={<DataTable head={['办理结果', '件数', '占比']} rows={outcomeData.map((d) => [d.label, d.value, outcomeTotal ? percent(d.value / outcomeTotal) : '—'])} />}
          />
        ) : (
          <Pending query={current} />
        )}
        {current.data && (
          <ChartFigure
            id="chart-appeals"
            title={`${year} 年度${appealKinds}及纠错率`}
            chart={<StackedBars groups={appealData.map((g) => ({ ...g, note: g.correctionRate === null ? '无已审结案件' : `纠错率 ${percent(g.correctionRate)}` }))} />}
            table={
              <DataTable
                head={['类别', ...(appealData[0]?.parts.map((p) => p.label) ?? []), appealTotalLabel, '纠错率']}
                rows={appealData.map((g) => [g.label, ...g.parts.map((p) => p.value), g.total, g.correctionRate === null ? '—' : percent(g.correctionRate)])}
              />
            }
          />
        )}
        {received.data ? (
          <ChartFigure
            id="chart-top"
            title={`${year} 年度收到申请最多的 ${Math.min(TOP, top.length)} 个单位`}
            chart={<HBarChart data={top} />}
            table={<DataTable head={['单位', '本年新收申请']} rows={top.map((d) => [d.label, d.value])} />}
          />
        ) : (
          <Pending query={received} />
        )}
        {timeline.data ? (
          <ChartFigure
            id="chart-progress"
            title={`${year} 年度报告提交和发布进度（累计）`}
            chart={
              days.length ? (
                <LineChart
                  dates={days.map((d) => d.date)}
                  series={[
                    { label: '已提交', values: days.map((d) => d.submitted) },
                    { label: '已发布', values: days.map((d) => d.published) },
                  ]}
                />
              ) : (
                <p className="empty">还没有单位提交报告。</p>
              )
            }
            table={<DataTable head={['日期', '已提交', '已发布']} rows={days.map((d) => [monthDay(d.date), d.submitted, d.published])} />}
          />
        ) : (
          <Pending query={timeline} />
        )}
      </div>
    </main>
  );
}
