// The office's bulk check: files (or .zip archives of them) queued, read and checked a few at a time
// in Web Workers; each file's row says where it stands. Bytes are read only when a file's turn comes,
// so a folder of a thousand PDFs does not sit in memory at once. Nothing leaves the browser.
import { type CheckResult, fileTooLargeMessage, MAX_FILE_BYTES, type SummaryRow, summaryRow, unreadableRow } from '../../import/check.ts';
import type { CheckRequest, CheckResponse } from './check-protocol.ts';
import type { NamedFile } from './dropped-files.ts';
import { JobCancelledError, type WorkerPool } from './pool.ts';

export type FileState = 'waiting' | 'done' | 'unreadable' | 'cancelled';

export interface CheckedFile {
  key: number;
  /** The file's name; a file from a .zip is "archive.zip/inner/name.pdf". */
  file: string;
  state: FileState;
  result: CheckResult | null;
  /** Why the file could not be read (Chinese), for 'unreadable'. */
  message: string | null;
}

/** A zip of a province's reports is far larger than one report, but still bounded. */
export const MAX_ZIP_BYTES = 300 * 1024 * 1024;
/** A real report is read in well under a second; a minute means a hostile or broken file. */
export const FILE_TIME_LIMIT_MS = 60_000;

type Source = { key: number; name: string; read: () => Promise<Uint8Array>; size: number; zip: boolean };

export class BulkCheck {
  private files: CheckedFile[] = [];
  private readonly queue: Source[] = [];
  private readonly listeners = new Set<() => void>();
  private runners = 0;
  private nextKey = 1;

  constructor(
    private readonly pool: WorkerPool<CheckRequest, CheckResponse>,
    private readonly parallel: number,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): readonly CheckedFile[] => this.files;

  add(files: readonly NamedFile[]): void {
    for (const { file, name } of files) {
      this.enqueue({ name, size: file.size, zip: /\.zip$/i.test(name), read: async () => new Uint8Array(await file.arrayBuffer()) });
    }
    this.emit();
    this.start();
  }

  /** Stops the running checks; files not yet checked are marked 已取消 and keep their row. */
  cancel(): void {
    this.queue.length = 0;
    this.pool.cancel();
    this.files = this.files.map((f) => (f.state === 'waiting' ? { ...f, state: 'cancelled' } : f));
    this.emit();
  }

  clear(): void {
    this.cancel();
    this.files = [];
    this.emit();
  }

  private enqueue(source: Omit<Source, 'key'>, at = this.files.length): void {
    const key = this.nextKey++;
    this.files.splice(at, 0, { key, file: source.name, state: 'waiting', result: null, message: null });
    this.queue.push({ ...source, key });
  }

  private start(): void {
    while (this.runners < this.parallel && this.queue.length) {
      this.runners++;
      void this.runQueue().finally(() => this.runners--);
    }
  }

  private async runQueue(): Promise<void> {
    for (let source = this.queue.shift(); source; source = this.queue.shift()) await this.check(source);
  }

  private async check(source: Source): Promise<void> {
    const limit = source.zip ? MAX_ZIP_BYTES : MAX_FILE_BYTES;
    if (source.size > limit) {
      const message = source.zip ? `压缩包过大（${(source.size / 1048576).toFixed(1)} MB），请分批检查（上限 ${MAX_ZIP_BYTES / 1048576} MB）` : fileTooLargeMessage(source.size);
      return this.settle(source.key, { state: 'unreadable', message });
    }
    let response: CheckResponse;
    try {
      const bytes = await source.read();
      response = await this.pool.run({ type: source.zip ? 'unzip' : 'check', name: source.name, bytes }, [bytes.buffer]);
    } catch (e) {
      if (e instanceof JobCancelledError) return;
      return this.settle(source.key, { state: 'unreadable', message: e instanceof Error ? e.message : String(e) });
    }
    if (response.type === 'checked') return this.settle(source.key, { state: 'done', result: response.result });
    if (response.type === 'unreadable') return this.settle(source.key, { state: 'unreadable', message: response.message });
    this.expand(source, response.entries);
  }

  /** The archive's row gives way to one row per file in it, in the archive's order. */
  private expand(archive: Source, entries: Extract<CheckResponse, { type: 'unzipped' }>['entries']): void {
    const at = this.files.findIndex((f) => f.key === archive.key);
    if (at < 0) return;
    this.files.splice(at, 1);
    entries.forEach((entry, i) => {
      const name = `${archive.name}/${entry.name}`;
      if ('problem' in entry) {
        this.files.splice(at + i, 0, { key: this.nextKey++, file: name, state: 'unreadable', result: null, message: entry.problem });
      } else this.enqueue({ name, size: entry.bytes.length, zip: false, read: async () => entry.bytes }, at + i);
    });
    this.emit();
    this.start();
  }

  private settle(key: number, patch: Partial<CheckedFile>): void {
    this.files = this.files.map((f) => (f.key === key && f.state === 'waiting' ? { ...f, ...patch } : f));
    this.emit();
  }

  private emit(): void {
    this.files = [...this.files];
    for (const listener of this.listeners) listener();
  }
}

/** The rows of `nianbao check --summary`: unreadable and cancelled files keep their row. */
export function summaryRows(files: readonly CheckedFile[]): SummaryRow[] {
  return files.map((f) => (f.result ? summaryRow(f.result) : unreadableRow(f.file, f.state === 'cancelled' ? '检查已取消' : (f.message ?? '尚未检查'))));
}

/** What `nianbao check --json` prints for the same files: the results of those that could be read. */
export function checkJson(files: readonly CheckedFile[]): string {
  return (
    JSON.stringify(
      files.flatMap((f) => (f.result ? [f.result] : [])),
      null,
      2,
    ) + '\n'
  );
}
