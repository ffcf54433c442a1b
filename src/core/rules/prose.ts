// Rules 9–11: numbers and statements in the prose against the tables.
import { type CellId, cellInfo, cellLabel } from '../cells.ts';
import type { Cells, ReportDocument } from '../document.ts';
import { PROSE_KEYS } from '../document.ts';
import { type Finding, finding } from '../finding.ts';
import { normalizeDigits } from '../input.ts';
import { proseName } from '../names.ts';
import { findOutdated, outdatedMessage } from '../outdated.ts';
import { GOV_2021, getTable } from '../template.ts';

/** The cells each kind of statement speaks of (the template's claims). */
const TARGET = GOV_2021.format.claims;

/** The prose calls appeals what the tables do: 行政复议 is a row of 表四, 行政诉讼 the group of two. */
const RECONSIDERATION = cellInfo(TARGET.reconsideration[0]!).row.label;
const LITIGATION = (() => {
  const info = cellInfo(TARGET.litigation[0]!);
  return getTable(GOV_2021, info.table).rowGroups!.find((g) => g.id === info.row.parent)!.label;
})();

/** A statement of a number in the prose: which cells it speaks of and which values would agree. */
interface Claim {
  /** The words of the prose the claim was read from. */
  quote: string;
  /** The cells whose sum the number should equal. */
  cells: readonly CellId[];
  value: number;
  /** What the cells are called in the message. */
  what: string;
  /** Other cell sums the number may also mean (e.g. 受理 may include last year's carried-over requests). */
  alternatives?: (readonly CellId[])[];
}

const REQUEST_CONTEXT = /政府信息公开申请|信息公开申请|依申请公开|公开申请/;
const DISCLOSURE_CONTEXT = /信息公开|依申请/;
const NUM = '(\\d[\\d,]*)';
const UNIT = '\\s*(?:件|起|宗|个)';

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

type Pattern = { re: RegExp; context: RegExp; claim: (m: RegExpExecArray) => Omit<Claim, 'quote'> };

const PATTERNS: Pattern[] = [
  {
    // 收到/受理/新收 政府信息公开申请 X 件
    re: new RegExp(`(?:收到|受理|新收|接收|接到)[^。；，,\\d]{0,16}?(?:申请|事项)[^。；，,\\d]{0,6}?${NUM}${UNIT}`, 'g'),
    context: REQUEST_CONTEXT,
    claim: (m) => ({ cells: TARGET.received, value: num(m[1]!), what: '本年新收申请', alternatives: [[...TARGET.received, ...TARGET.carriedIn]] }),
  },
  {
    // 收到 X 件 政府信息公开申请
    re: new RegExp(`(?:收到|受理|新收|接收|接到)[^。；，,\\d]{0,4}?${NUM}${UNIT}[^。；，,\\d]{0,10}?(?:申请)`, 'g'),
    context: REQUEST_CONTEXT,
    claim: (m) => ({ cells: TARGET.received, value: num(m[1]!), what: '本年新收申请', alternatives: [[...TARGET.received, ...TARGET.carriedIn]] }),
  },
  {
    re: new RegExp(`上年(?:度)?结转[^。；，,\\d]{0,12}?${NUM}${UNIT}`, 'g'),
    context: REQUEST_CONTEXT,
    claim: (m) => ({ cells: TARGET.carriedIn, value: num(m[1]!), what: '上年结转申请' }),
  },
  {
    re: new RegExp(`(?:办结|答复|办理完毕)[^。；，,\\d]{0,8}?${NUM}${UNIT}`, 'g'),
    context: REQUEST_CONTEXT,
    claim: (m) => ({ cells: TARGET.handled, value: num(m[1]!), what: '办理结果总计' }),
  },
  {
    re: new RegExp(`结转(?:到|至)?下(?:一)?年度?(?:继续办理)?[^。；，,\\d]{0,8}?${NUM}${UNIT}|${NUM}${UNIT}[^。；，,\\d]{0,4}结转(?:到|至)?下`, 'g'),
    context: REQUEST_CONTEXT,
    claim: (m) => ({ cells: TARGET.carriedOut, value: num((m[1] ?? m[2])!), what: '结转下年度继续办理' }),
  },
  {
    // 行政复议和行政诉讼（合计）X 件
    re: new RegExp(`${RECONSIDERATION}(?:[、和及与或])${LITIGATION}[^。；，,\\d]{0,8}?${NUM}${UNIT}`, 'g'),
    context: DISCLOSURE_CONTEXT,
    claim: (m) => ({ cells: [...TARGET.reconsideration, ...TARGET.litigation], value: num(m[1]!), what: `${RECONSIDERATION}和${LITIGATION}合计` }),
  },
  {
    re: new RegExp(`${RECONSIDERATION}(?!(?:[、和及与或])${LITIGATION})[^。；，,\\d诉]{0,8}?${NUM}${UNIT}`, 'g'),
    context: DISCLOSURE_CONTEXT,
    claim: (m) => ({ cells: TARGET.reconsideration, value: num(m[1]!), what: RECONSIDERATION }),
  },
  {
    re: new RegExp(`(?<![、和及与或]|${RECONSIDERATION})${LITIGATION}[^。；，,\\d]{0,8}?${NUM}${UNIT}`, 'g'),
    context: DISCLOSURE_CONTEXT,
    claim: (m) => ({ cells: TARGET.litigation, value: num(m[1]!), what: LITIGATION }),
  },
];

