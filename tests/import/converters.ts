// Reports as PDF-to-text/markdown converters and real publishers lay them out, written from the
// format (docs/format.md) — not copied from published reports: the same document's tables
// printed the ways those tools break them apart.
import { GOV_2021, type ReportDocument, type TableId } from '../../src/core/index.ts';
import { tableRows } from './generate.ts';

export type Converter = (doc: ReportDocument) => string;

const rowsOf = (doc: ReportDocument, id: TableId) => tableRows(doc, id, { layout: 'tab', empty: '/' }).map((r) => r.filter(Boolean));
const isValue = (c: string) => /^(?:\d+(?:\.\d+)?|\/)$/.test(c);
const values = (r: string[]) => r.filter(isValue);
const labels = (r: string[]) => r.filter((c) => !isValue(c));
const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
const mdRule = (n: number) => `|${Array(n).fill('---').join('|')}|`;

function title(doc: ReportDocument): string[] {
  return [`${doc.agency.name}${doc.year}年政府信息公开工作年度报告`, `本报告统计期限自${doc.year}年1月1日起至${doc.year}年12月31日止。`];
}

function prose(doc: ReportDocument, id: string): string {
  return id === 'overview' ? `（一）主动公开\n${doc.prose['overview.proactive']}` : doc.prose[id as 'problems' | 'other'];
}

/** Each section under its heading, the tables drawn by `table`. */
function report(doc: ReportDocument, table: (id: TableId) => string[], headings: (s: (typeof GOV_2021.format.sections)[number]) => string = (s) => s.title): string {
  const out = title(doc);
  for (const s of GOV_2021.format.sections) out.push(headings(s), ...(s.kind === 'table' ? table(s.table!) : [prose(doc, s.id)]));
  return out.join('\n') + '\n';
}

const markdownTable = (doc: ReportDocument, id: TableId) => rowsOf(doc, id).flatMap((r, i) => [md(r), ...(i === 0 ? [mdRule(r.length)] : [])]);

/** Prose sections with their own numbering first, then the tables under headings numbered 一、二、三 again. */
export const proseNumberedFirst: Converter = (doc) => {
  const out = [
    ...title(doc),
    '一、总体情况',
    doc.prose['overview.proactive'],
    '二、工作机制保障',
    '本机关明确专人负责政府信息公开工作。',
    '三、主动公开工作情况',
    '本年通过门户网站主动公开政府信息。',
    '四、依申请公开办理情况',
    '本年依法办理政府信息公开申请。',
  ];
  out.push('一、主动公开政府信息情况', ...markdownTable(doc, 't2'));
  out.push('二、收到和处理政府信息公开申请情况', ...markdownTable(doc, 't3'));
  out.push('三、政府信息公开行政复议、行政诉讼情况', ...markdownTable(doc, 't4'));
  out.push('四、存在的主要问题及改进情况', doc.prose.problems, '五、其他需要报告的事项', doc.prose.other);
  return out.join('\n') + '\n';
};

/** Each row's label on its own line, its numbers in a table fragment below it. */
export const labelAboveNumbers: Converter = (doc) => report(doc, (id) => rowsOf(doc, id).flatMap((r) => (values(r).length ? [labels(r).join(''), md(values(r)), mdRule(values(r).length)] : [md(r)])));

/** Each row's numbers in a table fragment above its label (the converter read the row bottom-up). */
export const numbersAboveLabel: Converter = (doc) => report(doc, (id) => rowsOf(doc, id).flatMap((r) => (values(r).length ? [md(values(r)), mdRule(values(r).length), labels(r).join('')] : [md(r)])));

/** Label fragments scattered over lines ("（三）不\n予公开"), numbers in a fragment after them. */
export const scatteredLabels: Converter = (doc) =>
  report(doc, (id) =>
    rowsOf(doc, id).flatMap((r) => {
      const text = labels(r).join('');
      const pieces = text.length > 3 ? [text.slice(0, 3), text.slice(3, 6), text.slice(6)].filter(Boolean) : [text];
      return values(r).length ? [...pieces, md(values(r))] : pieces;
    }),
  );

/** A markdown table split into pieces, each with the separator line repeated, and a page footer between. */
export const splitTables: Converter = (doc) =>
  report(doc, (id) => {
    const rows = markdownTable(doc, id);
    return rows.flatMap((r, i) => (i > 2 && i % 9 === 0 ? ['', '— 5 —', '', md(['', '']), mdRule(7), r] : [r]));
  });

/** One cell per line with a "|" line or a blank line between cells. */
export const cellPerLineWithBars: Converter = (doc) => report(doc, (id) => rowsOf(doc, id).flatMap((r) => r.flatMap((c, i) => [c, i % 2 ? '|' : ''])));

/** Table 四 as a converter glues its header: words run together, one data row of 15 numbers. */
export const gluedTable4: Converter = (doc) =>
  report(doc, (id) => {
    if (id !== 't4') return markdownTable(doc, id);
    const rows = rowsOf(doc, 't4');
    const header = rows.filter((r) => !values(r).length).map((r) => r.join(''));
    return [header.join('').replace(/结果维持结果纠正其他结果尚未审结/g, '结果结果其他尚未维持纠正结果审结'), md(rows.flatMap(values))];
  });

export const CONVERTERS: [string, Converter][] = [
  ['prose sections numbered first, tables renumbered 一、二、三', proseNumberedFirst],
  ['label above its numbers', labelAboveNumbers],
  ['label fragments scattered over lines', scatteredLabels],
  ['numbers above their label', numbersAboveLabel],
  ['tables split with repeated separators and a footer', splitTables],
  ['cell per line with "|" and blank lines between cells', cellPerLineWithBars],
  ['table 四 with a glued header and one row of 15 numbers', gluedTable4],
];

/** Where the agency is printed when the title leaves it out, each as a text report's opening or end. */
export const AGENCY_PLACES: [string, (doc: ReportDocument) => string][] = [
  ['title wrapped over two lines, year first', (d) => swapTitle(d, [`${d.year} 年${d.agency.name}政府信息公开`, '工作年度报告'])],
  ['preamble "本报告由…编制"', (d) => swapTitle(d, [`${d.year}年政府信息公开工作年度报告`, `本报告由${d.agency.name}根据《中华人民共和国政府信息公开条例》编制。`])],
  ['publication line', (d) => swapTitle(d, [`发布机构：${d.agency.name}    发布日期：${d.year + 1}-01-20`, `${d.year}年政府信息公开工作年度报告`])],
  ['signature above the date', (d) => swapTitle(d, [`${d.year}年政府信息公开工作年度报告`]) + `${d.agency.name}\n${d.year + 1}年1月20日\n`],
];

function swapTitle(doc: ReportDocument, opening: string[]): string {
  const text = report(doc, (id) => markdownTable(doc, id));
  return [...opening, ...text.split('\n').slice(1)].join('\n');
}

/** A web page: the agency only in <title> or the breadcrumb, the heading without it. */
export function pageWithAgencyIn(where: 'title' | 'breadcrumb', doc: ReportDocument, body: string): string {
  const heading = `<h1>${doc.year}年政府信息公开工作年度报告</h1>`;
  const head = where === 'title' ? `<title>${doc.agency.name}${doc.year}年政府信息公开工作年度报告_某某市人民政府门户网站</title>` : '<title>年度报告</title>';
  const crumb = where === 'breadcrumb' ? `<div class="crumb">首页 &gt; 政务公开 &gt; ${doc.agency.name} &gt; 年度报告</div>` : '';
  return `<html><head><meta charset="utf-8">${head}</head><body>${crumb}${heading}${body}</body></html>`;
}
