// This year's report started from last year's: the clerk's usual starting point. Carries
// 上年结转 over from last year's 结转下年度继续办理 column by column and copies the prose as a
// draft to be rewritten; both are marked in `origin` so the form can show where they came from.
import { type CellId, cellId, cellInfo } from './cells.ts';
import { createBlankDocument, PROSE_KEYS, type ReportDocument } from './document.ts';
import { GOV_2021, type Template } from './template.ts';
import { withDerivedTotals } from './totals.ts';

export function nextYearDocument(previous: ReportDocument, now: Date = new Date()): ReportDocument {
  const doc = createBlankDocument({ agency: previous.agency.name, year: previous.year + 1, kind: previous.agency.kind, now });
  doc.agency = { ...previous.agency };
  doc.contact = { ...previous.contact };
  doc.preamble = previous.preamble === null ? null : rollYears(previous.preamble, previous.year);
  doc.closing = previous.closing;
  doc.publication = { signatory: previous.publication.signatory, date: null };
  for (const key of PROSE_KEYS) {
    if (!previous.prose[key].trim()) continue;
    doc.prose[key] = previous.prose[key];
    doc.origin.prose[key] = 'lastYear';
  }
  const last = withDerivedTotals(previous).cells;
  for (const { here, there } of carryOverPairs()) {
    if (cellInfo(here).computed) continue;
    const carried = last[there];
    if (carried === null || carried === undefined) continue;
    doc.cells[here] = carried;
    doc.origin.cells[here] = 'carriedOver';
  }
  return doc;
}

/** Each cell this year's report carries over (`here`, 上年结转) and last year's cell it comes from (`there`). */
export function carryOverPairs(template: Template = GOV_2021): { here: CellId; there: CellId }[] {
  return template.tables.flatMap((table) => {
    const pair = table.carryOver;
    if (!pair) return [];
    return table.columns.map((c) => ({ here: cellId(table.id, pair.into, c.id), there: cellId(table.id, pair.from, c.id) }));
  });
}

/**
 * A custom preamble names the report's year and statistical period ("统计数据从 2022 年 1 月 1 日…");
 * carried into next year's report it must name next year. Years inside longer numbers (phone
 * numbers, document numbers like 〔2021〕30号 of other years) are left alone.
 */
function rollYears(text: string, year: number): string {
  return text.replace(new RegExp(`(?<!\\d)${year}(?=\\s*年)`, 'g'), String(year + 1));
}

/** Whether two agency names are the same agency as printed (spaces aside). */
export function sameAgencyName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
  return norm(a) === norm(b);
}

/**
 * A report started from another agency's file, made this agency's: the numbers' carry-over and the
 * marked prose stay, but the cover, the signature, the contact details and the agency's name in the
 * preamble and closing are this agency's — never the file's.
 */
export function forAgency(doc: ReportDocument, agency: { name: string; kind: ReportDocument['agency']['kind'] }): ReportDocument {
  const from = doc.agency.name;
  if (sameAgencyName(from, agency.name)) return { ...doc, agency: { ...doc.agency, name: agency.name, kind: agency.kind } };
  const rename = (text: string) => (from.trim() ? text.replaceAll(from, agency.name) : text);
  return {
    ...doc,
    agency: { name: agency.name, kind: agency.kind, level: null, parent: null },
    contact: { address: '', postcode: '', phone: '', fax: '', email: '', website: '' },
    preamble: doc.preamble === null ? null : rename(doc.preamble),
    closing: rename(doc.closing),
    publication: { signatory: agency.name, date: null },
  };
}
