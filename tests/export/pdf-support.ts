// Helpers for the PDF tests: real poppler and qpdf runs on a rendered file, and seed documents.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseDocumentJson, type ReportDocument } from '../../src/core/index.ts';

const run = promisify(execFile);

export interface ToolResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function tool(cmd: string, args: string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await run(cmd, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? '', code: err.code ?? 1 };
  }
}

export async function writeTemp(name: string, bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

export async function loadSeed(name: string): Promise<ReportDocument> {
  const parsed = parseDocumentJson(await readFile(new URL(`../../seeds/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.document;
}

/** pdffonts rows: name, type, encoding, emb, sub, uni. */
export function parsePdffonts(out: string): { name: string; emb: string; sub: string; uni: string }[] {
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0]!, emb: emb!, sub: sub!, uni: uni! };
    });
}

/** Index after `needle` in `haystack` from `from`, or -1: for checking that texts appear in order. */
export function inOrder(haystack: string, needles: string[]): { missing: string | null } {
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, at);
    if (i < 0) return { missing: n };
    at = i + n.length;
  }
  return { missing: null };
}

/** Greyscale page images at low resolution, as raw PGM pixels (pdftoppm -gray). */
export async function pageImages(pdfPath: string, dpi: number): Promise<{ width: number; height: number; pixels: Uint8Array }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-ppm-'));
  const result = await tool('pdftoppm', ['-r', String(dpi), '-gray', pdfPath, join(dir, 'p')]);
  if (result.code !== 0 || result.stderr) throw new Error(`pdftoppm: ${result.stderr}`);
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
  return Promise.all(files.map(async (f) => parsePgm(new Uint8Array(await readFile(join(dir, f))))));
}

export function parsePgm(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  // Header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header: string[] = [];
  let pos = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[pos]!))) token += String.fromCharCode(bytes[pos++]!);
    header.push(token);
  }
  pos++;
  if (header[0] !== 'P5') throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(pos, pos + width * height) };
}

export function encodePgm(img: { width: number; height: number; pixels: Uint8Array }): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.pixels.length);
  out.set(head);
  out.set(img.pixels, head.length);
  return out;
}
