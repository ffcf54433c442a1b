// Which cell a broken table-三 balance most likely concerns, from the editing history: if only one
// of the column's typed cells changed since the column last balanced, that cell is the one to
// look at. Anything else (several changes, or a column that never balanced here) blames no one.
import { CELLS, type CellId, type Cells, type Finding } from '../../core/index.ts';

const COLUMN_INPUTS = new Map<string, CellId[]>();
for (const c of CELLS) {
  if (c.table !== 't3' || c.computed) continue;
  COLUMN_INPUTS.set(c.column.id, [...(COLUMN_INPUTS.get(c.column.id) ?? []), c.id]);
}

const columnOf = (f: Finding) => f.cells[0]!.slice(f.cells[0]!.lastIndexOf('.') + 1);

export class BalanceSuspects {
  /** Per column: its typed cells' values when it last balanced. */
  private held = new Map<string, (number | null)[]>();

  /** The findings, with `focus` set on balance findings one changed cell explains; columns that hold are remembered. */
  update(cells: Cells, findings: Finding[]): Finding[] {
    const broken = brokenColumns(findings);
    for (const [column, ids] of COLUMN_INPUTS)
      if (!broken.has(column))
        this.held.set(
          column,
          ids.map((id) => cells[id] ?? null),
        );
    return this.annotate(cells, findings, broken);
  }

  /** The findings with `focus` set as in update, learning nothing (e.g. the findings judged at submit). */
  annotate(cells: Cells, findings: Finding[], broken = brokenColumns(findings)): Finding[] {
    const out = findings.slice();
    for (const [column, index] of broken) {
      const ids = COLUMN_INPUTS.get(column);
      const before = this.held.get(column);
      const f = out[index]!;
      if (!ids || !before || f.focus) continue;
      const changed = ids.filter((id, i) => (cells[id] ?? null) !== before[i]);
      if (changed.length === 1) out[index] = { ...f, focus: changed[0]! };
    }
    return out;
  }
}

/** Column id → index of its t3.balance finding. */
function brokenColumns(findings: Finding[]): Map<string, number> {
  const broken = new Map<string, number>();
  findings.forEach((f, i) => f.rule === 't3.balance' && broken.set(columnOf(f), i));
  return broken;
}
