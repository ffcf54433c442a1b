// `renderPdf`: a finished report as PDF, drawn from reportOutline(doc) with the template's page
// style (GB/T 9704: A4, 37/35/28/26 mm margins, 28.95 pt line pitch, 三号 body, "— N —" page
// numbers). Runs the same in Node and in a Web Worker: the caller passes the font bytes.
import { PDFDocument } from '@cantoo/pdf-lib';
import { type FontRoleName, getTemplate, type PageStyle, type ReportDocument } from '../../core/index.ts';
import type { FontFiles } from '../fonts/faces.ts';
import { createFont } from '../fonts/plain-layout.ts';
import { reportMetadata } from '../metadata.ts';
import { type Block, reportOutline } from '../outline.ts';
import { charAdvancePt, PT_PER_MM } from '../page-grid.ts';
import { signatureIndents } from '../signature.ts';
import { layoutCells, layoutTable, type TableLayout } from '../table-layout.ts';
import { breakLines, type Line } from '../text/line-break.ts';
import { Composer } from './composer.ts';
import { FontBook } from './font-book.ts';
import { ExportProblem } from './problem.ts';
import { drawTable, type SetTable, setTable, tableStartHeight } from './table.ts';

export type { FontFiles } from '../fonts/faces.ts';
export { FontFileError } from './font-book.ts';
export { ExportProblem } from './problem.ts';

export interface PdfOptions {
  fonts: FontFiles;
  /** Called after each block of the report is laid out: done of total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Creation and modification date in the metadata (default: now). */
  now?: Date;
}

/** Characters that no available font can draw; the message lists them in Chinese. */
export class MissingGlyphsError extends ExportProblem {
  constructor(readonly missing: MissingGlyph[]) {
    super(
      `以下字符在所有可用字体中都没有字形，导出的 PDF 会缺字：${missing.map((m) => `“${m.char}”（${m.context}）`).join('、')}。` + '请为相应的字体角色提供包含这些字符的字体文件，或改用通用规范汉字。',
    );
  }
}

export interface MissingGlyph {
  char: string;
  /** Where it first occurs: a few characters around it. */
  context: string;
}

/** A table block's layout, made once: the glyph check reads its cells, the composer sets it. */
const tableLayouts = new WeakMap<Block, TableLayout>();
function tableLayoutOf(block: Extract<Block, { kind: 'table' }>, style: PageStyle): TableLayout {
  let layout = tableLayouts.get(block);
  if (!layout) tableLayouts.set(block, (layout = layoutTable(block.table, style, block.text)));
  return layout;
}

/** The text each font role prints, for the glyph check. */
function textsByRole(blocks: Block[], style: PageStyle): [FontRoleName, string][] {
  const out: [FontRoleName, string][] = [['pageNumber', style.pageNumber.pattern + '0123456789']];
  for (const b of blocks) {
    if (b.kind === 'title') out.push(...b.lines.map((l) => ['title', l] as [FontRoleName, string]));
    else if (b.kind === 'paragraph') out.push(['body', b.text]);
    else if (b.kind === 'heading') out.push([b.level === 1 ? 'heading1' : 'heading2', b.text]);
    else if (b.kind === 'signature') out.push(['body', b.signatory], ['body', b.date ?? '']);
    else out.push(...layoutCells(tableLayoutOf(b, style)).map((cell): [FontRoleName, string] => ['table', cell.text]));
  }
  return out;
}

function findMissing(book: FontBook, blocks: Block[], style: PageStyle): MissingGlyph[] {
  const found = new Map<string, MissingGlyph>();
  for (const [role, text] of textsByRole(blocks, style)) {
    for (const ch of book.missing(role, text)) {
      if (found.has(ch)) continue;
      const at = text.indexOf(ch);
      found.set(ch, { char: ch, context: text.slice(Math.max(0, at - 6), at + ch.length + 6) });
    }
  }
  return [...found.values()];
}

/** The characters of the report no font can draw (empty when the export will be complete). */
export function findMissingGlyphs(doc: ReportDocument, fonts: FontFiles): MissingGlyph[] {
  const style = getTemplate(doc.format).pageStyle;
  return findMissing(new FontBook(fonts, style), reportOutline(doc), style);
}

