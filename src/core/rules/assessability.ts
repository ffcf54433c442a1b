// Which cells a rule may judge. A cell printed blank is the agency's own omission and counts as 0;
// a cell the importer could not read, or (in a draft) one the clerk has not filled yet, is unknown:
// a rule over it is not assessed — listed with the reason instead of accusing anyone.
import { type CellId, cellEntries, cellId, cellInfo } from '../cells.ts';
import type { Cells, ReportDocument } from '../document.ts';
import type { Unassessed } from '../finding.ts';
import type { Equation } from '../relations.ts';
import { GOV_2021, getTable } from '../template.ts';
import { withDependentTotals } from '../totals.ts';

export type UnknownCause = 'unread' | 'unfilled';

export interface UnknownCells {
  cause: UnknownCause;
  cells: ReadonlySet<CellId>;
  /** Printed subtotals of row groups whose parts are unknown (document.groupTotals). */
  groupTotals: Readonly<Record<string, number>>;
}

export const NOTHING_UNKNOWN: UnknownCells = { cause: 'unread', cells: new Set(), groupTotals: {} };

/**
 * Unknown cells of a document. A report's: the empty cells its importer could not read. A draft's
 * (the editor, totals computed): every empty cell not marked 不适用, and every total that adds one
 * up — a sum is judged once all the cells behind it are filled.
 */
export function unknownCells(doc: Pick<ReportDocument, 'cells' | 'cellText' | 'notApplicable' | 'unread' | 'groupTotals'>, draft: boolean): UnknownCells {
  if (draft) {
    const notApplicable = new Set(doc.notApplicable);
    const empty = new Set<CellId>();
    for (const [id, v] of cellEntries(doc.cells)) if (v === null && !notApplicable.has(id) && !(id in doc.cellText)) empty.add(id);
    return { cause: 'unfilled', cells: withDependentTotals(empty), groupTotals: {} };
  }
  const unread = doc.unread.filter((id) => doc.cells[id] === null && !(id in doc.cellText));
  return unread.length ? { cause: 'unread', cells: new Set(unread), groupTotals: doc.groupTotals } : NOTHING_UNKNOWN;
}

const T3 = getTable(GOV_2021, 't3');

/**
 * A sum over unknown cells made judgeable by printed group subtotals: the cells with each unknown
 * group's parts replaced by its subtotal (on the first part, 0 on the others). Null when some unknown
 * cell is not covered by a subtotal.
 */
export function withGroupTotals(eq: Equation, cells: Cells, unknown: UnknownCells): Cells | null {
  if (eq.kind !== 'sum' || !Object.keys(unknown.groupTotals).length) return null;
  const out: Cells = { ...cells };
  for (const id of eq.addends) {
    if (!unknown.cells.has(id)) continue;
    const { row, column } = cellInfo(id);
    const subtotal = row.parent === undefined ? undefined : unknown.groupTotals[`t3.${row.parent}.${column.id}`];
    if (subtotal === undefined) return null;
    const parts = T3.rows.filter((r) => r.parent === row.parent).map((r) => cellId('t3', r.id, column.id));
    if (!parts.every((p) => eq.addends.includes(p))) return null;
    parts.forEach((p, i) => (out[p] = i === 0 ? subtotal : 0));
  }
  return out;
}

const MAX_NAMED = 3;
const MAX_LABEL = 14;

/** "三、（六）1.申请人无正当理由逾期…·自然人、商业企业": the unknown cells row by row, long labels cut. */
function nameCells(ids: readonly CellId[]): string {
  const rows = new Map<string, string[]>();
  for (const id of ids) {
    const { tableNumber, row, column } = cellInfo(id);
    const label = `${tableNumber}、${row.shortLabel.length > MAX_LABEL ? `${row.shortLabel.slice(0, MAX_LABEL)}…` : row.shortLabel}`;
    rows.set(label, [...(rows.get(label) ?? []), column.shortLabel ?? column.label]);
  }
  const named = [...rows].slice(0, MAX_NAMED).map(([row, cols]) => `${row}·${cols.length > MAX_NAMED ? `${cols.slice(0, MAX_NAMED).join('、')}等 ${cols.length} 格` : cols.join('、')}`);
  return named.join('；') + (rows.size > MAX_NAMED ? `等 ${rows.size} 行` : '');
}

/** Why a rule over these cells was not assessed, naming the unknown cells by their labels. */
export function unassessedReason(ids: readonly CellId[], cause: UnknownCause): string {
  return cause === 'unread' ? `未能读取${nameCells(ids)}，无法核验` : `未填完：${nameCells(ids)} 尚未填写`;
}

/** Each reason once, with how many rules it stopped (one unread row stops several sums). */
export function unassessedReasons(list: readonly Unassessed[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of list) out.set(u.reason, (out.get(u.reason) ?? 0) + 1);
  return out;
}

export function unassessed(rule: Unassessed['rule'], cells: CellId[], unknown: UnknownCells): Unassessed {
  return {
    rule,
    cells,
    reason: unassessedReason(
      cells.filter((id) => unknown.cells.has(id)),
      unknown.cause,
    ),
  };
}
