// `nianbao check FILE... [--previous FILE] [--json] [--summary OUT.csv|OUT.html|OUT.xlsx]` — output per docs/interchange.md.
import { writeFile } from 'node:fs/promises';
import { hasErrors, unassessedReasons } from '../core/index.ts';
import { type CheckResult, checkResult, type SummaryRow, summaryCsv, summaryHtml, summaryRow, unreadableRow } from '../import/check.ts';
import { type ReadReport, readReport, UnreadableFileError } from './read-report.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

// Tests and the bench check files the way the CLI does.
export { type CheckResult, checkResult } from '../import/check.ts';

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

async function summaryFile(name: string, rows: SummaryRow[]): Promise<string | Uint8Array> {
  if (/\.csv$/i.test(name)) return summaryCsv(rows);
  if (/\.xlsx$/i.test(name)) return (await import('../export/check-summary-xlsx.ts')).summaryXlsx(rows);
  return summaryHtml(rows);
}

export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    previous: { type: 'string' },
    json: { type: 'boolean', default: false },
    summary: { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('请指定要检查的文件');
  if (values.summary && !/\.(csv|html?|xlsx)$/i.test(values.summary)) throw new UsageError('--summary 的文件名应以 .csv、.html 或 .xlsx 结尾');
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
      rows.push(unreadableRow(file, message.slice(file.length + 1)));
    }
  }
  if (values.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(results.map(formatSummary).join('\n\n') + (results.length ? '\n' : ''));
  if (values.summary) await writeFile(values.summary, await summaryFile(values.summary, rows));
  if (exit === 0 && results.some((r) => hasErrors(r.findings))) exit = 1;
  return exit;
}
