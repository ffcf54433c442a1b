// What the office's charts show, computed from roll-up cells with the template's rows and labels
// (no table label is written here): outcomes by category, 复议/诉讼 with the correction rate,
// requests by year. Pure functions.
import { type CellId, cellId, getTemplate, type TableId } from '../../core/index.ts';

type Cells = Partial<Record<CellId, number | null>>;
export interface Datum {
  label: string;
  value: number;
}

const tables = getTemplate().tables;
const t3 = tables.find((t) => t.id === 't3')!;
const t4 = tables.find((t) => t.id === 't4')!;
const t3Rows = t3.rows;
const t3Groups = t3.rowGroups ?? [];
const t4Rows = t4.rows;
const t4Columns = t4.columns;

/** "（二）部分公开（区分处理的，…）" → "部分公开"; "一、本年新收" → "本年新收". */
export const bareLabel = (label: string) => label.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '').replace(/（.*）$/, '');

const value = (cells: Cells, table: TableId, row: string, column: string) => cells[cellId(table, row, column)] ?? 0;

/** 三、本年度办理结果 by category: its own rows (予以公开, 部分公开; not （七）总计) and its groups (不予公开 …) summed. */
export function outcomes(cells: Cells): Datum[] {
  const own = t3Rows.filter((r) => r.parent === 'results' && r.id !== 'total').map((r) => ({ label: bareLabel(r.label), value: value(cells, 't3', r.id, 'total') }));
  const groups = t3Groups
    .filter((g) => g.parent === 'results')
    .map((g) => ({ label: bareLabel(g.label), value: t3Rows.filter((r) => r.parent === g.id).reduce((n, r) => n + value(cells, 't3', r.id, 'total'), 0) }));
  return [...own, ...groups];
}

export interface AppealGroup {
  label: string;
  parts: Datum[];
  total: number;
  /** 结果纠正 among the decided cases (总计 − 尚未审结); null when none was decided. */
  correctionRate: number | null;
}

/** The kinds of appeal as 表四 names them ("行政复议、行政诉讼"): its rows, or their group. */
export const appealKinds = [...new Set(t4Rows.map((r) => (r.parent ? t4.rowGroups!.find((g) => g.id === r.parent)!.label : r.label)))].join('、');
export const appealTotalLabel = t4Columns.find((c) => c.id === 'total')!.label;

export function appeals(cells: Cells): AppealGroup[] {
  return t4Rows.map((r) => {
    const parts = t4Columns.filter((c) => c.id !== 'total').map((c) => ({ label: c.label, value: value(cells, 't4', r.id, c.id) }));
    const total = value(cells, 't4', r.id, 'total');
    const decided = total - value(cells, 't4', r.id, 'pending');
    return { label: r.shortLabel ?? r.label, parts, total, correctionRate: decided > 0 ? value(cells, 't4', r.id, 'corrected') / decided : null };
  });
}

/** The request rows charted by year: 本年新收, 上年结转, 结转下年度继续办理 (totals column). */
const REQUEST_ROWS = ['new', 'carriedIn', 'carriedOut'];
export const requestSeries = REQUEST_ROWS.map((id) => bareLabel(t3Rows.find((r) => r.id === id)!.label));

export function requestsByYear(years: { year: number; cells: Cells }[]): { year: number; values: number[] }[] {
  return years.map(({ year, cells }) => ({ year, values: REQUEST_ROWS.map((id) => value(cells, 't3', id, 'total')) }));
}

export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
