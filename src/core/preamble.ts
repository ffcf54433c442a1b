// The report's title and standard preamble, from the template's sentence patterns.
import type { ReportDocument } from './document.ts';
import { getTemplate } from './template.ts';

type TitleFields = Pick<ReportDocument, 'agency' | 'year' | 'format'>;

const fillTitle = (pattern: string, doc: TitleFields) => pattern.replace('{agency}', doc.agency.name).replace('{year}', String(doc.year));

export function reportTitle(doc: TitleFields): string {
  return fillTitle(getTemplate(doc.format).format.titlePattern, doc);
}

/** The title broken where the official layout breaks it: the agency, then the rest ("2024年政府信息公开工作年度报告"). */
export function reportTitleLines(doc: TitleFields): string[] {
  const pattern = getTemplate(doc.format).format.titlePattern;
  const lead = '{agency}';
  if (!doc.agency.name || !pattern.startsWith(lead)) return [fillTitle(pattern, doc)];
  return [doc.agency.name, fillTitle(pattern.slice(lead.length), doc)];
}

/** The title with the format it follows, for a file's properties. */
export function reportSubject(doc: TitleFields): string {
  return `${reportTitle(doc)}（${getTemplate(doc.format).format.issuedBy}格式）`;
}

/** The preamble as printed: the document's own text, or the standard sentences filled in. */
export function preambleText(doc: ReportDocument): string {
  if (doc.preamble !== null) return doc.preamble;
  const { preamble } = getTemplate(doc.format).format;
  const contact = preamble.contactParts
    .map((p) => ({ label: p.label, value: doc.contact[p.field as keyof ReportDocument['contact']] }))
    .filter((p) => p.value)
    .map((p) => `${p.label}：${p.value}`)
    .join('；');
  return preamble.sentences
    .filter((s) => (s.includes('{website}') ? doc.contact.website : true) && (s.includes('{contact}') ? contact : true))
    .map((s) => s.replaceAll('{year}', String(doc.year)).replace('{website}', doc.contact.website).replace('{agency}', doc.agency.name).replace('{contact}', contact))
    .join('');
}