export async function renderPdf(doc: ReportDocument, options: PdfOptions): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const style = getTemplate(doc.format).pageStyle;
  const book = new FontBook(options.fonts, style);
  const blocks = reportOutline(doc);
  const missing = findMissing(book, blocks, style);
  if (missing.length) throw new MissingGlyphsError(missing);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit({ create: createFont } as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const now = options.now ?? new Date();
  const meta = reportMetadata(doc);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords(meta.keywords);
  pdf.setLanguage('zh-CN');
  pdf.setCreator('Nianbao 年报');
  pdf.setProducer('Nianbao 年报 (pdf-lib, fontkit)');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);

  const c = new Composer(pdf, book, style);
  for (const [i, block] of blocks.entries()) {
    signal?.throwIfAborted();
    await drawBlock(c, block, blocks, i);
    onProgress?.(i + 1, blocks.length);
  }
  await drawPageNumbers(c);
  signal?.throwIfAborted();
  // Written in one go: pdf-lib otherwise yields to a timer every 50 objects, which only costs time
  // here (the browser and the server render in a worker).
  return pdf.save({ objectsPerTick: Infinity });
}

/**
 * The room block i needs at the bottom of a page before it may start there: a paragraph the lines
 * it places first (two, or all of a paragraph of up to three lines, which widow control keeps
 * together), a heading also its successor's start, a one-line paragraph also the signature after
 * it, a table its header and first row. Keeps headings and the signature from standing alone.
 */
function startHeight(c: Composer, blocks: Block[], i: number): number {
  const block = blocks[i];
  const next = blocks[i + 1];
  if (!block) return 0;
  switch (block.kind) {
    case 'heading':
      return c.geo.pitch + startHeight(c, blocks, i + 1);
    case 'paragraph': {
      const lines = paragraphLines(c, 'body', block.text).length;
      return c.geo.pitch * (lines <= 3 ? lines : 2) + (next?.kind === 'signature' && lines === 1 ? signatureHeight(c, next) : 0);
    }
    case 'table':
      return tableStartHeight(tableOf(c, block));
    case 'signature':
      return signatureHeight(c, block);
    case 'title':
      return c.geo.pitch;
  }
}

async function drawBlock(c: Composer, block: Block, blocks: Block[], i: number): Promise<void> {
  const { geo, style } = c;
  const next = blocks[i + 1];
  switch (block.kind) {
    case 'title': {
      const size = style.roles.title.sizePt;
      for (const text of block.lines) {
        for (const line of breakLines(text, { width: geo.textWidth, measure: (t) => c.measure('title', t, size), justify: false })) {
          c.ensure(geo.pitch);
          await c.drawLine(c.page, 'title', size, line, (geo.textWidth - line.naturalWidth) / 2, c.baseline(c.y, geo.pitch, size));
          c.y += geo.pitch;
        }
      }
      c.y += geo.pitch; // 标题下空一行
      return;
    }
    case 'paragraph':
      // The signature never stands alone on a page: the paragraph's last line goes with it.
      return flowText(c, 'body', block.text, next?.kind === 'signature' ? signatureHeight(c, next) : 0);
    case 'heading': {
      const role = block.level === 1 ? 'heading1' : 'heading2';
      return flowText(c, role, block.text, startHeight(c, blocks, i + 1));
    }
    case 'table':
      await drawTable(c, tableOf(c, block));
      c.snapToGrid();
      return;
    case 'signature':
      return drawSignature(c, block.signatory, block.date);
  }
}

/**
 * Most space justification adds between two characters, in ems: a line short by about three
 * characters (a long URL or number carried over) stays short rather than spread letter by letter,
 * which reads badly and extracts from the PDF with a space between every character.
 */
export const MAX_STRETCH_EM = 0.12;

/**
 * What a render laid out, by composer: startHeight looks at the block after the one being drawn,
 * which is then drawn with the same lines or table (each was laid out twice).
 */
const laidOut = new WeakMap<Composer, { paragraphs: Map<string, Line[]>; tables: Map<Block, SetTable> }>();
function layoutsOf(c: Composer) {
  let known = laidOut.get(c);
  if (!known) laidOut.set(c, (known = { paragraphs: new Map(), tables: new Map() }));
  return known;
}

function tableOf(c: Composer, block: Extract<Block, { kind: 'table' }>): SetTable {
  const { tables } = layoutsOf(c);
  let table = tables.get(block);
  if (!table) tables.set(block, (table = setTable(c, tableLayoutOf(block, c.style))));
  return table;
}

