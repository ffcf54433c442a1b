// `nianbao import FILE [-o OUT.json]` — a published report (.txt .md .html .docx .pdf) into a report
// document to edit or check, saying on stderr what could not be read, so nothing is lost unnoticed.
import { writeFile } from 'node:fs/promises';
import { readReport, UnreadableFileError } from './read-report.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要导入的文件');
  const file = positionals[0]!;
  let report;
  try {
    report = await readReport(file);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    process.stderr.write(`无法读取 ${e.message}\n`);
    return 2;
  }
  const json = JSON.stringify(report.document, null, 2) + '\n';
  if (values.output) await writeFile(values.output, json);
  else process.stdout.write(json);
  const notes = [...(report.yearFound ? [] : [`未识别出报告年度，已暂填 ${report.document.year} 年，请核对`]), ...report.problems, ...report.findings.map((f) => f.message)];
  for (const note of notes) process.stderr.write(`${file}：${note}\n`);
  if (!notes.length) process.stderr.write(`${file}：已完整读取\n`);
  return 0;
}
