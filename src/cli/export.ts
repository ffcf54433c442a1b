// `nianbao export FILE --format FMT [-o OUT]` — one report file to a finished document.
import { writeFileSync } from 'node:fs';
import type { ReportDocument } from '../core/index.ts';
import { EXPORT_FORMATS, exportFormat } from '../export/formats.ts';
import { ExportProblem } from '../export/pdf/problem.ts';
import { readReport, UnreadableFileError } from './read-report.ts';
import { parseCommandArgs, UsageError } from './usage.ts';

export async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    font: { type: 'string', multiple: true },
  });
  if (positionals.length !== 1) throw new UsageError('请指定一个要导出的文件');
  const format = values.format ?? 'json';
  const exporter = exportFormat(format);
  if (!exporter) throw new UsageError(`不支持的导出格式：${format}（可用：${EXPORT_FORMATS.map((f) => f.id).join('、')}）`);
  let doc: ReportDocument;
  try {
    doc = (await readReport(positionals[0]!)).document;
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    process.stderr.write(`无法读取 ${e.message}\n`);
    return 2;
  }
  // `--font role=path` files are for the PDF; the renderer loads with them only when asked for. The
  // command exits after one export: the shipped fonts' outlines are read as glyphs are used.
  const makePdf = async (d: ReportDocument) => (await import('../export/pdf/node.ts')).renderPdfInNode(d, values.font ?? [], true);
  let out: Uint8Array;
  try {
    out = await exporter.render(doc, makePdf);
  } catch (e) {
    if (!(e instanceof ExportProblem)) throw e;
    process.stderr.write(`无法导出：${e.message}\n`);
    return 2;
  }
  // Synchronously, as the report was read (read-report.ts).
  if (values.output) writeFileSync(values.output, out);
  else process.stdout.write(out);
  return 0;
}
