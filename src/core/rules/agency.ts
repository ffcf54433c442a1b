// Rules about who publishes: the statutory deadline (条例第四十九条) and the power to enact 规章.
import { type CellId, cellId, cellLabel } from '../cells.ts';
import type { Cells, ReportDocument } from '../document.ts';
import { type Finding, finding } from '../finding.ts';
import { agencyKindLabel, formatChineseDate } from '../names.ts';
import { AGENCY_KINDS, type AgencyKind, GOV_2021, type Template } from '../template.ts';

/** The last day to publish the report for `year` (ISO date). */
export function statutoryDeadline(template: Template, kind: AgencyKind, year: number): string {
  const { month, day } = template.format.deadlines[kind];
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The report year being worked on at `today` (ISO date): the earliest year whose statutory deadline
 * has not passed. Without a kind, the latest deadline of any kind counts (an office oversees both).
 */
export function openReportYear(template: Template, today: string, kind?: AgencyKind): number {
  const kinds: readonly AgencyKind[] = kind ? [kind] : AGENCY_KINDS;
  const year = Number(today.slice(0, 4)) - 1;
  return kinds.some((k) => statutoryDeadline(template, k, year) >= today) ? year : year + 1;
}

export function checkDeadline(doc: ReportDocument, template: Template): Finding[] {
  const date = doc.publication.date;
  if (!date) return [];
  const deadline = statutoryDeadline(template, doc.agency.kind, doc.year);
  if (date <= deadline) return [];
  const who = agencyKindLabel(doc.agency.kind, template);
  return [finding('deadline.late', [], `发布日期 ${formatChineseDate(date, template)} 晚于法定期限：${who}应在 ${formatChineseDate(deadline, template)} 前公布上一年度报告`)];
}

/** The template's restricted row (规章): its cells, and the label of the row others' documents belong in. */
const RESTRICTED = GOV_2021.tables.flatMap((table) => {
  const r = table.restricted;
  if (!r) return [];
  const row = (id: string) => table.rows.find((x) => x.id === id)!;
  return [{ cells: row(r.row).columns.map((c) => cellId(table.id, r.row, c)), otherwise: row(r.otherwise).label }];
});

export function checkRegulationsAuthority(doc: ReportDocument, cells: Cells): Finding[] {
  return RESTRICTED.flatMap(({ cells: ids, otherwise }) => restrictedRow(doc, cells, ids, otherwise));
}

function restrictedRow(doc: ReportDocument, cells: Cells, ids: CellId[], otherwise: string): Finding[] {
  const nonZero = ids.filter((id) => (cells[id] ?? 0) > 0);
  if (!nonZero.length) return [];
  const { kind, level } = doc.agency;
  const allowed = (kind === 'department' && level === 'national') || (kind === 'government' && (level === 'provincial' || level === 'prefecture'));
  // A government of unknown level may well be a province or a 设区的市: too likely to be right to warn.
  if (allowed || (kind === 'government' && level === null)) return [];
  const why = level === null ? '请确认本机关具有规章制定权' : '本机关所属层级不能制定规章';
  return [
    finding(
      't2.regulationsAuthority',
      nonZero,
      `${nonZero.map(cellLabel).join('、')} 不为 0，但只有国务院部门和省级、设区的市级人民政府可以制定规章：${why}；本机关制发的文件一般应计入“${otherwise}”`,
    ),
  ];
}
