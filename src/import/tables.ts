// Table reconstruction shared by every format: the lines of one table section → cell values.
// Rows are found by their labels (fuzzy, enumerator-aware), values are assigned to columns in the
// order the header labels give; anything uncertain is left null with a problem saying why.
import {
  CELL_IDS,
  type CellId,
  type Cells,
  cellEntries,
  cellId,
  cellInfo,
  checkTableSums,
  emptyCells,
  type Finding,
  finding,
  findOutdated,
  GOV_2021,
  getTable,
  outdatedMessage,
  outdatedPhrase,
  parseCellInput,
  type TableId,
  type TemplateTable,
} from '../core/index.ts';
import type { TextCell, TextLine } from './layout.ts';
import { bestMatch, type Candidate, compact, labelCore, splitAtEnumerators, valueTokens } from './normalize.ts';

export interface TableResult {
  cells: Partial<Record<CellId, number | null>>;
  problems: string[];
  findings: Finding[];
  /** Number of cells that received a value (null included when printed as blank or "/"). */
  read: number;
  /** Cells not read (as opposed to printed blank): unknown, not the agency's omission. */
  unread: CellId[];
  /** Printed subtotals of row groups whose parts could not be read, keyed `<table>.<group>.<column>`. */
  groupTotals: Record<string, number>;
}

interface Token {
  text: string | null;
  /** A cell with nothing in it (as opposed to an explicit "/"): may be layout padding. */
  blank: boolean;
  x?: number;
  /** Cells in the token's line: text layouts' positions are comparable only between lines of equal width. */
  width: number;
}

interface Segment {
  label: TextCell[];
  values: Token[];
}

/** Splits each line into its label cells and the value cells after the last label cell. */
function segments(lines: TextLine[]): Segment[] {
  const out: Segment[] = [];
  for (const line of lines) {
    const cells = line.cells;
    let last = -1;
    cells.forEach((c, i) => {
      if (valueTokens(c.text) === undefined) last = i;
    });
    const label = cells.slice(0, last + 1).filter((c) => c.text.trim());
    const values: Token[] = [];
    for (const c of cells.slice(last + 1)) {
      const tokens = valueTokens(c.text)!;
      const blank = c.text.trim() === '';
      for (const t of tokens) values.push({ text: t, blank, width: cells.length, ...(tokens.length === 1 && c.x !== undefined && { x: c.x }) });
    }
    while (values.length && values[values.length - 1]!.blank) values.pop();
    if (!label.length && !values.length) continue;
    out.push({ label, values });
  }
  return out;
}

type RowRef = { row: string } | { group: string } | { ignore: true };

interface PendingRow {
  row: string;
  values: Token[];
  label: string;
}

function rowCandidates(table: TemplateTable, extra: string[]): Candidate<RowRef>[] {
  const out: Candidate<RowRef>[] = table.rows.map((r) => ({ key: labelCore(r.label), value: { row: r.id } }));
  for (const g of table.rowGroups ?? []) out.push({ key: labelCore(g.label), value: { group: g.id } });
  for (const t of extra) out.push({ key: labelCore(t), value: { ignore: true } });
  return out.filter((c) => c.key.length > 0);
}

function refName(ref: RowRef, table: TemplateTable): string {
  if ('row' in ref) return table.rows.find((r) => r.id === ref.row)!.shortLabel;
  if ('group' in ref) return table.rowGroups!.find((g) => g.id === ref.group)!.label;
  return '表头';
}

/** Texts of a table that are not row labels (headers, captions), so they are not mistaken for rows. */
function headerTexts(table: TemplateTable): string[] {
  const texts = new Set<string>();
  for (const row of [...table.layout.header, ...table.layout.body]) for (const c of row) if ('text' in c && c.role !== 'rowLabel') texts.add(c.text);
  for (const g of table.columnGroups ?? []) texts.add(g.label);
  return [...texts];
}

const tableName = (t: TemplateTable) => `表${t.number}`;
const quote = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

const ENUMERATED = /^(?:\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|\d{1,2}[.、])/;

/** Shortest label core that may stand on its own; shorter ones ("其他", "总计") must match exactly. */
const SHORT_LABEL = 4;

