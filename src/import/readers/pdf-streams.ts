// A PDF's compressed streams, inflated once with a running count before pdf.js sees the file: pdf.js
// inflates a stream whole, so a few KB that inflate to gigabytes (a "zip bomb" in a PDF) would
// exhaust memory. Each zlib stream is measured chunk by chunk and nothing is kept.
import { Unzlib } from 'fflate';
import { ImportError } from '../errors.ts';

/** Fonts are the largest streams of a real report, a few MB each. */
export const MAX_STREAM_BYTES = 32 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
const CHUNK = 16 * 1024;

const STREAM = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"
const END = [0x65, 0x6e, 0x64, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "endstream"

function indexOf(bytes: Uint8Array, needle: number[], from: number): number {
  outer: for (let i = bytes.indexOf(needle[0]!, from); i !== -1; i = bytes.indexOf(needle[0]!, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Inflated size of one zlib stream, stopping once it passes `limit`. Corrupt data counts what inflated. */
function inflatedSize(data: Uint8Array, limit: number): number {
  let size = 0;
  const unzlib = new Unzlib((chunk) => {
    size += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && size <= limit; i += CHUNK) unzlib.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    // Not zlib after all, or damaged: pdf.js decides what to make of it.
  }
  return size;
}

export function assertStreamsBounded(bytes: Uint8Array): void {
  let total = 0;
  for (let at = indexOf(bytes, STREAM, 0); at !== -1; at = indexOf(bytes, STREAM, at + STREAM.length)) {
    if (bytes[at - 1] === 0x64) continue; // "endstream"
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue;
    start++;
    if (bytes[start] !== 0x78) continue; // zlib header: a Flate stream
    const end = indexOf(bytes, END, start);
    const size = inflatedSize(bytes.subarray(start, end === -1 ? bytes.length : end), MAX_STREAM_BYTES);
    total += size;
    if (size > MAX_STREAM_BYTES || total > MAX_INFLATED_BYTES) {
      throw new ImportError(`PDF 中的压缩数据解压后超过 ${(size > MAX_STREAM_BYTES ? MAX_STREAM_BYTES : MAX_INFLATED_BYTES) / 1048576} MB，不像是年度报告（可能是恶意构造的文件）`);
    }
    if (end !== -1) at = end;
  }
}
