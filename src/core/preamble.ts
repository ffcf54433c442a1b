// The report's title and standard preamble, from the template's sentence patterns.
import type { ReportDocument } from './document.ts';
import { getTemplate } from './template.ts';

export function reportTitle(doc: Pick<ReportDocument, 'agency' | 'year' | 'format'>): string {
  return getTemplate(doc.format).format.titlePattern.replace('{agency}', doc.agency.name).replace('{year}', String(doc.year));
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