function matchesAlone(text: string, candidates: Candidate<RowRef>[]): boolean {
  const core = labelCore(text);
  const m = bestMatch(core, candidates);
  return !!m && 'value' in m && (core.length < SHORT_LABEL ? m.score === 1 : m.score >= 0.8);
}

/**
 * A row's label cells → label texts: a new label starts at an enumerator ("1.", "（三）") or at a cell
 * that is a label by itself ("规章", "信息内容"); other cells continue the label before them (wrapped text).
 */
function labelGroups(label: TextCell[], candidates: Candidate<RowRef>[]): string[] {
  const groups: string[] = [];
  let open = false;
  for (const cell of label) {
    for (const piece of splitAtEnumerators(compact(cell.text))) {
      if (ENUMERATED.test(piece) || !open || matchesAlone(piece, candidates)) {
        groups.push(piece);
        open = true;
      } else groups[groups.length - 1] += piece;
    }
  }
  return groups.filter((g) => {
    const core = labelCore(g);
    return core.length >= 2 || /^\d[.、]/.test(g);
  });
}

/**
 * A row label at the end of text that runs header fragments into it (converters that scatter a
 * table's words over lines: "信息内" "容本年处" … "行政许" "可"): the one row whose whole label ends
 * the text, the longest if one contains another. Short labels ("其他") are too common to trust.
 */
function rowLabelAtEnd(text: string, candidates: Candidate<RowRef>[]): { ref: RowRef; text: string } | null {
  const core = labelCore(text);
  let best: Candidate<RowRef> | null = null;
  for (const c of candidates) {
    if (!('row' in c.value) || c.key.length < SHORT_LABEL || !core.endsWith(c.key)) continue;
    if (!best || c.key.length > best.key.length) best = c;
  }
  return best && { ref: best.value, text: best.key };
}

/** Rows of a table section: label → value tokens, with problems for what could not be attributed. */
function collectRows(table: TemplateTable, lines: TextLine[], problems: string[], numbersFirst = false): { rows: PendingRow[]; header: TextCell[]; groupValues: Map<string, Token[]> } {
  const candidates = rowCandidates(table, headerTexts(table));
  const rowCandidatesOnly = candidates.filter((c) => !('ignore' in c.value));
  const rows: PendingRow[] = [];
  const header: TextCell[] = [];
  const groupValues = new Map<string, Token[]>();
  const seen = new Set<string>();
  let state: { label: TextCell[]; values: Token[] } = { label: [], values: [] };

  const finish = () => {
    const { label, values } = state;
    if (!values.length) return;
    const ambiguous: string[] = [];
    const refs = labelGroups(label, candidates).map((text) => {
      // Header labels are never enumerated: "3.其他" is a row even though "其他" is also a column.
      const core = labelCore(text);
      const m = bestMatch(core, ENUMERATED.test(text) ? rowCandidatesOnly : candidates);
      if (!m || ('value' in m && core.length < SHORT_LABEL && m.score < 1)) return { ref: null, text };
      if ('ambiguous' in m) {
        if ('row' in m.ambiguous[0]) ambiguous.push(`行“${quote(text)}”无法确定是“${refName(m.ambiguous[0], table)}”还是“${refName(m.ambiguous[1], table)}”`);
        return { ref: null, text };
      }
      return { ref: m.value, text };
    });
    const text = label.map((c) => c.text).join('');
    const leaves = refs.filter((r) => r.ref && 'row' in r.ref);
    if (!leaves.length) {
      const tail = rowLabelAtEnd(text, rowCandidatesOnly);
      if (tail) leaves.push(tail);
    }
    if (!leaves.length && ambiguous.length) {
      problems.push(`${tableName(table)}：${ambiguous.join('；')}，该行数值未读取`);
      return;
    }
    if (!leaves.length) {
      const group = refs.find((r) => r.ref && 'group' in r.ref);
      if (group?.ref && 'group' in group.ref) groupValues.set(group.ref.group, values);
      else {
        const shown = values.map((v) => v.text ?? '/').join(' ');
        problems.push(`${tableName(table)}：有一行数值（${quote(shown)}）${text ? `的行标签“${quote(text)}”无法识别` : '没有行标签'}，未读取`);
      }
      return;
    }
    const lastLeaf = leaves[leaves.length - 1]!;
    const id = (lastLeaf.ref as { row: string }).row;
    if (seen.has(id)) {
      problems.push(`${tableName(table)}：“${refName(lastLeaf.ref!, table)}”一行出现了两次，以第一次为准，请核对`);
      return;
    }
    seen.add(id);
    rows.push({ row: id, values, label: lastLeaf.text });
  };

  let started = false;
  let labelled = false;
  for (const seg of segments(lines)) {
    if (!started && !seg.values.length) {
      header.push(...seg.label);
      state.label.push(...seg.label);
      continue;
    }
    started = true;
    if (numbersFirst) {
      // Each row's numbers before its label: new numbers after a label start the next row.
      if (seg.values.length && labelled) {
        finish();
        state = { label: [], values: [] };
        labelled = false;
      }
      state.label.push(...seg.label);
      state.values.push(...seg.values);
      labelled ||= seg.label.length > 0 && state.values.length > 0;
      continue;
    }
    if (seg.label.length) {
      if (state.values.length) {
        finish();
        state = { label: [], values: [] };
      }
      state.label.push(...seg.label);
    }
    state.values.push(...seg.values);
  }
  finish();
  return { rows, header, groupValues };
}

