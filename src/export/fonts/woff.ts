// WOFF 1.0 → plain TrueType: the open Kai face (LXGW WenKai) comes from the npm registry only as a
// WOFF file. Unpacked once where the shipped fonts are read, so subsetting, PDF embedding and the
// browser's GB2312 subsets all see an ordinary sfnt.
import { unzlibSync } from 'fflate';
import { writeSfnt } from './subset.ts';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 44 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) === WOFF_SIGNATURE;
}

/** The font as TrueType/OpenType; bytes that are not WOFF are returned as they are. */
export function sfntFromWoff(bytes: Uint8Array): Uint8Array {
  if (!isWoff(bytes)) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(12);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const rec = 44 + i * 20;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    const offset = view.getUint32(rec + 4);
    const compLength = view.getUint32(rec + 8);
    const origLength = view.getUint32(rec + 12);
    const data = bytes.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? unzlibSync(data) : data.slice());
  }
  return writeSfnt(tables);
}