/**
 * A paragraph on the line grid: first-line indent, justified, broken with 禁则, commas and stops
 * hanging as in Word, punctuation squeezed to fit. The spacing after a line's last character lies
 * outside the text block, so the last glyph ends flush with its edge.
 */
function paragraphLines(c: Composer, role: FontRoleName, text: string): Line[] {
  const { paragraphs } = layoutsOf(c);
  const key = `${role}\n${text}`;
  let lines = paragraphs.get(key);
  if (!lines) paragraphs.set(key, (lines = breakParagraph(c, role, text)));
  return lines;
}

function breakParagraph(c: Composer, role: FontRoleName, text: string): Line[] {
  const spec = c.style.roles[role];
  return breakLines(text, {
    width: c.geo.textWidth + c.tracking(role),
    hang: true,
    squeeze: true,
    maxStretch: MAX_STRETCH_EM * spec.sizePt,
    firstLineIndent: (spec.firstLineIndentChars ?? 0) * charAdvancePt(c.style, role),
    measure: (t) => c.measure(role, t, spec.sizePt),
  });
}

async function flowText(c: Composer, role: FontRoleName, text: string, keepWithNext: number): Promise<void> {
  const { geo } = c;
  const size = c.style.roles[role].sizePt;
  const lines = paragraphLines(c, role, text);
  for (const [i, line] of lines.entries()) {
    c.ensure(geo.pitch + (i === lines.length - 1 ? keepWithNext : 0));
    // Widow and orphan control: no paragraph leaves its first line alone at the foot of a page or
    // its last line alone at the head of the next.
    const room = Math.floor((geo.textHeight - c.y) / geo.pitch + 0.01);
    const rest = lines.length - i;
    const orphan = i === 0 && rest > 1 && (room === 1 || (room === 2 && rest === 3));
    const widow = i >= 2 && room === 1 && rest === 2;
    if (c.y > 0 && (orphan || widow)) c.newPage();
    await c.drawLine(c.page, role, size, line, 0, c.baseline(c.y, geo.pitch, size));
    c.y += geo.pitch;
  }
}

function signatureHeight(c: Composer, block: Extract<Block, { kind: 'signature' }>): number {
  return c.geo.pitch * (1 + (block.signatory ? 1 : 0) + (block.date ? 1 : 0));
}

/** After one empty line, 署名 and 成文日期 where ../signature.ts places them, measured in the PDF's fonts. */
async function drawSignature(c: Composer, signatory: string, date: string | null): Promise<void> {
  const { geo } = c;
  const size = c.style.roles.body.sizePt;
  const measure = (t: string) => c.measure('body', t, size);
  const lineOf = (t: string) => breakLines(t, { width: geo.textWidth, measure, justify: false });
  const sig = signatory ? lineOf(signatory) : [];
  const dat = date ? lineOf(date) : [];
  const width = (lines: Line[]) => Math.max(0, ...lines.map((l) => l.naturalWidth));
  const indents = signatureIndents(signatory, date, (t) => width(lineOf(t)), charAdvancePt(c.style, 'body'));
  c.ensure(geo.pitch * (1 + sig.length + dat.length));
  if (c.y > 0) c.y += geo.pitch;
  for (const [lines, right] of [
    [sig, indents.signatory],
    [dat, indents.date],
  ] as const) {
    for (const line of lines) {
      await c.drawLine(c.page, 'body', size, line, Math.max(0, geo.textWidth - right - width(lines)), c.baseline(c.y, geo.pitch, size));
      c.y += geo.pitch;
    }
  }
}

/** "— N —", 7 mm below the text block: odd pages right, even pages left, one character in. */
async function drawPageNumbers(c: Composer): Promise<void> {
  const { geo, style } = c;
  const spec = style.pageNumber;
  const size = style.roles.pageNumber.sizePt;
  const boxTop = geo.textHeight + spec.offsetBelowTextMm * PT_PER_MM;
  for (const [i, page] of c.pages.entries()) {
    const n = i + 1;
    const [line] = breakLines(spec.pattern.replace('{n}', String(n)), { width: geo.textWidth, measure: (t) => c.measure('pageNumber', t, size), justify: false });
    const inset = spec.indentChars * size;
    const x = n % 2 === 1 ? geo.textWidth - inset - line!.naturalWidth : inset;
    await c.drawLine(page, 'pageNumber', size, line!, x, c.baseline(boxTop, size, size));
  }
}
