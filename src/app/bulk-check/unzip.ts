// A .zip of published reports → its files, inflated with caps so that a zip bomb stops early:
// each file at most MAX_FILE_BYTES (like a file dropped on its own), all together MAX_ZIP_TOTAL_BYTES.
import { Unzip, UnzipInflate } from 'fflate';
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../../import/check.ts';

export const MAX_ZIP_TOTAL_BYTES = 300 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;
const CHUNK = 64 * 1024;

export type ZipEntry = { name: string; bytes: Uint8Array } | { name: string; problem: string };

/** Thrown when the archive as a whole cannot be used; the message is Chinese and says why. */
export class ZipError extends Error {}

/**
 * Names in zips made on Chinese Windows are GBK without the UTF-8 flag; fflate then decodes them as
 * Latin-1. Such a name's bytes are recovered and read as UTF-8 if valid, else as GB18030.
 */
export function entryName(raw: string): string {
  if (![...raw].every((c) => c.charCodeAt(0) < 256) || /^[\x00-\x7f]*$/.test(raw)) return raw;
  const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Folders and the metadata macOS and Windows add to archives are not reports. */
const isClutter = (name: string) => name.endsWith('/') || /(^|\/)(__MACOSX|\.DS_Store|Thumbs\.db)(\/|$)/.test(name) || /(^|\/)\._/.test(name);

export function unzipReports(bytes: Uint8Array): ZipEntry[] {
  const files: { name: string; parts: Uint8Array[]; size: number; problem: string | null }[] = [];
  let total = 0;
  let failure: string | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const name = entryName(file.name);
    if (failure || isClutter(name)) return;
    if (files.length >= MAX_ZIP_ENTRIES) {
      failure = `压缩包中的文件超过 ${MAX_ZIP_ENTRIES} 个，请分批检查`;
      return;
    }
    const entry = { name, parts: [] as Uint8Array[], size: 0, problem: null as string | null };
    files.push(entry);
    if (/\.zip$/i.test(name)) {
      entry.problem = '压缩包中的压缩包不会展开，请先解压后再检查';
      return;
    }
    file.ondata = (err, chunk) => {
      if (failure || entry.problem) return;
      if (err) {
        entry.problem = '压缩包中的这个文件已损坏，无法解压';
        return;
      }
      entry.size += chunk.length;
      total += chunk.length;
      if (entry.size > MAX_FILE_BYTES) {
        entry.problem = `解压后${fileTooLargeMessage(entry.size)}（可能是恶意构造的压缩文件）`;
        entry.parts = [];
        file.terminate();
      } else if (total > MAX_ZIP_TOTAL_BYTES) {
        failure = `压缩包解压后超过 ${MAX_ZIP_TOTAL_BYTES / 1048576} MB，请分批检查（也可能是恶意构造的压缩文件）`;
        file.terminate();
      } else entry.parts.push(chunk);
    };
    file.start();
  };
  try {
    // Small pushes keep each inflate step (and so memory) bounded even for a zip bomb.
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch {
    throw new ZipError('不是有效的 .zip 压缩包，或文件已损坏（可能下载不完整）');
  }
  if (failure) throw new ZipError(failure);
  if (!files.length) throw new ZipError('压缩包中没有文件，或不是有效的 .zip 压缩包');
  return files.map(({ name, parts, size, problem }) => (problem ? { name, problem } : { name, bytes: concat(parts, size) }));
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
