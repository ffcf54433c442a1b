// Reading any report file the CLI is given into a report document.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { MAX_DOCUMENT_CHARS, parseDocumentJson, type ReportDocument } from '../core/index.ts';

export interface ReadReport {
  document: ReportDocument;
  /** What could not be read (missing section or table, unreadable row). */
  problems: string[];
}

/** A file that cannot be used at all; the message is Chinese and says why. */
export class UnreadableFileError extends Error {}

export async function readReport(path: string): Promise<ReadReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UnreadableFileError(`${path}：文件不存在或无法打开`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    if (size > MAX_DOCUMENT_CHARS * 4) throw new UnreadableFileError(`${path}：文件过大（${(size / 1e6).toFixed(1)} MB），不是有效的年报文档`);
    const parsed = parseDocumentJson(await readFile(path, 'utf8'));
    if (!parsed.ok) throw new UnreadableFileError(`${path}：不是有效的年报文档\n  ${parsed.errors.join('\n  ')}`);
    return { document: parsed.document, problems: [] };
  }
  throw new UnreadableFileError(`${path}：暂不支持读取“${ext || '无扩展名'}”文件；目前只能检查本系统导出的年报文档（.json）`);
}
