// The progress board's rows as the office sees them: the agency tree (a government's departments
// and subordinate governments), or — while a filter or search is on — the flat list of matches;
// sorted by any column (within siblings in the tree). Pure functions over the board answer.
// Only the rows on screen are drawn: 2,000 table rows take seconds on a slow office PC.
import type { OversightRow } from '../../api/oversight.ts';
import { type ReportStatus, STATUS_LABELS } from '../../api/workflow.ts';

/** A row's 状态: its report's status, or 未开始 without a report. */
export type BoardState = ReportStatus | 'none';
export const BOARD_STATES: BoardState[] = ['none', 'draft', 'submitted', 'returned', 'approved', 'published'];
export const STATE_LABELS: Record<BoardState, string> = { none: '未开始', ...STATUS_LABELS };

export const stateOf = (row: OversightRow): BoardState => row.report?.status ?? 'none';

export type SortKey = 'name' | 'state' | 'deadline' | 'errors' | 'warnings' | 'savedAt' | 'clerks' | 'lastReminder';
export interface BoardView {
  states: ReadonlySet<BoardState>;
  overdueOnly: boolean;
  errorsOnly: boolean;
  search: string;
  sort: { key: SortKey; descending: boolean };
  /**
   * Tree rows whose open state the office changed: the top rows start open, the rows below them
   * (a province's cities, a city's counties) start closed, so a province's board starts short.
   */
  toggled: ReadonlySet<string>;
}

export const isOpen = (view: BoardView, id: string, depth: number) => (depth === 0) !== view.toggled.has(id);

export interface VisibleRow {
  row: OversightRow;
  depth: number;
  /** Agencies below it on the board; a tree row with them can be collapsed. */
  children: number;
}

const VALUE: Record<SortKey, (r: OversightRow) => string | number | null> = {
  name: (r) => r.agency.name,
  state: (r) => BOARD_STATES.indexOf(stateOf(r)),
  deadline: (r) => (r.report?.status === 'published' ? null : r.daysLeft),
  errors: (r) => r.errors,
  warnings: (r) => r.warnings,
  savedAt: (r) => r.report?.savedAt ?? null,
  clerks: (r) => r.clerks.map((c) => c.displayName).join('、') || null,
  lastReminder: (r) => r.lastReminder?.at ?? null,
};

/** Rows without a value sort last either way; ties fall back to the agency's name. */
export function compareRows(key: SortKey, descending: boolean) {
  return (a: OversightRow, b: OversightRow): number => {
    const x = VALUE[key](a);
    const y = VALUE[key](b);
    if (x === null || y === null) return x === y ? a.agency.name.localeCompare(b.agency.name, 'zh-CN') : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return (descending ? -order : order) || a.agency.name.localeCompare(b.agency.name, 'zh-CN');
  };
}

export function matches(row: OversightRow, view: BoardView): boolean {
  if (view.states.size && !view.states.has(stateOf(row))) return false;
  if (view.overdueOnly && !row.overdue) return false;
  if (view.errorsOnly && !row.errors) return false;
  const q = view.search.trim();
  return !q || row.agency.name.includes(q);
}

export const filtering = (view: BoardView) => view.states.size > 0 || view.overdueOnly || view.errorsOnly || view.search.trim() !== '';

export function visibleRows(rows: readonly OversightRow[], view: BoardView): VisibleRow[] {
  const compare = compareRows(view.sort.key, view.sort.descending);
  const ids = new Set(rows.map((r) => r.agency.id));
  const children = new Map<string | null, OversightRow[]>();
  for (const r of rows) {
    // The office's own agency (whose parent is outside the board) is a root.
    const parent = r.agency.parentId && ids.has(r.agency.parentId) ? r.agency.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const counted = new Map<string, number>();
  const below = (id: string): number => {
    let n = counted.get(id);
    if (n === undefined) counted.set(id, (n = (children.get(id) ?? []).reduce((sum, c) => sum + 1 + below(c.agency.id), 0)));
    return n;
  };
  if (filtering(view))
    return rows
      .filter((r) => matches(r, view))
      .sort(compare)
      .map((row) => ({ row, depth: 0, children: 0 }));
  const out: VisibleRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const row of [...(children.get(parent) ?? [])].sort(compare)) {
      out.push({ row, depth, children: below(row.agency.id) });
      if (isOpen(view, row.agency.id, depth)) walk(row.agency.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function stateCounts(rows: readonly OversightRow[]): Record<BoardState, number> {
  const counts = Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>;
  for (const r of rows) counts[stateOf(r)]++;
  return counts;
}
