// Hard rules 1–4: the sums inside tables 三 and 四, from the template's relations.
import { cellLabel, type CellId } from '../cells.ts';
import type { Cells } from '../document.ts';
import { finding, type Finding } from '../finding.ts';
import { EQUATIONS, equationCells, shortRowLabel } from '../relations.ts';

const BLANK_NOTE = '（空格按 0 计）';

export function checkTableSums(cells: Cells, invalid: ReadonlySet<CellId>): Finding[] {
  const out: Finding[] = [];
  for (const eq of EQUATIONS) {
    const involved = equationCells(eq);
    // An invalid cell has its own finding; a sum over it would only repeat that.
    if (involved.some((id) => invalid.has(id))) continue;
    if (involved.every((id) => cells[id] === null)) continue;
    const blank = involved.some((id) => cells[id] === null) ? BLANK_NOTE : '';
    const v = (id: CellId) => cells[id] ?? 0;
    const sum = (ids: CellId[]) => ids.reduce((s, id) => s + v(id), 0);
    if (eq.kind === 'sum') {
      const expected = sum(eq.addends);
      const actual = v(eq.total);
      if (expected === actual) continue;
      const shown = cells[eq.total] === null ? '空' : String(actual);
      out.push(finding(eq.rule as Finding['rule'], involved, `${cellLabel(eq.total)} 应为 ${expected}（${eq.addendsLabel}），实为 ${shown}${blank}`));
    } else {
      const left = sum(eq.left);
      const right = sum(eq.right);
      if (left === right) continue;
      const names = (ids: CellId[]) => ids.map(shortRowLabel).join(' + ');
      const last = eq.right[eq.right.length - 1]!;
      const expectedLast = left - (right - v(last));
      out.push(
        finding(
          eq.rule as Finding['rule'],
          involved,
          `${eq.lineLabel}：${names(eq.left)} = ${left}，${names(eq.right)} = ${right}，两者应相等` +
            (expectedLast >= 0 ? `（按其余数字，${cellLabel(last)} 应为 ${expectedLast}）` : '') +
            blank,
        ),
      );
    }
  }
  return out;
}
