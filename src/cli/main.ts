// `nianbao` — the command line: check, import and export reports.
import { UsageError } from './usage.ts';

const HELP = `用法：
  nianbao check FILE... [--previous FILE] [--json] [--summary 汇总.csv|汇总.html]   检查年报（.json .txt .md .html .docx .pdf；勾稽关系、上年结转、正文与表格；--summary 每个文件一行）
  nianbao import FILE [-o OUT.json]   把已发布的年报（.txt .md .html .docx .pdf）读成年报文档；未能读取之处列在标准错误输出
  nianbao export FILE --format docx|html|json|csv [-o OUT]   导出年报（Word、网页、JSON、CSV）
  nianbao export FILE --format pdf [-o OUT] [--font 角色=字体文件]...   导出 PDF（内嵌字体；角色：title body heading1 heading2 heading3 table pageNumber，如 --font body=simfang.ttf）

退出码：0 无错误；1 发现错误；2 参数有误或文件无法读取`;

/** Each command's module is loaded when it runs, so `check` never loads the exporters nor `--help` anything. */
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  check: async (args) => (await import('./check.ts')).runCheck(args),
  export: async (args) => (await import('./export.ts')).runExport(args),
  import: async (args) => (await import('./import.ts')).runImport(args),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`未知命令：${command}\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${HELP}\n`);
      return 2;
    }
    throw e;
  }
}