/** Statements that something did not happen: the cells must all be 0. */
const NONE_PATTERNS: { re: RegExp; context: RegExp; cells: readonly CellId[]; what: string }[] = [
  {
    re: /(?:未|没有)(?:收到|接到|受理)[^。；，,\d]{0,20}?(?:申请|依申请公开)/g,
    context: REQUEST_CONTEXT,
    cells: TARGET.received,
    what: '本年新收申请',
  },
  {
    re: new RegExp(`(?:未发生|没有发生|未出现|未产生|无)[^。；，,\\d]{0,20}?${RECONSIDERATION}`, 'g'),
    context: new RegExp(RECONSIDERATION),
    cells: TARGET.reconsideration,
    what: RECONSIDERATION,
  },
  {
    re: new RegExp(`(?:未发生|没有发生|未出现|未产生|无)[^。；，,\\d]{0,24}?${LITIGATION}`, 'g'),
    context: new RegExp(LITIGATION),
    cells: TARGET.litigation,
    what: LITIGATION,
  },
];

const FEE_NONE = /(?:未|没有)(?:发出|出具|开具|发送)[^。；，,\d]{0,10}?收费通知|未(?:产生|发生)[^。；，,\d]{0,6}?(?:信息处理费|信息公开处理费)/;

function splitSentences(text: string): string[] {
  return normalizeDigits(text)
    .split(/[。！？；;\n]/)
    .filter((s) => s.trim());
}

const sumOf = (cells: Cells, ids: readonly CellId[]) => (ids.some((id) => cells[id] === null) ? null : ids.reduce((s, id) => s + cells[id]!, 0));

// The form re-checks on every keystroke while the prose rarely changes: remember recent texts.
const claimCache = new Map<string, Claim[]>();
const CLAIM_CACHE_SIZE = 64;

export function extractClaims(text: string): Claim[] {
  const cached = claimCache.get(text);
  if (cached) return cached;
  const claims = readClaims(text);
  if (claimCache.size >= CLAIM_CACHE_SIZE) claimCache.delete(claimCache.keys().next().value!);
  claimCache.set(text, claims);
  return claims;
}

function readClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of splitSentences(text)) {
    for (const p of PATTERNS) {
      if (!p.context.test(sentence)) continue;
      for (const m of sentence.matchAll(p.re)) claims.push({ ...p.claim(m as RegExpExecArray), quote: m[0] });
    }
  }
  return claims;
}

export function checkProse(doc: ReportDocument, cells: Cells): Finding[] {
  const out: Finding[] = [];
  for (const key of PROSE_KEYS) {
    const text = doc.prose[key];
    if (!text) continue;
    const where = proseName(key);
    for (const c of extractClaims(text)) {
      const actual = sumOf(cells, c.cells);
      if (actual === null || actual === c.value) continue;
      if (c.alternatives?.some((alt) => sumOf(cells, alt) === c.value)) continue;
      out.push(finding('text.mismatch', [...c.cells], `${where}写“${c.quote.trim()}”，但表中${c.cells.map(cellLabel).join(' + ')} 为 ${actual}`, key));
    }
    for (const sentence of splitSentences(text)) {
      for (const p of NONE_PATTERNS) {
        if (!p.context.test(sentence)) continue;
        const m = sentence.match(p.re);
        if (!m) continue;
        const actual = sumOf(cells, p.cells);
        if (actual === null || actual === 0) continue;
        out.push(finding('text.mismatch', [...p.cells], `${where}写“${m[0]}”，但表中${p.cells.map(cellLabel).join(' + ')} 为 ${actual}，应为 0`, key));
      }
      const fee = sentence.match(FEE_NONE);
      const unpaid = sumOf(cells, TARGET.unpaidFee);
      if (fee && unpaid) {
        out.push(finding('fee.mismatch', [...TARGET.unpaidFee], `${where}写“${fee[0]}”，但${TARGET.unpaidFee.map(cellLabel).join(' + ')} 为 ${unpaid}，应为 0`, key));
      }
    }
    for (const o of findOutdated(text)) out.push(finding('format.outdated', [], outdatedMessage(where, o), key));
  }
  return out;
}
