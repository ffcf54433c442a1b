// A .zip of reports for the bulk check: files in order, clutter skipped, names from Chinese
// Windows (GBK without the UTF-8 flag) readable, and a zip bomb stopped at the cap with a Chinese error.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryName, unzipReports, ZipError } from '../../src/app/bulk-check/unzip.ts';
import { MAX_FILE_BYTES } from '../../src/import/check.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('unzipReports', () => {
  it('gives the files in order, skipping folders and macOS metadata, nested zips as problems', () => {
    const zip = zipSync({ 'a/2024.txt': text('一'), '__MACOSX/a/._2024.txt': text('x'), 'a/.DS_Store': text('x'), 'b.zip': zipSync({}), 'c.pdf': text('%PDF') });
    const entries = unzipReports(zip);
    expect(entries.map((e) => e.name)).toEqual(['a/2024.txt', 'b.zip', 'c.pdf']);
    expect(entries[0]).toEqual({ name: 'a/2024.txt', bytes: text('一') });
    expect(entries[1]).toEqual({ name: 'b.zip', problem: '压缩包中的压缩包不会展开，请先解压后再检查' });
  });

  it('stops a file that inflates beyond the size limit (a zip bomb)', () => {
    const bomb = zipSync({ 'bomb.txt': new Uint8Array(MAX_FILE_BYTES + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const [entry] = unzipReports(bomb);
    expect(entry).toEqual({ name: 'bomb.txt', problem: expect.stringContaining('解压后文件过大') });
  });

  it('refuses what is not a zip', () => {
    expect(() => unzipReports(text('not a zip at all'))).toThrow(ZipError);
  });

  it('reads GBK names that fflate decoded as Latin-1', () => {
    const gbk = Uint8Array.from([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    expect(entryName(String.fromCharCode(...gbk) + '.pdf')).toBe('年报.pdf');
    const utf8 = text('年报.pdf');
    expect(entryName(String.fromCharCode(...utf8))).toBe('年报.pdf');
    expect(entryName('年报.pdf')).toBe('年报.pdf');
    expect(entryName('report.pdf')).toBe('report.pdf');
  });
});
