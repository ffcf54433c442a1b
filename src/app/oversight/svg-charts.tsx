// Small SVG charts for the office (no chart library: four simple shapes, Chinese labels set by us,
// crisp in print, nothing to download). Each chart is a <figure> whose data is also a table.
import type { ReactNode } from 'react';
import type { Datum } from './chart-data.ts';

export const PALETTE = ['#1d4f91', '#c2571a', '#2e6b30', '#8a5300', '#6b4c9a', '#5b6470'];
const W = 640;
const fmt = (n: number) => n.toLocaleString('zh-CN');
/** "2027-01-05" → "1月5日". */
export const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** A chart with its numbers as a table (for screen readers, and for whoever wants the figures). */
export function ChartFigure({ id, title, chart, table, note }: { id: string; title: string; chart: ReactNode; table: ReactNode; note?: string | undefined }) {
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {chart}
      {note && <p className="hint">{note}</p>}
      <details>
        <summary>数据表</summary>
        {table}
      </details>
    </figure>
  );
}

export function DataTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="data-table chart-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {c}
                </th>
              ) : (
                <td key={j} className="num">
                  {typeof c === 'number' ? fmt(c) : c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Legend({ labels, y }: { labels: string[]; y: number }) {
  let x = 0;
  return (
    <g transform={`translate(0 ${y})`}>
      {labels.map((l, i) => {
        const at = x;
        x += 28 + l.length * 13;
        return (
          <g key={l} transform={`translate(${at} 0)`}>
            <rect width="12" height="12" fill={PALETTE[i % PALETTE.length]} />
            <text x="17" y="11">
              {l}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Horizontal bars, one per datum, with the value (and an optional note) after each. */
export function HBarChart({ data, note }: { data: Datum[]; note?: (d: Datum) => string }) {
  const labelW = Math.min(220, 16 + Math.max(4, ...data.map((d) => d.label.length)) * 13);
  const max = Math.max(1, ...data.map((d) => d.value));
  const barW = W - labelW - 110;
  const h = data.length * 28 + 4;
  return (
    <svg viewBox={`0 0 ${W} ${h}`} className="chart-svg" aria-hidden="true">
      {data.map((d, i) => (
        <g key={i} transform={`translate(0 ${i * 28 + 4})`}>
          <text x={labelW - 8} y="15" textAnchor="end">
            {d.label.length > 16 ? `${d.label.slice(0, 15)}…` : d.label}
          </text>
          <rect x={labelW} width={(d.value / max) * barW} height="20" fill={PALETTE[0]} />
          <text x={labelW + (d.value / max) * barW + 6} y="15">
            {fmt(d.value)}
            {note ? `（${note(d)}）` : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Vertical bars grouped by category (e.g. years), one colour per series. */
export function GroupedBars({ categories, series, values }: { categories: string[]; series: string[]; values: number[][] }) {
  const h = 240;
  const top = 10;
  const plotH = 170;
  const left = 50;
  const max = Math.max(1, ...values.flat());
  const groupW = (W - left) / Math.max(1, categories.length);
  const barW = Math.min(34, (groupW - 16) / series.length);
  return (
    <svg viewBox={`0 0 ${W} ${h}`} className="chart-svg" aria-hidden="true">
      <line x1={left} x2={W} y1={top + plotH} y2={top + plotH} stroke="#5f6670" />
      <text x={left - 6} y={top + 10} textAnchor="end">
        {fmt(max)}
      </text>
      <text x={left - 6} y={top + plotH} textAnchor="end">
        0
      </text>
      {categories.map((c, i) => {
        const x0 = left + i * groupW + (groupW - barW * series.length) / 2;
        return (
          <g key={c}>
            {series.map((_, s) => {
              const v = values[i]![s]!;
              const bh = (v / max) * plotH;
              return (
                <g key={s}>
                  <rect x={x0 + s * barW} y={top + plotH - bh} width={barW - 3} height={bh} fill={PALETTE[s % PALETTE.length]} />
                  <text x={x0 + s * barW + (barW - 3) / 2} y={top + plotH - bh - 3} textAnchor="middle" className="small">
                    {fmt(v)}
                  </text>
                </g>
              );
            })}
            <text x={left + i * groupW + groupW / 2} y={top + plotH + 18} textAnchor="middle">
              {c}
            </text>
          </g>
        );
      })}
      <Legend labels={series} y={h - 16} />
    </svg>
  );
}

/** Horizontal stacked bars: each group's parts side by side, the total and a note after. */
export function StackedBars({ groups }: { groups: { label: string; parts: Datum[]; total: number; note: string }[] }) {
  const labelW = 200;
  const max = Math.max(1, ...groups.map((g) => g.parts.reduce((n, p) => n + p.value, 0)));
  const barW = W - labelW - 170;
  const h = groups.length * 34 + 30;
  return (
    <svg viewBox={`0 0 ${W} ${h}`} className="chart-svg" aria-hidden="true">
      {groups.map((g, i) => {
        let x = labelW;
        return (
          <g key={g.label} transform={`translate(0 ${i * 34 + 4})`}>
            <text x={labelW - 8} y="16" textAnchor="end">
              {g.label}
            </text>
            {g.parts.map((p, j) => {
              const w = (p.value / max) * barW;
              const at = x;
              x += w;
              return <rect key={j} x={at} width={w} height="22" fill={PALETTE[j % PALETTE.length]} />;
            })}
            <text x={x + 6} y="16">
              {fmt(g.total)} 件{g.note ? `，${g.note}` : ''}
            </text>
          </g>
        );
      })}
      <Legend labels={groups[0]?.parts.map((p) => p.label) ?? []} y={h - 16} />
    </svg>
  );
}

/** Lines over dates (the cycle's progress), one colour per series. */
export function LineChart({ dates, series }: { dates: string[]; series: { label: string; values: number[] }[] }) {
  const h = 240;
  const top = 10;
  const plotH = 170;
  const left = 50;
  const right = 20;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (dates.length > 1 ? (i / (dates.length - 1)) * (W - left - right) : 0);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = dates.length ? [0, Math.floor((dates.length - 1) / 2), dates.length - 1] : [];
  return (
    <svg viewBox={`0 0 ${W} ${h}`} className="chart-svg" aria-hidden="true">
      <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} stroke="#5f6670" />
      <text x={left - 6} y={top + 10} textAnchor="end">
        {fmt(max)}
      </text>
      <text x={left - 6} y={top + plotH} textAnchor="end">
        0
      </text>
      {[...new Set(ticks)].map((i) => (
        <text key={i} x={x(i)} y={top + plotH + 18} textAnchor="middle">
          {monthDay(dates[i]!)}
        </text>
      ))}
      {series.map((s, k) => (
        <polyline key={s.label} fill="none" stroke={PALETTE[k % PALETTE.length]} strokeWidth="2.5" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
      ))}
      <Legend labels={series.map((s) => s.label)} y={h - 16} />
    </svg>
  );
}
