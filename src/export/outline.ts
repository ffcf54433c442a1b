// What a finished report contains, in reading order, as blocks every renderer (DOCX, PDF, HTML)
// draws the same way. Built from the document and the template; renderers add only typography.
import { type CellId, cellInfo, formatChineseDate, getTable, getTemplate, preambleText, type ReportDocument, reportTitleLines, sectionProse, type TemplateTable } from '../core/index.ts';

export type Block =
  /** The title, broken where the official layout breaks it (reportTitleLines). */
  | { kind: 'title'; lines: string[] }
  | { kind: 'paragraph'; text: string }
  /** level 1: 一、总体情况 (黑体); level 2: （一）主动公开 (楷体), also sub-headings typed into the prose. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'table'; table: TemplateTable; text: (cellId: CellId) => string }
  /** 署名 and 成文日期, right-aligned at the end. */
  | { kind: 'signature'; signatory: string; date: string | null };

/**
 * The text printed in a cell: 不适用 cells as "/", empty cells as "0" (docs/format.md §3: the
 * product exports "0" unless the user marks the cell 不适用; the checker warns about empty cells
 * before export), numbers as they are.
 */
export function cellDisplayText(doc: ReportDocument, id: CellId): string {
  if (doc.notApplicable.includes(id)) return '/';
  const v = doc.cells[id];
  if (v === null || v === undefined) return '0';
  return cellInfo(id).value === 'money' ? trimMoney(v) : String(v);
}

function trimMoney(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** Prose is stored as plain text; each non-empty line is one paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A line typed into the prose that is a sub-heading, not a paragraph: numbered （一）…（十九）, short
 * (at most 30 characters) and without sentence-ending punctuation, e.g. "（一）存在的主要问题" in 五.
 * "（一）主动公开情况。正文……" stays a paragraph.
 */
const SUBHEADING = /^[（(][一二三四五六七八九十]{1,3}[）)][^。！？；!?;]+$/u;
const SUBHEADING_MAX_CHARS = 30;

export function isSubheading(line: string): boolean {
  return SUBHEADING.test(line) && Array.from(line).length <= SUBHEADING_MAX_CHARS;
}

/** The paragraphs of a prose field, sub-headings among them as level-2 headings (楷体). */
function proseBlocks(text: string): Block[] {
  return paragraphs(text).map((p): Block => (isSubheading(p) ? { kind: 'heading', level: 2, text: p } : { kind: 'paragraph', text: p }));
}

export function reportOutline(doc: ReportDocument): Block[] {
  const template = getTemplate(doc.format);
  const blocks: Block[] = [{ kind: 'title', lines: reportTitleLines(doc) }];
  for (const p of paragraphs(preambleText(doc))) blocks.push({ kind: 'paragraph', text: p });
  for (const section of template.format.sections) {
    blocks.push({ kind: 'heading', level: 1, text: section.title });
    if (section.kind === 'table') {
      const table = getTable(template, section.table!);
      blocks.push({ kind: 'table', table, text: (id) => cellDisplayText(doc, id) });
      continue;
    }
    const [first, ...parts] = sectionProse(section);
    if (parts.length) {
      // 一 prints its intro, then the parts written, numbered over those printed.
      blocks.push(...proseBlocks(doc.prose[first!.key]));
      parts
        .filter(({ key }) => doc.prose[key].trim())
        .forEach(({ key, part }, i) => {
          blocks.push({ kind: 'heading', level: 2, text: `（${'一二三四五六七八九'[i]}）${part!.title}` });
          for (const p of paragraphs(doc.prose[key])) blocks.push({ kind: 'paragraph', text: p });
        });
      continue;
    }
    const body = proseBlocks(doc.prose[first!.key]);
    blocks.push(...(body.length ? body : [{ kind: 'paragraph', text: '无。' } as const]));
  }
  for (const p of paragraphs(doc.closing)) blocks.push({ kind: 'paragraph', text: p });
  if (doc.publication.signatory || doc.publication.date) {
    blocks.push({ kind: 'signature', signatory: doc.publication.signatory, date: doc.publication.date ? formatChineseDate(doc.publication.date) : null });
  }
  return blocks;
}
