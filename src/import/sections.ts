// Finding the report's parts in the lines: title (agency, year), preamble, the six section headings,
// the five parts of 一、总体情况, contact details and the date of issue.
import { GOV_2021, type ProseKey, type ReportDocument } from '../core/index.ts';
import { agencyAround, isAgency, titleIdentity } from './identity.ts';
import { lineText, type TextLine } from './layout.ts';
import { compact } from './normalize.ts';
import { OVERVIEW_PART_KEYWORDS, PAGE_FOOTER, SECTION_KEYWORDS, SECTION_TITLES_RENUMBERED } from './variants.ts';

export interface Sections {
  /** Line index of each section heading found, by section id (overview, proactive, requests, appeals, problems, other). */
  headings: Map<string, number>;
  titleEnd: number;
  agency: string | null;
  year: number | null;
}

const headingText = (line: TextLine) => compact(lineText(line)).replace(/^[#*]+|[*]+$/g, '');

/** A line that is a section heading: its numeral, "、", a short title containing the section's keyword. */
function isHeading(line: TextLine, number: string, keyword: RegExp): boolean {
  const t = headingText(line);
  return t.length <= 32 && t.startsWith(`${number}、`) && keyword.test(t);
}

export function findSections(lines: TextLine[]): Sections {
  const headings = new Map<string, number>();
  let from = 0;
  for (const section of GOV_2021.format.sections) {
    const keyword = SECTION_KEYWORDS[section.id]!;
    for (let i = from; i < lines.length; i++) {
      if (isHeading(lines[i]!, section.number, keyword)) {
        headings.set(section.id, i);
        from = i + 1;
        break;
      }
    }
  }
  if (!GOV_2021.format.sections.every((s) => s.kind !== 'table' || headings.has(s.id))) renumbered(lines, headings);
  const first = Math.min(...headings.values(), lines.length);
  const { titleStart, titleEnd, title } = findTitle(lines, first);
  let { agency, year } = titleIdentity(title);
  if (year === null) {
    const text = compact(
      lines
        .slice(0, first + 20)
        .map(lineText)
        .join(''),
    );
    const period = text.match(/(\d{4})年1月1日/) ?? text.match(/(\d{4})年度?政府信息公开/);
    if (period) year = Number(period[1]);
  }
  agency ??= agencyAround(lines.slice(0, titleEnd || titleStart).map(lineText), paragraphs(lines.slice(titleEnd, first)).join(''), lines.slice(-8).map(lineText));
  return { headings, titleEnd, agency, year };
}

const TITLE_LINES = 3;

const FULL_TITLE = /政府信息公开(?:工作)?年度报告$/;

/**
 * The title among the first lines before the first heading — a web page may put its own title, a
 * breadcrumb or a publication line above it: line by line, the first that ends a title in
 * 政府信息公开工作年度报告, with the one or two lines before it when together they name the agency
 * (a wrapped title, or the agency on a line of its own). Failing that, the first lines up to one
 * ending in 年度报告. titleEnd also skips a title printed twice (a page's <title> and its heading).
 */
function findTitle(lines: TextLine[], first: number): { titleStart: number; titleEnd: number; title: string } {
  const limit = Math.min(first, 8);
  const text = (i: number) => headingText(lines[i]!);
  const found = (start: number, last: number, title: string) => {
    let end = last + 1;
    while (end < first && /年度报告$/.test(text(end)) && text(end).length <= 60) end++;
    return { titleStart: start, titleEnd: end, title };
  };
  for (let last = 0; last < limit; last++) {
    let fallback: ReturnType<typeof found> | null = null;
    for (let start = last; start >= Math.max(0, last - TITLE_LINES + 1); start--) {
      const parts = Array.from({ length: last - start + 1 }, (_, k) => text(start + k));
      const title = parts.join('');
      // A wrapped title's first lines do not end in 年度报告 themselves.
      if (!FULL_TITLE.test(title) || parts.slice(0, -1).some((p) => p.includes('年度报告'))) continue;
      const { agency } = titleIdentity(title);
      if (start === last ? agency : isAgency(agency)) return found(start, last, title);
      fallback ??= found(start, last, title);
    }
    if (fallback) return fallback;
  }
  let title = '';
  for (let i = 0; i < limit; i++) {
    title += text(i);
    if (/年度报告$/.test(title)) return found(0, i, title);
  }
  return { titleStart: 0, titleEnd: 0, title: '' };
}

const NUMERAL = /^[一二三四五六七八九十]{1,2}、/;

/**
 * Headings numbered differently from the template (prose sections with their own numbering first,
 * then the tables under 一、二、三 again): found by their full wording, in order, after 一、总体情况.
 * Replaces what the template's numbering found, which was then only part of the sections.
 */
function renumbered(lines: TextLine[], headings: Map<string, number>) {
  const found = new Map<string, number>();
  let from = (headings.get('overview') ?? -1) + 1;
  for (const [id, title] of Object.entries(SECTION_TITLES_RENUMBERED)) {
    for (let i = from; i < lines.length; i++) {
      const t = headingText(lines[i]!);
      if (t.length <= 32 && NUMERAL.test(t) && title.test(t)) {
        found.set(id, i);
        from = i + 1;
        break;
      }
    }
  }
  if (![...found.keys()].some((id) => !headings.has(id))) return;
  for (const id of Object.keys(SECTION_TITLES_RENUMBERED)) headings.delete(id);
  for (const [id, i] of found) headings.set(id, i);
}

/** Lines → paragraphs: PDF lines that continue a paragraph are joined; footers dropped; markdown emphasis removed. */
export function paragraphs(lines: TextLine[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const text = lineText(line)
      .replace(/\*\*/g, '')
      .replace(/^#+\s*/, '')
      .trim();
    if (!text || PAGE_FOOTER.test(text)) continue;
    if (line.continues && out.length) out[out.length - 1] += text;
    else out.push(text.replace(/^[-•]\s+/, ''));
  }
  return out;
}

const PART_START = /^[(（]([一二三四五六七八九])[)）]/;

/** 一、总体情况 split into the template's parts by their headings' keywords (numbering varies between reports). */
export function overviewProse(paras: string[]): Partial<Record<ProseKey, string>> {
  const parts: Record<string, string[]> = { intro: [] };
  let current = 'intro';
  for (const p of paras) {
    const start = p.match(PART_START);
    if (start) {
      const head = p.slice(0, 24);
      const part = Object.entries(OVERVIEW_PART_KEYWORDS).find(([, re]) => re.test(head))?.[0];
      if (part) {
        current = part;
        parts[part] ??= [];
        // "（一）主动公开情况。正文…": keep the text after the heading phrase; a heading alone is dropped.
        const heading = p.match(/^[(（][一二三四五六七八九][)）][^。：:]{0,20}[。：:]/);
        if (heading && heading[0].length < p.length) parts[part].push(p.slice(heading[0].length).trim());
        else if (!heading && p.length > 24) parts[part].push(p);
        continue;
      }
    }
    (parts[current] ??= []).push(p);
  }
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [`overview.${k}`, v.join('\n')]));
}

/** Contact details from the preamble's usual "地址：…；邮编：…；电话：…" sentence. */
export function contactFrom(text: string): ReportDocument['contact'] {
  const field = (re: RegExp) => text.match(re)?.[1]?.trim() ?? '';
  return {
    address: field(/地址[:：]\s*([^；;，,）)]+)/),
    postcode: field(/邮编[:：]\s*(\d{6})/),
    phone: field(/(?:联系)?电话(?:及传真)?[:：]\s*([\d\-－ ]{5,20}\d)/),
    fax: field(/传真[:：]\s*([\d\-－ ]{5,20}\d)/),
    email: field(/(?:电子)?邮箱[:：]\s*([\w.-]+@[\w.-]+\w)/),
    website: field(/((?:https?:\/\/|www\.)[\w.\-/]+\w\/?)/),
  };
}

/** The date of issue printed at the end ("2024年1月20日"), as an ISO date. */
export function issueDate(paras: string[]): string | null {
  for (const p of paras.slice(-3).reverse()) {
    const m = compact(p).match(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/);
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  return null;
}
