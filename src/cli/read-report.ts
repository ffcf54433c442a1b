// Reading any report file the CLI is given into a report document (Node side of the importer).
// Files are read synchronously: a command has nothing to do meanwhile, and an asynchronous read
// waits for a thread-pool thread, which a busy machine schedules late.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../import/check.ts';
import { configurePdf, ImportError, type ImportResult, importReportFile } from '../import/index.ts';

export type ReadReport = ImportResult;

/** A file that cannot be used at all; the message is Chinese and says why. */
export class UnreadableFileError extends Error {}

// A command parses a few documents: zod's JIT, which compiles a parser per object schema on first
// use (compiled code that V8's code cache cannot hold), cost a cold parse ~2 ms more than it saves.
z.config({ jitless: true });

// PDFs that use predefined Chinese CMaps need pdfjs's character maps; in Node they are files.
configurePdf({ cMapUrl: join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/' });

export async function readReport(path: string): Promise<ReadReport> {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new UnreadableFileError(`${path}：文件不存在或无法打开`);
  }
  if (size > MAX_FILE_BYTES) throw new UnreadableFileError(`${path}：${fileTooLargeMessage(size)}`);
  try {
    return await importReportFile(path, new Uint8Array(readFileSync(path)));
  } catch (e) {
    if (e instanceof ImportError) throw new UnreadableFileError(`${path}：${e.message}`);
    throw e;
  }
}
