// Reading a report file (bytes + name) into a report document, in the browser and in Node alike.
import { parseDocumentJson, type ReportDocument } from '../core/index.ts';

export interface ImportResult {
  document: ReportDocument;
  /** What could not be read (missing section or table, unreadable row, ambiguous value), in Chinese. */
  problems: string[];
}

/** A file that cannot be used at all; the message is Chinese and says why. */
export class ImportError extends Error {}

export async function importReportFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const ext = name.toLowerCase().match(/\.[^.]+$/)?.[0] ?? '';
  if (ext === '.json') {
    const parsed = parseDocumentJson(new TextDecoder('utf-8').decode(bytes));
    if (!parsed.ok) throw new ImportError(`不是有效的年报文档：\n  ${parsed.errors.join('\n  ')}`);
    return { document: parsed.document, problems: [] };
  }
  throw new ImportError(`暂不支持读取“${ext || '无扩展名'}”文件；目前只能读取本系统导出的年报文档（.json）`);
}
