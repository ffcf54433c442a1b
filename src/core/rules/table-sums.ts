// Hard rules 1–4: the sums inside tables 三 and 四, from the template's relations.
// This runs on every keystroke in the form, so the equations' cell lists are built once and the
// loops stay allocation-free until a finding is actually made.
// A balance finding names both sides and blames no single cell unless one alone explains the gap
// (see balanceSuspect): nudging the clerk to bend 结转下年度 to fit would hide the real slip.
import { type CellId, cellInfo, cellLabel } from '../cells.ts';
import type { Cells } from '../document.ts';
import { type Finding, finding, type Unassessed } from '../finding.ts';
import { carryOverPairs } from '../next-year.ts';
import { EQUATIONS, type Equation, equationCells, shortRowLabel } from '../relations.ts';
import { NOTHING_UNKNOWN, type UnknownCells, unassessed, withGroupTotals } from './assessability.ts';

const BLANK_NOTE = '（空格按 0 计）';

const PREPARED = EQUATIONS.map((eq) => ({ eq, involved: equationCells(eq) }));
const CARRIED_OVER = carryOverPairs();

function sum(cells: Cells, ids: readonly CellId[]): number {
  let s = 0;
  for (let i = 0; i < ids.length; i++) s += cells[ids[i]!] ?? 0;
  return s;
}

/**
 * The one cell that alone explains a broken balance, by what is known outside the equation:
 * 上年结转 that differs from last year's 结转下年度 by exactly the gap.
 */
function balanceSuspect(eq: Extract<Equation, { kind: 'balance' }>, cells: Cells, gap: number, previous: Cells | undefined) {
  const carried = CARRIED_OVER.find((p) => eq.left.includes(p.here));
  if (!carried) return null;
  const then = previous?.[carried.there];
  if (then === null || then === undefined) return null;
  const now = cells[carried.here] ?? 0;
  return now !== then && now - then === gap ? { id: carried.here, then } : null;
}

function balanceGap(eq: Extract<Equation, { kind: 'balance' }>, cells: Cells): number {
  return sum(cells, eq.left) - sum(cells, eq.right);
}

function message(eq: Equation, cells: Cells, blank: string, previous: Cells | undefined): { text: string; focus?: CellId } | null {
  if (eq.kind === 'sum') {
    const expected = sum(cells, eq.addends);
    const actual = cells[eq.total] ?? 0;
    if (expected === actual) return null;
    const shown = cells[eq.total] === null ? '空' : String(actual);
    return { text: `${cellLabel(eq.total)} 应为 ${expected}（${eq.addendsLabel}），实为 ${shown}${blank}` };
  }
  const left = sum(cells, eq.left);
  const right = sum(cells, eq.right);
  if (left === right) return null;
  const names = (ids: CellId[]) => ids.map(shortRowLabel).join(' + ');
  const suspect = balanceSuspect(eq, cells, left - right, previous);
  return {
    text:
      `${eq.lineLabel}：${names(eq.left)} = ${left}，${names(eq.right)} = ${right}，两者应相等` +
      (suspect ? `；${cellLabel(suspect.id)} 与上年报告的结转下年度 ${suspect.then} 不符，按上年数两边相等` : '；请逐格核对') +
      blank,
    ...(suspect && { focus: suspect.id }),
  };
}

/** Table 三's 总计 column is the sum of the others: its balance (the one over computed cells only) is off by their gaps combined. */
const T3_TOTAL_BALANCE = PREPARED.find(({ eq }) => eq.kind === 'balance' && eq.left.every((id) => cellInfo(id).computed));
const T3_COLUMN_BALANCES = PREPARED.filter(({ eq }) => eq.kind === 'balance' && eq !== T3_TOTAL_BALANCE?.eq);

/** Whether the 总计 column's imbalance is exactly the other columns' (already reported) gaps. */
function totalColumnExplained(cells: Cells): boolean {
  let gaps = 0;
  for (const { eq } of T3_COLUMN_BALANCES) if (eq.kind === 'balance') gaps += balanceGap(eq, cells);
  return gaps !== 0 && T3_TOTAL_BALANCE?.eq.kind === 'balance' && balanceGap(T3_TOTAL_BALANCE.eq, cells) === gaps;
}

/**
 * Findings of the sums, and the sums not assessed because a cell they need is unknown (unless
 * printed group subtotals stand in for it). `previous`: last year's cells, which can show which one
 * cell explains a broken balance.
 */
export function checkTableSums(cells: Cells, invalid: ReadonlySet<CellId>, unknown: UnknownCells = NOTHING_UNKNOWN, previous?: Cells): { findings: Finding[]; unassessed: Unassessed[] } {
  const out: Finding[] = [];
  const notAssessed: Unassessed[] = [];
  for (const prepared of PREPARED) {
    const { eq, involved } = prepared;
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
    if (prepared === T3_TOTAL_BALANCE && totalColumnExplained(judged)) continue;
    const made = message(eq, judged, empty > unknownCount ? BLANK_NOTE : '', previous);
    if (made !== null) out.push({ ...finding(eq.rule as Finding['rule'], [...involved], made.text), ...(made.focus && { focus: made.focus }) });
  }
  return { findings: out, unassessed: notAssessed };
}
