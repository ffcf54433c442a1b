// Files that are not reports, or are built to hurt: a clear Chinese ImportError (exit 2 in the CLI),
// never a crash, and bounded memory.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { Zip, ZipDeflate, Zlib, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, importReportFile } from '../../src/import/index.ts';
import { published, repoRoot } from './support.ts';

const CHINESE = /[\u4e00-\u9fff]/;

async function importError(name: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await importReportFile(name, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as Error).message).toMatch(CHINESE);
  return error as ImportError;
}

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A .docx whose word/document.xml inflates to `mb` MB of zeros, written without holding it in memory. */
function zipBomb(mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const file = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(file);
  const mbOfZeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mb; i++) file.push(mbOfZeros, i === mb - 1);
  zip.end();
  return Buffer.concat(parts);
}

/** A .docx whose document.xml is `xml` (deflated, so a few MB of markup stays small). */
function docxOf(xml: string): Uint8Array {
  return zipSync({ 'word/document.xml': new TextEncoder().encode(xml) }, { level: 1 });
}

const docxBody = (inner: string) => `<w:document xmlns:w="w"><w:body>${inner}</w:body></w:document>`;

/** A PDF with one Flate stream that inflates to `mb` MB of zeros. */
function pdfBomb(mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zlib = new Zlib({ level: 9 }, (chunk) => void parts.push(chunk));
  const mbOfZeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mb; i++) zlib.push(mbOfZeros, i === mb - 1);
  const data = Buffer.concat(parts);
  const head = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

async function pdfWithoutText(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 3; i++) pdf.addPage().drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return pdf.save();
}

describe('hostile and non-report input', () => {
  it.each(['.txt', '.md', '.html', '.docx', '.pdf'])('random bytes as %s', async (ext) => {
    await importError(`noise${ext}`, noise(64 * 1024));
  });

  it('truncated PDF and DOCX', async () => {
    const pdf = readFileSync(published('hongze-2023.pdf'));
    await importError('cut.pdf', new Uint8Array(pdf.subarray(0, 4096)));
    const docx = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>') });
    await importError('cut.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  });

  it('a 50 MB text is refused for its size', async () => {
    const error = await importError('huge.txt', new Uint8Array(50 * 1024 * 1024).fill(0x30));
    expect(error.message).toContain('文件过大');
  });

  it('a DOCX zip bomb stops at the decompression cap with bounded memory', async () => {
    const bomb = zipBomb(120);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await importError('bomb.docx', bomb);
    expect(error.message).toContain('解压后超过');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('built to exhaust memory, stack or time: spans, nesting, element counts, inflated PDF streams', async () => {
    const rows = '<tr><td rowspan="99999">1</td><td rowspan="99999">2</td></tr>'.repeat(20_000);
    const cases: [string, Uint8Array, RegExp][] = [
      ['spans.html', new TextEncoder().encode(`<table>${rows}</table>`), /表格展开后超过/],
      ['deep.html', new TextEncoder().encode('<div>'.repeat(20_000) + '表' + '</div>'.repeat(20_000)), /嵌套超过/],
      ['bold.html', new TextEncoder().encode('<b>'.repeat(3_000_000)), /嵌套超过/],
      ['deep.docx', docxOf(docxBody('<w:tbl><w:tr><w:tc>'.repeat(7_000) + '</w:tc></w:tr></w:tbl>'.repeat(7_000))), /嵌套超过/],
      ['sdt.docx', docxOf(docxBody('<w:sdt><w:sdtContent>'.repeat(1_000_000))), /嵌套超过/],
      ['paragraphs.docx', docxOf(docxBody('<w:p/>'.repeat(5_500_000))), /元素超过/],
      ['bomb.pdf', pdfBomb(64), /解压后超过 32 MB/],
    ];
    for (const [name, bytes, message] of cases) expect((await importError(name, bytes)).message, name).toMatch(message);
  });

  it('a PDF with no text layer (scan)', async () => {
    const error = await importError('scan.pdf', await pdfWithoutText());
    expect(error.message).toContain('没有文字层');
  });

  it('an HTML page with no tables', async () => {
    const html = '<html><body><h1>某某局</h1><p>欢迎访问本网站。</p><p>一、总体情况</p><p>本年度工作顺利。</p></body></html>';
    const error = await importError('page.html', new TextEncoder().encode(html));
    expect(error.message).toContain('没有找到年度报告的表格');
  });

  it('nianbao check: exit 2, a Chinese message per bad file, and the JSON still lists the readable one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
    const files = {
      noise: path.join(dir, 'noise.pdf'),
      huge: path.join(dir, 'huge.txt'),
      bomb: path.join(dir, 'bomb.docx'),
      page: path.join(dir, 'page.html'),
    };
    writeFileSync(files.noise, noise(10_000));
    writeFileSync(files.huge, Buffer.alloc(50 * 1024 * 1024, 0x30));
    writeFileSync(files.bomb, zipBomb(60));
    writeFileSync(files.page, '<p>没有表格</p>');
    const good = path.join(repoRoot, 'seeds/2023-wuzhong-zwfwzx.txt');
    const run = promisify(execFile)(path.join(repoRoot, 'bin/nianbao.js'), ['check', files.noise, good, files.huge, files.bomb, files.page, '--json'], { cwd: repoRoot });
    const failure = await run.then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect((JSON.parse(failure!.stdout) as { file: string }[]).map((r) => r.file)).toEqual([good]);
    for (const f of Object.values(files)) expect(failure!.stderr).toContain(`无法读取 ${f}：`);
  });

  it('nianbao check --summary: a hostile file gets its row and the rest of the batch is still checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
    const deep = path.join(dir, 'deep.html');
    writeFileSync(deep, '<div>'.repeat(20_000));
    const good = path.join(repoRoot, 'seeds/2023-wuzhong-zwfwzx.txt');
    const summary = path.join(dir, 'summary.csv');
    const run = promisify(execFile)(path.join(repoRoot, 'bin/nianbao.js'), ['check', deep, good, '--summary', summary], { cwd: repoRoot });
    const failure = await run.then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    expect(failure!.stderr).toMatch(/无法读取 .*deep\.html：文件中的标签嵌套超过 256 层/);
    const csv = readFileSync(summary, 'utf8').split('\r\n');
    expect(csv[1]).toContain('deep.html');
    expect(csv[2]).toMatch(/2023-wuzhong-zwfwzx\.txt,.+,2023,\d+/);
  });
});
