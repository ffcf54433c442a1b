// Where a block pasted from Excel/WPS goes. Clerks copy the table with its header rows and row
// labels: when the block carries labels the template knows (or their usual variants, as the
// importer reads them), each row's numbers go to the row its label names; header rows and label
// text are skipped. Without labels the block fills from the focused cell. Text never lands in a
// number cell, and the result says what was placed, what was skipped and what fell outside.
import { type CellId, cellId, cellInfo, normalizeDigits, type TemplateTable } from '../../core/index.ts';
import { bestMatch, type Candidate, labelCore } from '../../import/normalize.ts';
import { type GridGeometry, pasteTargets } from './grid-geometry.ts';

export interface PastePlan {
  /** Cells to fill, with the pasted text. */
  cells: { id: CellId; text: string }[];
  /** Rows placed by their label (0: the block was placed from the focused cell). */
  byLabel: number;
  /** Header rows, and label or other text cells, that were not placed. */
  headerRows: number;
  textSkipped: number;
  /** Values aimed at computed totals. */
  computedSkipped: number;
  /** Values with no cell: past the table's edge, or in rows whose label is not recognised. */
  outside: number;
  unrecognisedRows: string[];
}

/** A pasted value that belongs in a number cell: digits (possibly invalid, e.g. "3.5"), "/" or blank. */
const NUMBER_LIKE = /^[\d.,\-+\s/]*$/;
const isNumberLike = (text: string) => NUMBER_LIKE.test(normalizeDigits(text));

interface RowKeys {
  alone: Candidate<string>[];
  inGroup: Candidate<string>[];
}

function rowKeys(table: TemplateTable): RowKeys {
  const group = (id: string | undefined) => table.rowGroups?.find((g) => g.id === id)?.label ?? '';
  return {
    alone: table.rows.map((r) => ({ key: labelCore(r.label), value: r.id })),
    inGroup: table.rows.map((r) => ({ key: labelCore(group(r.parent) + r.label), value: r.id })),
  };
}

/** The template row a block row's label texts name, given the group label seen last (merged cells repeat it once). */
function matchRow(texts: string[], group: string, keys: RowKeys): string | null {
  const label = texts[texts.length - 1]!;
  for (const [core, candidates] of [
    [labelCore(texts.join('')), keys.inGroup],
    [labelCore(group + label), keys.inGroup],
    [labelCore(label), keys.alone],
  ] as const) {
    const m = bestMatch(core, candidates);
    if (m && 'value' in m) return m.value;
  }
  return null;
}

function emptyPlan(): PastePlan {
  return { cells: [], byLabel: 0, headerRows: 0, textSkipped: 0, computedSkipped: 0, outside: 0, unrecognisedRows: [] };
}

/** Drops what cannot be written (text, computed totals) from the cells a block would fill. */
function keepWritable(plan: PastePlan, targets: { id: CellId; text: string }[]) {
  for (const t of targets) {
    if (!isNumberLike(t.text)) plan.textSkipped += 1;
    else if (cellInfo(t.id).computed) plan.computedSkipped += 1;
    else plan.cells.push(t);
  }
}

export function planPaste(table: TemplateTable, geometry: GridGeometry, start: CellId, block: string[][]): PastePlan {
  const plan = emptyPlan();
  const keys = rowKeys(table);
  let group = '';
  const labelled: { row: string; cells: string[]; after: number }[] = [];
  const unlabelled: string[][] = [];
  for (const cells of block) {
    const trimmed = cells.map((c) => c.trim());
    const texts = trimmed.filter((c) => c && !isNumberLike(c));
    const after = trimmed.findLastIndex((c) => c && !isNumberLike(c)) + 1;
    // A label row has numbers after its label; header rows ("自然人 … 总计") have none.
    const row = texts.length && trimmed.slice(after).some((c) => c) ? matchRow(texts, group, keys) : null;
    if (!row) {
      // A group label on its own row ("三、本年度办理结果") qualifies the rows under it.
      if (texts.length && trimmed.every((c) => !c || !isNumberLike(c))) group = texts[texts.length - 1]!;
      unlabelled.push(trimmed);
      continue;
    }
    labelled.push({ row, cells: trimmed, after });
  }
  // Numbers start in the same column in every row (label columns are merged, so some rows leave
  // them blank): the first column holding a number after a label.
  const dataStart = Math.min(
    ...labelled.map(
      (r) =>
        r.after +
        Math.max(
          0,
          r.cells.slice(r.after).findIndex((c) => c),
        ),
    ),
  );
  if (!labelled.length) {
    const targets = pasteTargets(geometry, start, block);
    keepWritable(plan, targets);
    plan.outside = block.reduce((n, r) => n + r.length, 0) - targets.length;
    return plan;
  }
  plan.byLabel = labelled.length;
  for (const cells of unlabelled) {
    const texts = cells.filter((c) => c && !isNumberLike(c));
    const numbers = cells.filter((c) => c && isNumberLike(c));
    plan.textSkipped += texts.length;
    if (!numbers.length) plan.headerRows += 1;
    else {
      plan.outside += numbers.length;
      plan.unrecognisedRows.push(texts.join(' ') || numbers.join(' '));
    }
  }
  for (const { row, cells, after } of labelled) {
    const values = cells.slice(Math.max(after, dataStart));
    while (values.length && !values[values.length - 1]) values.pop();
    const columns = table.rows.find((r) => r.id === row)!.columns.map((c) => cellId(table.id, row, c));
    // All the row's columns (totals included), or only those a person types.
    const typed = columns.filter((id) => !cellInfo(id).computed);
    const targets = values.length <= typed.length && values.length !== columns.length ? typed : columns;
    values.forEach((text, i) => {
      const id = targets[i];
      if (!id) plan.outside += 1;
      else keepWritable(plan, [{ id, text }]);
    });
  }
  return plan;
}

/** What a paste did, in a sentence for the status line. */
export function describePaste(plan: PastePlan, written: number): string {
  const parts = [plan.byLabel ? `已按行标签粘贴 ${written} 格（${plan.byLabel} 行）` : `已粘贴 ${written} 格`];
  if (plan.headerRows) parts.push(`跳过表头 ${plan.headerRows} 行`);
  if (plan.textSkipped) parts.push(`跳过文字 ${plan.textSkipped} 处`);
  if (plan.computedSkipped) parts.push(`跳过 ${plan.computedSkipped} 个自动计算或不适用的格`);
  if (plan.unrecognisedRows.length) parts.push(`未识别的行 ${plan.unrecognisedRows.length} 行未粘贴（${plan.unrecognisedRows.join('；')}）`);
  else if (plan.outside) parts.push(`${plan.outside} 个数字超出表格，未粘贴`);
  return parts.join('，');
}