/**
 * Column order from the header labels' positions; null when the header cannot be read that way
 * (no positions, or not every label found) — the template's order is used then.
 */
function columnOrderFromHeader(table: TemplateTable, header: TextCell[], columns: string[], xTolerance: number): string[] | null {
  const positioned = header.filter((c) => c.x !== undefined);
  if (!positioned.length) return null;
  const candidates: Candidate<string | null>[] = [
    ...columns.map((id) => ({ key: labelCore(table.columns.find((c) => c.id === id)!.label), value: id })),
    ...headerTexts(table).map((t) => ({ key: labelCore(t), value: null })),
  ];
  const found = new Map<string, number>();
  const tryMatch = (text: string, x: number) => {
    const m = bestMatch(labelCore(text), candidates);
    if (m && 'value' in m && m.value && !found.has(m.value) && m.score >= 0.8) found.set(m.value, x);
  };
  for (const c of positioned) tryMatch(c.text, c.x!);
  // Labels wrapped inside their cell ("商业" / "企业") come as fragments stacked at one x.
  const stacks: { x: number; text: string }[] = [];
  for (const c of positioned) {
    const s = stacks.find((st) => Math.abs(st.x - c.x!) <= xTolerance);
    if (s) s.text += c.text;
    else stacks.push({ x: c.x!, text: c.text });
  }
  for (const s of stacks) tryMatch(s.text, s.x);
  if (found.size !== columns.length) return null;
  const order = [...found.entries()].sort((a, b) => a[1] - b[1]);
  if (new Set(order.map((o) => o[1])).size !== order.length) return null;
  return order.map((o) => o[0]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * A row with blank cells: each value goes to the column whose values (in complete rows) sit at the
 * same position; null when there are no such rows or a value falls between columns.
 */
function placeByPosition(row: Token[], complete: Token[][]): (Token | undefined)[] | null {
  if (!complete.length) return null;
  const columnX = complete[0]!.map((_, j) => median(complete.map((c) => c[j]!.x!)));
  const spacing = Math.min(...columnX.slice(1).map((x, j) => x - columnX[j]!));
  if (!(spacing > 0)) return null;
  const placed: (Token | undefined)[] = columnX.map(() => undefined);
  for (const t of row) {
    if (t.blank) continue;
    const k = columnX.reduce((best, x, j) => (Math.abs(x - t.x!) < Math.abs(columnX[best]! - t.x!) ? j : best), 0);
    if (Math.abs(columnX[k]! - t.x!) > spacing / 2 || placed[k]) return null;
    placed[k] = t;
  }
  return placed;
}

/** Assigns each row's tokens to its columns; short rows by position only where positions are known. */
function assignRows(table: TemplateTable, rows: PendingRow[], order: string[], cells: Partial<Record<CellId, number | null>>, seen: Set<string>, problems: string[], positional = false): number {
  const n = order.length;
  const trimmed = rows.map((r) => {
    const v = [...r.values];
    while (v.length > n && v[0]!.blank) v.shift();
    return v;
  });
  const complete = trimmed.filter((v) => v.length === n && v.every((t) => t.x !== undefined));
  let read = 0;
  rows.forEach((r, i) => {
    const v = trimmed[i]!;
    const rowLabel = table.rows.find((row) => row.id === r.row)!.shortLabel;
    let placed: (Token | undefined)[] | null = null;
    if (v.length === n) placed = v;
    else if (v.length < n && v.every((t) => t.x !== undefined)) placed = placeByPosition(v, positional ? complete : complete.filter((c) => c[0]!.width === v[0]?.width));
    if (!placed) {
      problems.push(`${tableName(table)}：“${rowLabel}”一行读到 ${v.length} 个数值（应为 ${n} 个），无法确定各数值所属的列，已留空`);
      return;
    }
    placed.forEach((t, j) => {
      const id = cellId(table.id, r.row, order[j]!);
      // No token at a column's position: the cell is printed blank.
      if (!t) return void seen.add(id);
      read++;
      if (readToken(t, id, cells, problems)) seen.add(id);
    });
  });
  return read;
}

/** One token into its cell; false when its text is not a value (the cell stays unread). */
function readToken(t: Token, id: CellId, cells: Partial<Record<CellId, number | null>>, problems: string[]): boolean {
  if (t.text === null) return true;
  const parsed = parseCellInput(t.text, cellInfo(id).value);
  if (parsed.ok) cells[id] = parsed.value;
  else problems.push(`${cellInfo(id).label}：“${t.text}”${parsed.message}，已留空`);
  return parsed.ok;
}

function tableResult(
  cells: Partial<Record<CellId, number | null>>,
  seen: Set<string>,
  rest: Omit<TableResult, 'cells' | 'unread' | 'groupTotals'>,
  groupTotals: Record<string, number> = {},
): TableResult {
  return {
    cells,
    unread: cellEntries(cells)
      .map(([id]) => id)
      .filter((id) => !seen.has(id)),
    groupTotals,
    ...rest,
  };
}

function emptyTableCells(table: TemplateTable): Partial<Record<CellId, number | null>> {
  const cells: Partial<Record<CellId, number | null>> = {};
  for (const r of table.rows) for (const c of r.columns) cells[cellId(table.id, r.id, c)] = null;
  return cells;
}

function missingRows(table: TemplateTable, rows: PendingRow[], problems: string[], explained: (id: string) => boolean) {
  const found = new Set(rows.map((r) => r.row));
  const missing = table.rows.filter((r) => !found.has(r.id) && !explained(r.id));
  if (missing.length) problems.push(`${tableName(table)}：未找到${missing.map((r) => `“${r.shortLabel}”`).join('')}${missing.length > 1 ? '等行' : '一行'}（或该行没有数值），已留空`);
}

export interface ReadOptions {
  /** Header fragments closer than this (in the readers' x units) belong to one column. */
  xTolerance: number;
  /** Whether cell positions are reliable enough to place the values of a row with blank cells. */
  positional: boolean;
  /** Each row's numbers printed before its label (decided on table 三 by its sums); unknown: decide. */
  numbersFirst?: boolean;
}

/** The findings of table 三's sums over the cells read (cells not read are not judged). */
function sumFindings(result: TableResult): Finding[] {
  const cells: Cells = { ...emptyCells(), ...result.cells };
  const unknown = new Set([...CELL_IDS.filter((id) => !id.startsWith('t3.')), ...result.unread]);
  return checkTableSums(cells, new Set(), { cause: 'unread', cells: unknown, groupTotals: result.groupTotals }).findings;
}

const sumSlips = (result: TableResult) => sumFindings(result).length;

const sameCells = (a: TableResult, b: TableResult) => cellEntries(a.cells).every(([id]) => a.cells[id] === b.cells[id]);

/**
 * Only the cells two readings agree on; the others unread, with the reason. For a table whose
 * labels and numbers stand on separate lines when nothing tells which label a number belongs to.
 */
function agreeing(a: TableResult, b: TableResult, name: string): TableResult {
  const differ = cellEntries(a.cells)
    .map(([id]) => id)
    .filter((id) => a.cells[id] !== b.cells[id] || a.unread.includes(id) !== b.unread.includes(id));
  const cells = { ...a.cells };
  for (const id of differ) cells[id] = null;
  const problem = `${name}：行标签与数值分行排列，无法确定数值属于其上方还是下方的行标签，${differ.length} 格已留空`;
  return { ...a, cells, unread: [...new Set([...a.unread, ...differ])], problems: [...a.problems, problem] };
}

/**
 * Table 三, read with each row's label before its numbers and after them (converters that emit a
 * row's numbers above its label). Where the readings differ the table's own sums decide: the
 * reading over which every sum holds while some fails over the other; failing that, the one that
 * pairs more labels with numbers; failing that, only the cells both give. Never a guess.
 */
export function readTable3(lines: TextLine[], options: ReadOptions): TableResult & { numbersFirst?: boolean } {
  if (options.numbersFirst !== undefined) return { ...readTable3As(lines, options, options.numbersFirst), numbersFirst: options.numbersFirst };
  const natural = readTable3As(lines, options, false);
  const slipsNatural = sumSlips(natural);
  // Every row paired and every sum holding: nothing for another reading to improve on.
  if (slipsNatural === 0 && !natural.problems.length) return { ...natural, numbersFirst: false };
  const flipped = readTable3As(lines, options, true);
  if (sameCells(natural, flipped)) return { ...natural, numbersFirst: false };
  const slipsFlipped = sumSlips(flipped);
  if ((slipsNatural === 0) !== (slipsFlipped === 0)) return slipsNatural === 0 ? { ...natural, numbersFirst: false } : { ...flipped, numbersFirst: true };
  if (natural.read !== flipped.read) return natural.read > flipped.read ? { ...natural, numbersFirst: false } : { ...flipped, numbersFirst: true };
  const labelFirst = firstNumbersFollowRowLabel(getTable(GOV_2021, 't3'), lines);
  if (labelFirst !== null) return labelFirst ? { ...natural, numbersFirst: false } : { ...flipped, numbersFirst: true };
  return agreeing(natural, flipped, '表三');
}

/**
 * Whether the table's first numbers come right after a row label (labels before numbers) or right
 * after the column headers (numbers before labels); null when the text before them is neither.
 */
function firstNumbersFollowRowLabel(table: TemplateTable, lines: TextLine[]): boolean | null {
  const candidates = rowCandidates(table, headerTexts(table));
  let before: TextCell[] = [];
  for (const seg of segments(lines)) {
    if (seg.values.length) {
      const label = seg.label.length ? seg.label : before;
      const groups = labelGroups(label, candidates);
      const last = groups.length ? bestMatch(labelCore(groups[groups.length - 1]!), candidates) : null;
      if (!last || !('value' in last) || last.score < 0.8) return null;
      return 'row' in last.value;
    }
    if (seg.label.length) before = seg.label;
  }
  return null;
}

type Collected = ReturnType<typeof collectRows>;

function readTable3As(lines: TextLine[], options: ReadOptions, numbersFirst: boolean): TableResult {
  const problems: string[] = [];
  const collected = collectRows(getTable(GOV_2021, 't3'), lines, problems, numbersFirst);
  const result = table3From(collected, problems, options);
  return numbersFirst ? result : withUnlabelledRows(collected, problems, options, result);
}

/**
 * Rows whose label was lost: their numbers run on after the row above (k × 7 values). They go to
 * the missing rows below that one — only if exactly one such placement makes every sum over
 * those rows hold; otherwise the rows stay unread.
 */
function withUnlabelledRows(collected: Collected, problems: string[], options: ReadOptions, result: TableResult): TableResult {
  const table = getTable(GOV_2021, 't3');
  const n = table.columns.length;
  let current = collected;
  for (const merged of collected.rows) {
    // Leading empty cells are the label's merged columns, as assignRows treats them.
    const values = merged.values.slice(merged.values.findIndex((t) => !t.blank));
    if (values.length <= n || values.length % n) continue;
    const found = new Set(current.rows.map((r) => r.row));
    const after = table.rows.slice(table.rows.findIndex((r) => r.id === merged.row) + 1);
    const gap = after
      .slice(
        0,
        Math.max(
          0,
          after.findIndex((r) => found.has(r.id)),
        ),
      )
      .map((r) => r.id);
    if (!after.some((r) => found.has(r.id))) gap.push(...after.map((r) => r.id));
    const chunks = values.length / n - 1;
    const placements = chunks === gap.length ? [gap] : chunks === 1 ? gap.map((id) => [id]) : [];
    const fitting = placements.flatMap((ids) => {
      const rows = current.rows.flatMap((r) =>
        r === merged ? [{ ...r, values: values.slice(0, n) }, ...ids.map((id, k) => ({ row: id, values: values.slice((k + 1) * n, (k + 2) * n), label: '' }))] : [r],
      );
      const tried = table3From({ ...current, rows }, problems, options);
      const placed = new Set([merged.row, ...ids].flatMap((row) => table.columns.map((c) => `t3.${row}.${c.id}`)));
      const unread = new Set<string>(tried.unread);
      const holds = [...placed].every((id) => !unread.has(id)) && !sumFindings(tried).some((f) => f.cells.some((id) => placed.has(id)));
      return holds ? [{ rows, tried }] : [];
    });
    if (fitting.length !== 1) continue;
    current = { ...current, rows: fitting[0]!.rows };
    result = fitting[0]!.tried;
  }
  return result;
}

function table3From({ rows, header, groupValues }: Collected, collectProblems: string[], options: ReadOptions): TableResult {
  const table = getTable(GOV_2021, 't3');
  const problems = [...collectProblems];
  const findings: Finding[] = [];
  const cells = emptyTableCells(table);
  const columns = table.columns.map((c) => c.id);
  const order = columnOrderFromHeader(table, header, columns, options.xTolerance) ?? columns;
  const seen = new Set<string>();
  const read = assignRows(table, rows, order, cells, seen, problems, options.positional);
  const single = groupValues.get('otherHandling');
  const groupTotals: Record<string, number> = {};
  if (single && !rows.some((r) => r.row.startsWith('otherHandling.'))) {
    const shown = single.map((t) => t.text ?? '/').join(' ');
    const group = table.rowGroups!.find((g) => g.id === 'otherHandling')!.label;
    const parts = table.rows.filter((r) => r.parent === 'otherHandling');
    // Long row labels are named by their first clause.
    const named = parts.map((r) => `“${r.label.replace(/、.*$/, '…')}”`).join('');
    problems.push(`表三：“${group}”按2019年试行格式印成一行（数值：${shown}），2021年格式分为三行，无法确定各行的数值，三行均已留空`);
    findings.push(
      finding(
        'format.outdated',
        parts.map((r) => cellId('t3', r.id, 'total')),
        `表三“${group}”印成一行，这是2019年试行格式；2021年格式分为${named}三行`,
      ),
    );
    // The row's numbers are its group's subtotals: the column sums can still be checked with them.
    if (single.length === order.length && single.every((t) => t.text !== null && /^\d+$/.test(t.text))) {
      single.forEach((t, j) => (groupTotals[`t3.otherHandling.${order[j]}`] = Number(t.text)));
    }
  }
  for (const [group, values] of groupValues) {
    if (group === 'otherHandling') continue;
    problems.push(`表三：“${table.rowGroups!.find((g) => g.id === group)!.label}”一行有数值（${values.map((t) => t.text ?? '/').join(' ')}），官方格式中该项没有小计行，未读取`);
  }
  if (!rows.length) problems.push('表三：没有读到任何数据行');
  else missingRows(table, rows, problems, single ? (id) => id.startsWith('otherHandling.') : () => false);
  return tableResult(cells, seen, { problems, findings, read }, groupTotals);
}

/** Table 二 in the order table 三 showed; both orders when that is unknown, keeping what they agree on. */
export function readTable2(lines: TextLine[], numbersFirst?: boolean): TableResult {
  if (numbersFirst !== undefined) return readTable2As(lines, numbersFirst);
  const [natural, flipped] = [readTable2As(lines, false), readTable2As(lines, true)];
  return sameCells(natural, flipped) ? natural : agreeing(natural, flipped, '表二');
}

/** Table 二: six rows, each with its own columns; 2019 trial-format tables are recognised, not read. */
function readTable2As(lines: TextLine[], numbersFirst: boolean): TableResult {
  const table = getTable(GOV_2021, 't2');
  const problems: string[] = [];
  const findings: Finding[] = [];
  const cells = emptyTableCells(table);
  const allText = compact(lines.map((l) => l.cells.map((c) => c.text).join('')).join(''));
  const outdated = findOutdated(allText);
  for (const o of outdated) findings.push(finding('format.outdated', [], outdatedMessage(`表${table.number}`, o)));
  const { rows } = collectRows(table, lines, problems, numbersFirst);
  const seen = new Set<string>();
  let read = 0;
  const trialColumns = outdated.length > 0;
  for (const r of rows) {
    const row = table.rows.find((x) => x.id === r.row)!;
    if (trialColumns) {
      problems.push(`表二：“${row.label}”一行按2019年试行格式的栏目填写，与2021年格式的栏目不对应，已留空`);
      continue;
    }
    if (row.id === 'normativeDocs' && /^规范性文件/.test(labelCore(r.label))) {
      const phrase = outdatedPhrase('normativeDocs', labelCore(r.label));
      findings.push(
        finding(
          'format.outdated',
          row.columns.map((c) => cellId('t2', row.id, c)),
          outdatedMessage(`表${table.number}`, phrase),
        ),
      );
    }
    read += assignRows(table, [r], row.columns, cells, seen, problems);
  }
  if (!rows.length) problems.push('表二：没有读到任何数据行');
  else if (!trialColumns) missingRows(table, rows, problems, () => false);
  return tableResult(cells, seen, { problems, findings, read });
}

/** Table 四: one unlabelled row of 15 values under a two-level header. */
export function readTable4(lines: TextLine[]): TableResult {
  const table = getTable(GOV_2021, 't4');
  const problems: string[] = [];
  const cells = emptyTableCells(table);
  const seen = new Set<string>();
  const tokens: Token[] = [];
  const headerText: string[] = [];
  for (const seg of segments(lines)) {
    if (seg.label.length && !tokens.length) headerText.push(...seg.label.map((c) => c.text));
    tokens.push(...seg.values);
  }
  const order = table.rows.flatMap((r) => r.columns.map((c) => cellId('t4', r.id, c)));
  const header = compact(headerText.join(''));
  // The rows' blocks are told apart by their labels in the header, which must come in the template's order.
  const blocks = table.rows.map((r) => r.gridLabel);
  const positions = blocks.map((g) => header.indexOf(g));
  if (positions.every((p) => p >= 0) && positions.some((p, i) => i > 0 && p < positions[i - 1]!)) {
    problems.push(`表四：表头中${blocks.map((b) => `“${b}”`).join('')}的顺序与官方格式不同，无法确定各数值所属的栏目，已留空`);
    return tableResult(cells, seen, { problems, findings: [], read: 0 });
  }
  while (tokens.length > order.length && tokens[0]!.blank) tokens.shift();
  if (tokens.length !== order.length) {
    if (tokens.length) problems.push(`表四：读到 ${tokens.length} 个数值（应为 ${order.length} 个），无法确定各数值所属的栏目，已留空`);
    else problems.push('表四：没有读到数值');
    return tableResult(cells, seen, { problems, findings: [], read: 0 });
  }
  let read = 0;
  tokens.forEach((t, i) => {
    const id = order[i]!;
    read++;
    if (readToken(t, id, cells, problems)) seen.add(id);
  });
  return tableResult(cells, seen, { problems, findings: [], read });
}

export const TABLE_READERS: Record<TableId, (lines: TextLine[], options: ReadOptions) => TableResult> = {
  t2: (lines, options) => readTable2(lines, options.numbersFirst),
  t3: readTable3,
  t4: (lines) => readTable4(lines),
};
