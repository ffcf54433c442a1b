// 汇总: the tables of several reports summed cell by cell, for an office's roll-up over the
// agencies below it. Sums are linear, so summing reports whose totals hold gives totals that hold.
import { type CellId, cellInfo, cellRecord } from './cells.ts';
import type { Cells } from './document.ts';

/** 收费金额 has at most 4 decimals (万元): summed in units of 0.0001 so 0.1 + 0.2 is 0.3 exactly. */
const MONEY_SCALE = 10_000;

/** Per cell, the sum of the reports that have a value; null only when none has one. */
export function sumCells(reports: readonly Cells[]): Cells {
  return cellRecord((id) =>
    sumCell(
      reports.map((cells) => cells[id] ?? null),
      id,
    ),
  );
}

function sumCell(values: (number | null)[], id: CellId): number | null {
  const scale = cellInfo(id).value === 'money' ? MONEY_SCALE : 1;
  let sum = 0;
  let any = false;
  for (const v of values) {
    if (v === null) continue;
    any = true;
    sum += scale === 1 ? v : Math.round(v * scale);
  }
  return any ? sum / scale : null;
}
