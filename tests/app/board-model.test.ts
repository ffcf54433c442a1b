// The progress board's rows: the agency tree with collapsing, the flat list while filtering,
// sorting by a column (rows without a value last), and the counts per status.
import { describe, expect, it } from 'vitest';
import type { OversightRow } from '../../src/api/oversight.ts';
import { type BoardView, stateCounts, visibleRows } from '../../src/app/oversight/board-model.ts';

function row(id: string, parentId: string | null, over: Partial<OversightRow> = {}): OversightRow {
  return {
    agency: { id, name: id, kind: 'department', parentId },
    report: null,
    deadline: '2027-01-31',
    overdue: false,
    daysLeft: 10,
    errors: null,
    warnings: null,
    lastReminder: null,
    clerks: [],
    ...over,
  };
}
const report = (status: 'draft' | 'published', errors = 0) => ({
  report: { id: `r-${status}`, status, head: 1, updatedAt: '2026-12-01T00:00:00Z', savedAt: '2026-12-01T00:00:00Z' },
  errors,
  warnings: 0,
});

const rows = [
  row('市政府', 'outside', { agency: { id: '市政府', name: '市政府', kind: 'government', parentId: 'outside' } }),
  row('乙局', '市政府', { ...report('draft', 3) }),
  row('甲局', '市政府', { overdue: true, daysLeft: -5 }),
  row('县政府', '市政府', { agency: { id: '县政府', name: '县政府', kind: 'government', parentId: '市政府' }, ...report('published') }),
  row('县丙局', '县政府'),
];
const view = (over: Partial<BoardView> = {}): BoardView => ({
  states: new Set(),
  overdueOnly: false,
  errorsOnly: false,
  search: '',
  sort: { key: 'name', descending: false },
  toggled: new Set(),
  ...over,
});
const names = (v: BoardView) => visibleRows(rows, v).map((r) => `${'  '.repeat(r.depth)}${r.row.agency.name}`);

describe('visibleRows', () => {
  it('draws the tree under the office’s own agency, siblings sorted, subordinate governments closed until opened', () => {
    // Chinese names sort by pinyin: 甲 jiǎ, 县 xiàn, 乙 yǐ.
    // A subordinate government starts closed; the office's own agency starts open.
    expect(names(view())).toEqual(['市政府', '  甲局', '  县政府', '  乙局']);
    expect(visibleRows(rows, view())[0]!.children).toBe(4);
    expect(names(view({ toggled: new Set(['县政府']) }))).toEqual(['市政府', '  甲局', '  县政府', '    县丙局', '  乙局']);
    expect(names(view({ toggled: new Set(['市政府']) }))).toEqual(['市政府']);
  });

  it('lists the matches flat while a filter or search is on', () => {
    expect(names(view({ states: new Set(['none']) }))).toEqual(['甲局', '市政府', '县丙局']);
    expect(names(view({ overdueOnly: true }))).toEqual(['甲局']);
    expect(names(view({ errorsOnly: true }))).toEqual(['乙局']);
    expect(names(view({ search: '县' }))).toEqual(['县丙局', '县政府']);
  });

  it('sorts by a column both ways, rows without a value last', () => {
    const byErrors = (descending: boolean) => visibleRows(rows, view({ search: '局', sort: { key: 'errors', descending } })).map((r) => r.row.agency.name);
    expect(byErrors(true)).toEqual(['乙局', '甲局', '县丙局']);
    expect(byErrors(false)).toEqual(['乙局', '甲局', '县丙局']);
    const byDeadline = visibleRows(rows, view({ search: '局', sort: { key: 'deadline', descending: false } })).map((r) => r.row.agency.name);
    expect(byDeadline).toEqual(['甲局', '县丙局', '乙局']);
  });
});

it('counts the agencies per status, 未开始 for those without a report', () => {
  expect(stateCounts(rows)).toEqual({ none: 3, draft: 1, submitted: 0, returned: 0, approved: 0, published: 1 });
});
