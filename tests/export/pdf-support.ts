// Helpers for the PDF tests: real poppler and qpdf runs on a rendered file, and seed documents.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CELL_IDS, cellInfo, createBlankDocument, parseDocumentJson, type ReportDocument, withDerivedTotals } from '../../src/core/index.ts';

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

/**
 * A fixed report for visual regression: independent of the seeds (which may be corrected), with
 * punctuation that exercises 禁则, Latin runs, long table labels and four-digit numbers.
 */
export function sampleDocument(): ReportDocument {
  const doc = createBlankDocument({ agency: '洪泽区人民政府', year: 2023, kind: 'government', now: new Date('2024-01-31T00:00:00Z') });
  doc.contact = { address: '淮安市洪泽区洪泽湖大道90号', postcode: '223100', phone: '0517-87222589', fax: '', email: 'hzzwgk@126.com', website: 'http://www.hongze.gov.cn' };
  doc.prose['overview.intro'] =
    '2023年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》）相关规范要求，不断完善政府信息公开制度，建立健全政府信息公开保障机制，推进政府信息公开工作规范、有序、健康发展。';
  doc.prose['overview.proactive'] =
    '主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。2023年，我区在政府网站平台主动公开政府信息1136条，其中政策解读86条（含图解、视频解读32条）。严格执行“三校三审”制度，做到“谁公开、谁审核，谁发布、谁负责”。';
  doc.prose['overview.onRequest'] = '进一步规范依申请公开流程，畅通依申请公开受理渠道。2023年全区受理政府信息公开申请21件，均在法定期限内答复，答复率100%。';
  doc.prose['overview.management'] = '加强政府网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，执行信息审核发布制度……全年未发生泄密事件。';
  doc.prose.problems = '一是公开内容不够全面，部分领域信息更新不及时；二是政策解读形式较为单一。下一步，我们将加强业务培训，提升公开质量。';
  doc.prose.other = '本年度未收取信息处理费。';
  doc.publication.date = '2024-01-25';
  CELL_IDS.forEach((id, i) => (doc.cells[id] = cellInfo(id).value === 'money' ? 0 : (i * 37) % 1500));
  return withDerivedTotals(doc);
}
