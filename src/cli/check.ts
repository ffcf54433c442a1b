// `nianbao check FILE... [--previous FILE] [--json]` — output per spec/interchange.md.
import { CELL_IDS, checkReport, hasErrors, type Finding } from '../core/index.ts';
import { readReport, UnreadableFileError, type ReadReport } from './read-report.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

export interface CheckResult {
  file: string;
  year: number | null;
  agency: string | null;
  cells: Record<string, number | null>;
  findings: Pick<Finding, 'rule' | 'severity' | 'cells' | 'message'>[];
  problems: string[];
}

export function checkResult(file: string, report: ReadReport, previous: ReadReport | null): CheckResult {
  const { document } = report;
  const findings = checkReport(document, { previous: previous?.document ?? null });
  return {
    file,
    year: document.year,
    agency: document.agency.name || null,
    cells: Object.fromEntries(CELL_IDS.map((id) => [id, document.cells[id] ?? null])),
    findings: findings.map(({ rule, severity, cells, message }) => ({ rule, severity, cells, message })),
    problems: report.problems,
  };
}

export function formatSummary(r: CheckResult): string {
  const errors = r.findings.filter((f) => f.severity === 'error');
  const warnings = r.findings.filter((f) => f.severity === 'warning');
  const lines = [`${r.file}：${r.agency ?? '（机关名称未识别）'} ${r.year ?? '（年度未识别）'}年`];
  lines.push(`  错误 ${errors.length} 项，提示 ${warnings.length} 项${r.problems.length ? `，未能读取 ${r.problems.length} 处` : ''}`);
  for (const f of [...errors, ...warnings]) lines.push(`  [${f.severity === 'error' ? '错误' : '提示'}] ${f.message}  (${f.rule})`);
  for (const p of r.problems) lines.push(`  [未读取] ${p}`);
  if (!r.findings.length && !r.problems.length) lines.push('  未发现问题');
  return lines.join('\n');
}

export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    previous: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (!positionals.length) throw new UsageError('请指定要检查的文件');
  let exit = 0;
  const fail = (e: unknown) => {
    if (!(e instanceof UnreadableFileError)) throw e;
    process.stderr.write(`无法读取 ${e.message}\n`);
    exit = 2;
  };
  let previous: ReadReport | null = null;
  if (values.previous) {
    try {
      previous = await readReport(values.previous);
    } catch (e) {
      fail(e);
      return 2;
    }
  }
  const results: CheckResult[] = [];
  for (const file of positionals) {
    try {
      results.push(checkResult(file, await readReport(file), previous));
    } catch (e) {
      fail(e);
    }
  }
  if (values.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(results.map(formatSummary).join('\n\n') + (results.length ? '\n' : ''));
  if (exit === 0 && results.some((r) => hasErrors(r.findings))) exit = 1;
  return exit;
}

