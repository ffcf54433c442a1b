// `nianbao export FILE --format FMT [-o OUT]` — one report file to a finished document.
import { writeFile } from 'node:fs/promises';
import type { ReportDocument } from '../core/index.ts';
import { ExportProblem } from '../export/pdf/problem.ts';
import { readReport, UnreadableFileError } from './read-report.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

/** Options from the command line that some renderers use (`--font role=path` for PDF). */
type ExportOptions = { fonts: string[] };
type Exporter = { extension: string; render: (doc: ReportDocument, options: ExportOptions) => Promise<Uint8Array | string> };

/** Output formats; each renderer is loaded only when asked for. */
const EXPORTERS: Record<string, Exporter> = {
  json: { extension: '.json', render: async (doc) => JSON.stringify(doc, null, 2) + '\n' },
  docx: { extension: '.docx', render: async (doc) => (await import('../export/docx/index.ts')).renderDocx(doc) },
  html: { extension: '.html', render: async (doc) => (await import('../export/html/index.ts')).renderHtml(doc) },
  csv: { extension: '.csv', render: async (doc) => (await import('../export/csv.ts')).renderCsv(doc) },
  pdf: { extension: '.pdf', render: async (doc, { fonts }) => (await import('../export/pdf/node.ts')).renderPdfInNode(doc, fonts) },
};

export async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    font: { type: 'string', multiple: true },
  });
  if (positionals.length !== 1) throw new UsageError('请指定一个要导出的文件');
  const format = values.format ?? 'json';
  const exporter = EXPORTERS[format];
  if (!exporter) throw new UsageError(`不支持的导出格式：${format}（可用：${Object.keys(EXPORTERS).join('、')}）`);
  let doc: ReportDocument;
  try {
    doc = (await readReport(positionals[0]!)).document;
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    process.stderr.write(`无法读取 ${e.message}\n`);
    return 2;
  }
  let out: Uint8Array | string;
  try {
    out = await exporter.render(doc, { fonts: values.font ?? [] });
  } catch (e) {
    if (!(e instanceof ExportProblem)) throw e;
    process.stderr.write(`无法导出：${e.message}\n`);
    return 2;
  }
  if (values.output) await writeFile(values.output, out);
  else process.stdout.write(out);
  return 0;
}
