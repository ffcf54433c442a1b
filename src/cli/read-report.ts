// Reading any report file the CLI is given into a report document (Node side of the importer).
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { configurePdf, importReportFile, ImportError, type ImportResult } from '../import/index.ts';

export type ReadReport = ImportResult;

/** Report files are at most a few MB; a larger file is refused before it is read into memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file that cannot be used at all; the message is Chinese and says why. */
export class UnreadableFileError extends Error {}

// PDFs that use predefined Chinese CMaps need pdfjs's character maps; in Node they are files.
configurePdf({ cMapUrl: join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/' });

export async function readReport(path: string): Promise<ReadReport> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new UnreadableFileError(`${path}：文件不存在或无法打开`);
  }
  if (size > MAX_FILE_BYTES) throw new UnreadableFileError(`${path}：文件过大（${(size / 1048576).toFixed(1)} MB），年报文件不应超过 ${MAX_FILE_BYTES / 1048576} MB`);
  try {
    return await importReportFile(path, new Uint8Array(await readFile(path)));
  } catch (e) {
    if (e instanceof ImportError) throw new UnreadableFileError(`${path}：${e.message}`);
    throw e;
  }
}
