// The report's agency and year, from wherever the publisher printed them: the title (agency before
// or after the year, wrapped over lines), a web page's <title> or breadcrumb, the preamble
// ("本报告由…编制"), a publication line ("发布机构：…"), or the signature above the date at the end.
import { compact } from './normalize.ts';

/** What a Chinese agency's name ends with. */
const AGENCY_END = /(?:人民政府|政府|办公厅|办公室|委员会|管委会|办事处|局|厅|委|办|中心|院|所|站|队|处|会|部|署|馆|社|庭|集团|公司)$/;
const REPORT = '政府信息公开(?:工作)?年度报告';
const AGENCY_FIRST = new RegExp(`^(.*?)(\\d{4})年度?${REPORT}$`);
const YEAR_FIRST = new RegExp(`^(\\d{4})年度?(.+?)${REPORT}$`);
/** A report title inside a longer line (a page's <title> "…年度报告_某某网", a breadcrumb). */
const TITLE_INSIDE = new RegExp(`([^_>|｜\\-—:：]*?)(\\d{4})年度?${REPORT}`);
const SEPARATORS = /[_>|｜\-—»/]+/;

export const isAgency = (s: string | null | undefined): s is string => !!s && s.length >= 3 && s.length <= 40 && AGENCY_END.test(s);

/** The agency and year printed in the report's title (compacted, ending in 年度报告). */
export function titleIdentity(title: string): { agency: string | null; year: number | null } {
  const a = title.match(AGENCY_FIRST);
  if (a) return { agency: a[1] || null, year: Number(a[2]) };
  const y = title.match(YEAR_FIRST);
  if (y) return { agency: y[2] || null, year: Number(y[1]) };
  return { agency: null, year: null };
}

/**
 * The agency from the text around the title when the title does not name it: `top` are the lines
 * before the preamble (page title, breadcrumb, publication line), `preamble` its text, `ending` the
 * report's last lines (signature and date).
 */
export function agencyAround(top: string[], preamble: string, ending: string[]): string | null {
  for (const line of top.map(compact)) {
    const m = line.match(TITLE_INSIDE);
    if (isAgency(m?.[1])) return m[1];
  }
  const made = compact(preamble).match(/本报告由(.{3,40}?)(?:根据|按照|依据|依照|编制|制作|发布)/);
  if (isAgency(made?.[1])) return made[1];
  for (const line of top.map(compact)) {
    const published = line.match(/(?:发布机构|发文机关|发布单位|信息来源|来源)[:：]([^:：]{3,40}?)(?:发布|发文|成文|日期|时间|浏览|字号|$)/);
    if (isAgency(published?.[1])) return published[1];
  }
  for (const line of top) {
    const crumbs = line.split(SEPARATORS).map(compact).filter(isAgency);
    if (crumbs.length) return crumbs[crumbs.length - 1]!;
  }
  // The signature: the last agency-like line above the closing date (or before it on the same line).
  const tail = ending.map(compact).filter(Boolean);
  const date = tail.findLastIndex((l) => /\d{4}年\d{1,2}月\d{1,2}日$/.test(l));
  if (date >= 0) {
    const sameLine = tail[date]!.replace(/\d{4}年\d{1,2}月\d{1,2}日$/, '');
    if (isAgency(sameLine)) return sameLine;
    if (isAgency(tail[date - 1])) return tail[date - 1]!;
  }
  return null;
}
