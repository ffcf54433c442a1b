// Which cell a broken table-三 balance most likely concerns, from the editing history: if only one
// of the column's typed cells changed since the column last balanced, that cell is the one to
// look at. Anything else (several changes, or a column that never balanced here) blames no one.
import { CELLS, type Cells, type CellId, type Finding } from '../../core/index.ts';

const COLUMN_INPUTS = new Map<string, CellId[]>();
for (const c of CELLS) {
  if (c.table !== 't3' || c.computed) continue;
  COLUMN_INPUTS.set(c.column.id, [...(COLUMN_INPUTS.get(c.column.id) ?? []), c.id]);
}

const columnOf = (f: Finding) => f.cells[0]!.slice(f.cells[0]!.lastIndexOf('.') + 1);

export class BalanceSuspects {
  /** Per column: its typed cells' values when it last balanced. */
  private held = new Map<string, (number | null)[]>();

  /** The findings, with `focus` set on balance findings one changed cell explains. */
  update(cells: Cells, findings: Finding[]): Finding[] {
    const broken = new Map<string, number>();
    findings.forEach((f, i) => f.rule === 't3.balance' && broken.set(columnOf(f), i));
    const out = findings.slice();
    for (const [column, ids] of COLUMN_INPUTS) {
      const index = broken.get(column);
      const values = ids.map((id) => cells[id] ?? null);
      if (index === undefined) {
        this.held.set(column, values);
        continue;
      }
      const before = this.held.get(column);
      const f = out[index]!;
      if (!before || f.focus) continue;
      const changed = ids.filter((_, i) => values[i] !== before[i]);
      if (changed.length === 1) out[index] = { ...f, focus: changed[0]! };
    }
    return out;
  }
}
