// Rules 6–8: this year's report against last year's.
import { CELLS, cellId, cellLabel } from '../cells.ts';
import type { Cells, ReportDocument } from '../document.ts';
import { PROSE_KEYS } from '../document.ts';
import { type Finding, finding } from '../finding.ts';
import { carryOverPairs } from '../next-year.ts';
import { GOV_2021 } from '../template.ts';

export function checkCarryOver(cells: Cells, previous: Cells): Finding[] {
  const out: Finding[] = [];
  for (const { here, there } of carryOverPairs()) {
    const now = cells[here];
    const then = previous[there];
    if (then === null || then === undefined || now === then) continue;
    out.push(finding('carryOver.mismatch', [here], `${cellLabel(here)} 应为 ${then}（上年报告“${cellLabel(there)}”），实为 ${now ?? '空'}`));
  }
  return out;
}

/** The rows whose stock continues from last year's (the template's continuity), as cell ids. */
const CONTINUING = GOV_2021.tables.flatMap((table) => {
  const c = table.continuity;
  if (!c) return [];
  return c.rows.map((row) => {
    const id = (col: string) => cellId(table.id, row, col);
    return { stock: id(c.stock), added: id(c.added), removed: id(c.removed) };
  });
});

export function checkInForceContinuity(cells: Cells, previous: Cells): Finding[] {
  const out: Finding[] = [];
  for (const { stock, added, removed } of CONTINUING) {
    const [prev, issued, repealed, now] = [previous[stock], cells[added], cells[removed], cells[stock]];
    if (prev == null || issued == null || repealed == null || now == null) continue;
    const expected = prev + issued - repealed;
    if (expected === now || expected < 0) continue;
    out.push(
      finding(
        't2.inForceContinuity',
        [added, removed, stock],
        `${cellLabel(stock)} 按上年现行有效 ${prev} + 本年制发 ${issued} − 本年废止 ${repealed} 应约为 ${expected}，实为 ${now}；如本年开展了文件清理，可忽略此提示`,
      ),
    );
  }
  return out;
}

// Keyed by the prose object: last year's report does not change while this year's is typed.
const sentenceCache = new WeakMap<ReportDocument['prose'], Map<string, number>>();

/** Sentences with digits masked, so "2022年" and "2023年" versions of one sentence compare equal. */
function sentences(doc: ReportDocument): Map<string, number> {
  const cached = sentenceCache.get(doc.prose);
  if (cached) return cached;
  const out = new Map<string, number>();
  for (const key of PROSE_KEYS) {
    for (const s of doc.prose[key].split(/[。！？；\n]/)) {
      const norm = s.replace(/\s+/g, '').replace(/\d+/g, '#');
      if (norm.length >= 12) out.set(norm, norm.length);
    }
  }
  sentenceCache.set(doc.prose, out);
  return out;
}

/** Share of this year's prose (by characters) that repeats last year's sentence for sentence. */
export function proseOverlap(doc: ReportDocument, previous: ReportDocument): { share: number; chars: number } {
  const now = sentences(doc);
  const then = sentences(previous);
  let chars = 0;
  let shared = 0;
  for (const [s, n] of now) {
    chars += n;
    if (then.has(s)) shared += n;
  }
  return { share: chars ? shared / chars : 0, chars };
}

export const COPIED_SHARE = 0.6;
/** Below this much prose (e.g. "无。") repetition says nothing. */
const COPIED_MIN_CHARS = 100;

export function checkCopied(doc: ReportDocument, previous: ReportDocument): Finding[] {
  const out: Finding[] = [];
  const { share, chars } = proseOverlap(doc, previous);
  if (chars >= COPIED_MIN_CHARS && share >= COPIED_SHARE) {
    out.push(finding('content.copied', [], `正文有 ${Math.round(share * 100)}% 的语句与上年报告相同，请按本年实际情况撰写（《条例》要求年度报告不得内容雷同）`));
  }
  const entered = CELLS.filter((c) => !c.computed);
  const someNonZero = entered.some((c) => (doc.cells[c.id] ?? 0) !== 0);
  if (someNonZero && entered.every((c) => doc.cells[c.id] === previous.cells[c.id])) {
    out.push(finding('content.copied', [], '表格中的全部数字与上年报告完全相同，请核对是否沿用了上年数据'));
  }
  return out;
}
