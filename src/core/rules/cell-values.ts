// Rule 5 and empty cells: every value valid for its kind; empty cells named row by row.
import { CELLS, type CellId, cellEntries, cellInfo } from '../cells.ts';
import type { ReportDocument } from '../document.ts';
import { type Finding, finding } from '../finding.ts';
import { invalidValueReason, parseCellInput } from '../input.ts';

/** Cells whose content is not a valid value: unparsable typed text, or a stored number out of range. */
export function findInvalidCells(doc: Pick<ReportDocument, 'cells' | 'cellText'>): Map<CellId, string> {
  const out = new Map<CellId, string>();
  // The message says what would be valid ("件数应为整数，不能有小数"), not only that this is not.
  for (const [id, text] of cellEntries(doc.cellText)) {
    const parsed = parseCellInput(text, cellInfo(id).value);
    out.set(id, `「${text}」：${parsed.ok ? `不是有效的${cellInfo(id).value === 'money' ? '金额' : '件数'}` : parsed.message}`);
  }
  for (const info of CELLS) {
    const v = doc.cells[info.id];
    if (v === null || v === undefined || out.has(info.id)) continue;
    const reason = invalidValueReason(v, info.value);
    if (reason) out.set(info.id, `${v}：${reason}`);
  }
  return out;
}

/** `unknown`: the invalid cells and the totals over them, which are empty because they cannot be computed, not to be filled. */
export function checkCellValues(doc: Pick<ReportDocument, 'cells' | 'cellText' | 'notApplicable' | 'unread'>, invalid: Map<CellId, string>, unknown: ReadonlySet<CellId>): Finding[] {
  const out: Finding[] = [];
  for (const [id, reason] of invalid) out.push(finding('cell.invalid', [id], `${cellInfo(id).label}：${reason}`));
  // A cell that could not be read may well be filled in the report: not the agency's blank.
  const notApplicable = new Set([...doc.notApplicable, ...doc.unread]);
  const emptyByRow = new Map<string, CellId[]>();
  for (const info of CELLS) {
    if (doc.cells[info.id] !== null || unknown.has(info.id) || notApplicable.has(info.id)) continue;
    const key = `${info.table}.${info.row.id}`;
    emptyByRow.set(key, [...(emptyByRow.get(key) ?? []), info.id]);
  }
  for (const ids of emptyByRow.values()) {
    const first = cellInfo(ids[0]!);
    const cols = ids.map((id) => cellInfo(id).column.shortLabel ?? cellInfo(id).column.label).join('、');
    out.push(finding('cell.missing', ids, `${first.tableNumber}、${first.row.shortLabel} 有 ${ids.length} 个空格（${cols}）：没有发生的应填 0，确实不适用的请标记“不适用”`));
  }
  return out;
}
