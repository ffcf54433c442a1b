// Checking one read report, and the one-row-per-file summary of many: shared by `nianbao check`
// and the office's bulk check in the browser, so both give the same findings and the same CSV.
import { assessReport, CELL_IDS, type Finding, type Unassessed, unassessedReasons } from '../core/index.ts';
import type { ImportResult } from './index.ts';

/** Report files are at most a few MB; a larger file is refused before it is read into memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function fileTooLargeMessage(size: number): string {
  return `文件过大（${(size / 1048576).toFixed(1)} MB），年报文件不应超过 ${MAX_FILE_BYTES / 1048576} MB`;
}

export interface CheckResult {
  file: string;
  year: number | null;
  agency: string | null;
  cells: Record<string, number | null>;
  findings: Pick<Finding, 'rule' | 'severity' | 'cells' | 'message'>[];
  problems: string[];
  /** Rules not checked because a cell they need could not be read (docs/interchange.md, contract version 2). */
  unassessed: Unassessed[];
}

export function checkResult(file: string, report: ImportResult, previous: ImportResult | null): CheckResult {
  const { document } = report;
  // A published report's printed totals are checked as printed, never recomputed over them.
  // The importer's own findings (e.g. a 2019-format table) come first: they explain the empty cells below them.
  const checked = assessReport(document, { totals: 'asPrinted', previous: previous?.document ?? null, published: true });
  const findings = [...report.findings, ...checked.findings];
  return {
    file,
    year: report.yearFound ? document.year : null,
    agency: document.agency.name || null,
    cells: Object.fromEntries(CELL_IDS.map((id) => [id, document.cells[id] ?? null])),
    findings: findings.map(({ rule, severity, cells, message }) => ({ rule, severity, cells, message })),
    problems: report.problems,
    unassessed: checked.unassessed.map(({ rule, cells, reason }) => ({ rule, cells, reason })),
  };
}

/** One row per file for an office checking many agencies' reports; unreadable files keep their row. */
export interface SummaryRow {
  file: string;
  agency: string | null;
  year: number | null;
  errors: number | null;
  warnings: number | null;
  problems: number | null;
  unassessed: number | null;
  note: string;
}

export const SUMMARY_HEADER = ['文件', '机关', '年度', '错误', '提示', '未能读取', '无法核验', '说明'];

/** A summary row's values in SUMMARY_HEADER's order: counts stay numbers (for a spreadsheet), unknown ones empty. */
export const summaryValues = (row: SummaryRow): (string | number | null)[] => [row.file, row.agency, row.year, row.errors, row.warnings, row.problems, row.unassessed, row.note];

export function summaryRow(r: CheckResult): SummaryRow {
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const notes = r.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  if (r.unassessed.length) notes.push(`${r.unassessed.length} 项无法核验（${[...unassessedReasons(r.unassessed).keys()].join('；')}）`);
  return { file: r.file, agency: r.agency, year: r.year, errors, warnings: count('warning'), problems: r.problems.length, unassessed: r.unassessed.length, note: notes.join('；') };
}

/** The row of a file that could not be read at all; `reason` is the Chinese message saying why. */
export function unreadableRow(file: string, reason: string): SummaryRow {
  return { file, agency: null, year: null, errors: null, warnings: null, problems: null, unassessed: null, note: `无法读取：${reason}` };
}

const cellsOf = (row: SummaryRow) => summaryValues(row).map((v) => String(v ?? ''));

export function summaryCsv(rows: SummaryRow[]): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
  // BOM: Excel (what offices open CSVs with) reads UTF-8 only with it.
  return '\ufeff' + [SUMMARY_HEADER, ...rows.map(cellsOf)].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function summaryHtml(rows: SummaryRow[]): string {
  const esc = (v: string) => v.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const head = SUMMARY_HEADER.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr${r.errors ? ' class="has-errors"' : r.errors === null ? ' class="unreadable"' : ''}>${cellsOf(r)
          .map((c) => `<td>${esc(c)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报检查汇总</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}tr.has-errors td{background:#fde8e8}tr.unreadable td{background:#eee}</style>
</head><body><h1>年报检查汇总</h1><p>共 ${rows.length} 个文件，其中 ${rows.filter((r) => r.errors).length} 个有错误，${rows.filter((r) => r.errors === null).length} 个无法读取。</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}
