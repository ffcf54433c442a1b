// Published-report variants generated from a document and the template's layout (docs/format.md
// §7): the same cells printed in each layout and spelling the importer must cope with.
import { CELL_IDS, type CellId, cellInfo, createBlankDocument, GOV_2021, type GridCell, type ReportDocument, type TableId } from '../../src/core/index.ts';
import { TRADITIONAL_MAP } from '../../src/import/variants.ts';

/** A document whose cells are all different (so a value in the wrong cell shows), some null. */
export function distinctDocument(nulls: CellId[] = []): ReportDocument {
  const doc = createBlankDocument({ agency: '测试市测试局', year: 2024, now: new Date('2025-01-10T00:00:00Z') });
  CELL_IDS.forEach((id, i) => (doc.cells[id] = cellInfo(id).value === 'money' ? 12.5 : ((i * 37) % 199) + 1));
  for (const id of nulls) doc.cells[id] = null;
  doc.prose['overview.proactive'] = '本年主动公开政府信息一批。';
  doc.prose.problems = '存在的问题是公开深度不够。';
  doc.prose.other = '本年度未收取信息处理费。';
  return doc;
}

export interface Variant {
  layout: 'tab' | 'pipe' | 'markdown' | 'cellPerLine' | 'blankLines' | 'wideSpaces';
  label?: (text: string) => string;
  value?: (text: string) => string;
  /** How a null cell is printed: '' (blank) or '/'. */
  empty?: string;
  /** （六） as the 2019 single row. */
  sixAsOneRow?: boolean;
  /** Table 二 in the 2019 trial format's wording. */
  trial2019?: boolean;
  /** Long labels wrapped over two lines with the values on the first, and a page footer inside table 三. */
  wrapped?: boolean;
}

const TRADITIONAL_OF = new Map([...TRADITIONAL_MAP].map(([t, s]) => [s, t]));
export const traditional = (s: string) => Array.from(s, (ch) => TRADITIONAL_OF.get(ch) ?? ch).join('');
export const spaced = (s: string) => Array.from(s).join(' ');
export const halfWidth = (s: string) =>
  s
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^(\d)\./, '$1. ');
export const fullWidthDigits = (s: string) => s.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
export const TYPOS: [string, string][] = [
  ['商业企业', '商业机构'],
  ['本年新收', '本年接收'],
  ['不再处理', '不在处理'],
  ['只计这一情形', '只计这一情况'],
  ['三类内部事务', '三类内容事务'],
  ['其他法律行政法规禁止公开', '其他法律行政止公开'],
];
export const withTypos = (s: string) => TYPOS.reduce((t, [right, wrong]) => t.replaceAll(right, wrong), s);

const TRIAL_2019: [string, string][] = [
  ['本年制发件数', '本年新制作数量'],
  ['本年废止件数', '本年新公开数量'],
  ['现行有效件数', '对外公开总数量'],
  ['行政规范性文件', '规范性文件'],
];

/** The table as rows of printed cell texts: rowspanned labels only on their first row, as published text shows them. */
export function tableRows(doc: ReportDocument, id: TableId, v: Variant): string[][] {
  const table = GOV_2021.tables.find((t) => t.id === id)!;
  const label = v.label ?? ((s: string) => s);
  const value = (cellId: CellId) => {
    const x = doc.cells[cellId];
    return x === null || x === undefined ? (v.empty ?? '') : (v.value ?? String)(String(x));
  };
  const text = (c: GridCell) => {
    if ('cell' in c) return value(c.cell);
    let t = c.text;
    if (v.trial2019) for (const [now, then] of TRIAL_2019) t = t.replace(now, then);
    return label(t);
  };
  let rows = [...table.layout.header, ...table.layout.body].map((r) => r.flatMap((c) => [text(c), ...Array.from({ length: (c.colSpan ?? 1) - 1 }, () => '')]));
  if (v.sixAsOneRow && id === 't3') {
    const first = rows.findIndex((r) => r.some((c) => c.includes(label('1.申请人无正当理由'))));
    const one = [label('（六）其他处理'), '', ...table.columns.map(() => '0')];
    rows = [...rows.slice(0, first), one, ...rows.slice(first + 3)];
  }
  return rows;
}

function wrap(rows: string[][]): string[] {
  const out: string[] = [];
  rows.forEach((r, i) => {
    const long = r.findIndex((c) => c.length > 14 && !/^\d/.test(c));
    const values = r.filter((c) => /^[\d/]/.test(c));
    if (long >= 0 && values.length >= 7) {
      const cell = r[long]!;
      out.push([cell.slice(0, 10), ...values].join('    '));
      out.push(cell.slice(10));
    } else out.push(r.filter(Boolean).join('    '));
    if (i === 12) out.push('-3-');
  });
  return out;
}

function printTable(rows: string[][], v: Variant): string {
  switch (v.layout) {
    case 'tab':
      return rows.map((r) => r.join('\t')).join('\n');
    case 'pipe':
      return rows.map((r) => `${r.join(' | ')} |`).join('\n');
    case 'markdown':
      return rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n');
    case 'cellPerLine':
      return rows.flatMap((r) => r.filter(Boolean)).join('\n');
    case 'blankLines':
      return rows.flatMap((r) => r.filter(Boolean)).join('\n\n');
    case 'wideSpaces':
      return v.wrapped ? wrap(rows).join('\n') : rows.map((r) => r.filter(Boolean).join('    ')).join('\n');
  }
}

/** The whole report as published text in the variant's layout and spelling. */
export function publishedText(doc: ReportDocument, v: Variant): string {
  const label = v.label ?? ((s: string) => s);
  const out = [`${doc.agency.name}`, `${doc.year}年政府信息公开工作年度报告`, `本报告统计期限自${doc.year}年1月1日起至${doc.year}年12月31日止。`];
  for (const s of GOV_2021.format.sections) {
    out.push(label(s.title));
    if (s.kind === 'table') out.push(printTable(tableRows(doc, s.table!, v), v));
    else if (s.id === 'overview') out.push('（一）主动公开', doc.prose['overview.proactive']);
    else out.push(doc.prose[s.id as 'problems' | 'other']);
  }
  return out.join('\n') + '\n';
}

/** Table grid as HTML with the layout's rowspan/colspan (a web page's table). */
export function publishedHtml(doc: ReportDocument): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = [`<html><head><meta charset="utf-8"><title>年报</title></head><body><h1>${esc(doc.agency.name)}${doc.year}年政府信息公开工作年度报告</h1>`];
  for (const s of GOV_2021.format.sections) {
    parts.push(`<h2>${esc(s.title)}</h2>`);
    if (s.kind !== 'table') {
      parts.push(`<p>${esc(s.id === 'overview' ? doc.prose['overview.proactive'] : doc.prose[s.id as 'problems' | 'other'])}</p>`);
      continue;
    }
    const table = GOV_2021.tables.find((t) => t.id === s.table)!;
    const cell = (c: GridCell) => {
      const span = `${c.colSpan ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}`;
      const x = 'cell' in c ? doc.cells[c.cell] : null;
      return `<td${span}>${'cell' in c ? (x === null || x === undefined ? '/' : x) : esc(c.text)}</td>`;
    };
    parts.push(`<table border="1">${[...table.layout.header, ...table.layout.body].map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</table>`);
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
