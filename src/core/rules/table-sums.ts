// Hard rules 1–4: the sums inside tables 三 and 四, from the template's relations.
// This runs on every keystroke in the form, so the equations' cell lists are built once and the
// loops stay allocation-free until a finding is actually made.
import { cellLabel, type CellId } from '../cells.ts';
import type { Cells } from '../document.ts';
import { finding, type Finding, type Unassessed } from '../finding.ts';
import { EQUATIONS, equationCells, shortRowLabel, type Equation } from '../relations.ts';
import { NOTHING_UNKNOWN, unassessed, withGroupTotals, type UnknownCells } from './assessability.ts';

const BLANK_NOTE = '（空格按 0 计）';

const PREPARED = EQUATIONS.map((eq) => ({ eq, involved: equationCells(eq) }));

function sum(cells: Cells, ids: readonly CellId[]): number {
  let s = 0;
  for (let i = 0; i < ids.length; i++) s += cells[ids[i]!] ?? 0;
  return s;
}

function message(eq: Equation, cells: Cells, blank: string): string | null {
  if (eq.kind === 'sum') {
    const expected = sum(cells, eq.addends);
    const actual = cells[eq.total] ?? 0;
    if (expected === actual) return null;
    const shown = cells[eq.total] === null ? '空' : String(actual);
    return `${cellLabel(eq.total)} 应为 ${expected}（${eq.addendsLabel}），实为 ${shown}${blank}`;
  }
  const left = sum(cells, eq.left);
  const right = sum(cells, eq.right);
  if (left === right) return null;
  const names = (ids: CellId[]) => ids.map(shortRowLabel).join(' + ');
  const last = eq.right[eq.right.length - 1]!;
  const expectedLast = left - (right - (cells[last] ?? 0));
  return (
    `${eq.lineLabel}：${names(eq.left)} = ${left}，${names(eq.right)} = ${right}，两者应相等` +
    (expectedLast >= 0 ? `（按其余数字，${cellLabel(last)} 应为 ${expectedLast}）` : '') +
    blank
  );
}

/**
 * Findings of the sums, and the sums not assessed because a cell they need is unknown (unless
 * printed group subtotals stand in for it).
 */
export function checkTableSums(cells: Cells, invalid: ReadonlySet<CellId>, unknown: UnknownCells = NOTHING_UNKNOWN): { findings: Finding[]; unassessed: Unassessed[] } {
  const out: Finding[] = [];
  const notAssessed: Unassessed[] = [];
  for (const { eq, involved } of PREPARED) {
    let empty = 0;
    let skip = false;
    let unknownCount = 0;
    for (let i = 0; i < involved.length; i++) {
      const id = involved[i]!;
      // An invalid cell has its own finding; a sum over it would only repeat that.
      if (invalid.has(id)) skip = true;
      if (cells[id] === null) empty++;
      if (unknown.cells.has(id)) unknownCount++;
    }
    // A sum with nothing in it says nothing, unless its cells could not be read: that is listed.
    if (skip || (empty === involved.length && (unknownCount === 0 || unknown.cause === 'unfilled'))) continue;
    let judged = cells;
    if (unknownCount) {
      const resolved = withGroupTotals(eq, cells, unknown);
      if (!resolved) {
        notAssessed.push(unassessed(eq.rule as Finding['rule'], [...involved], unknown));
        continue;
      }
      judged = resolved;
    }
    const text = message(eq, judged, empty > unknownCount ? BLANK_NOTE : '');
    if (text !== null) out.push(finding(eq.rule as Finding['rule'], [...involved], text));
  }
  return { findings: out, unassessed: notAssessed };
}
