// `nianbao check FILE... [--previous FILE] [--json] [--summary OUT.csv|OUT.html]` — output per spec/interchange.md.
import { writeFile } from 'node:fs/promises';
import { assessReport, CELL_IDS, hasErrors, unassessedReasons, type Finding, type Unassessed } from '../core/index.ts';
import { readReport, UnreadableFileError, type ReadReport } from './read-report.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

export interface CheckResult {
  file: string;
  year: number | null;
  agency: string | null;
  cells: Record<string, number | null>;
  findings: Pick<Finding, 'rule' | 'severity' | 'cells' | 'message'>[];
  problems: string[];
  /** Rules not checked because a cell they need could not be read (interchange.md, contract version 2). */
  unassessed: Unassessed[];
}

export function checkResult(file: string, report: ReadReport, previous: ReadReport | null): CheckResult {
  const { document } = report;
  // The importer's own findings (e.g. a 2019-format table) come first: they explain the empty cells below them.
  const checked = assessReport(document, { previous: previous?.document ?? null });
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

export function formatSummary(r: CheckResult): string {
  const errors = r.findings.filter((f) => f.severity === 'error');
  const warnings = r.findings.filter((f) => f.severity === 'warning');
  const lines = [`${r.file}：${r.agency ?? '（机关名称未识别）'} ${r.year ?? '（年度未识别）'}年`];
  lines.push(
    `  错误 ${errors.length} 项，提示 ${warnings.length} 项${r.unassessed.length ? `，${r.unassessed.length} 项无法核验` : ''}${r.problems.length ? `，未能读取 ${r.problems.length} 处` : ''}`,
  );
  for (const f of [...errors, ...warnings]) lines.push(`  [${f.severity === 'error' ? '错误' : '提示'}] ${f.message}  (${f.rule})`);
  for (const [reason, count] of unassessedReasons(r.unassessed)) lines.push(`  [无法核验] ${count > 1 ? `${count} 项：` : ''}${reason}`);
  for (const p of r.problems) lines.push(`  [未读取] ${p}`);
  if (!r.findings.length && !r.problems.length && !r.unassessed.length) lines.push('  未发现问题');
  return lines.join('\n');
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

const SUMMARY_HEADER = ['文件', '机关', '年度', '错误', '提示', '未能读取', '无法核验', '说明'];

function summaryRow(r: CheckResult): SummaryRow {
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const notes = r.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  if (r.unassessed.length) notes.push(`${r.unassessed.length} 项无法核验（${[...unassessedReasons(r.unassessed).keys()].join('；')}）`);
  return { file: r.file, agency: r.agency, year: r.year, errors, warnings: count('warning'), problems: r.problems.length, unassessed: r.unassessed.length, note: notes.join('；') };
}

const cellsOf = (row: SummaryRow) => [row.file, row.agency ?? '', row.year ?? '', row.errors ?? '', row.warnings ?? '', row.problems ?? '', row.unassessed ?? '', row.note].map(String);

export function summaryCsv(rows: SummaryRow[]): string {
  const quote = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
  // BOM: Excel (what offices open CSVs with) reads UTF-8 only with it.
  return '\ufeff' + [SUMMARY_HEADER, ...rows.map(cellsOf)].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function summaryHtml(rows: SummaryRow[]): string {
  const esc = (v: string) => v.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const head = SUMMARY_HEADER.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr${r.errors ? ' class="has-errors"' : r.errors === null ? ' class="unreadable"' : ''}>${cellsOf(r).map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
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

export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    previous: { type: 'string' },
    json: { type: 'boolean', default: false },
    summary: { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('请指定要检查的文件');
  if (values.summary && !/\.(csv|html?)$/i.test(values.summary)) throw new UsageError('--summary 的文件名应以 .csv 或 .html 结尾');
  let exit = 0;
  const unreadable = (e: unknown): string => {
    if (!(e instanceof UnreadableFileError)) throw e;
    process.stderr.write(`无法读取 ${e.message}\n`);
    exit = 2;
    return e.message;
  };
  let previous: ReadReport | null = null;
  if (values.previous) {
    try {
      previous = await readReport(values.previous);
    } catch (e) {
      unreadable(e);
    }
  }
  const results: CheckResult[] = [];
  const rows: SummaryRow[] = [];
  for (const file of positionals) {
    try {
      const result = checkResult(file, await readReport(file), previous);
      results.push(result);
      rows.push(summaryRow(result));
    } catch (e) {
      const message = unreadable(e);
      rows.push({ file, agency: null, year: null, errors: null, warnings: null, problems: null, unassessed: null, note: `无法读取：${message.slice(file.length + 1)}` });
    }
  }
  if (values.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(results.map(formatSummary).join('\n\n') + (results.length ? '\n' : ''));
  if (values.summary) await writeFile(values.summary, /\.csv$/i.test(values.summary) ? summaryCsv(rows) : summaryHtml(rows));
  if (exit === 0 && results.some((r) => hasErrors(r.findings))) exit = 1;
  return exit;
}
