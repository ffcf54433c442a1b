// Every free text of a report document that is printed, with the Chinese name of where it is: the
// place a finding or a notice about a character points to.
import type { ReportDocument } from './document.ts';
import type { ProseKey } from './template.ts';
import { PROSE_KEYS } from './document.ts';
import { getTemplate } from './template.ts';

export interface TextField {
  /** Where it is, in Chinese (前言, 一、总体情况（二）依申请公开, 联系电话 …). */
  label: string;
  text: string;
  prose?: ProseKey;
  /** Writes a new text into a copy of the document. */
  set(doc: ReportDocument, text: string): void;
}

const CONTACT_LABELS: Record<keyof ReportDocument['contact'], string> = {
  address: '联系地址',
  postcode: '邮政编码',
  phone: '联系电话',
  fax: '传真',
  email: '电子邮箱',
  website: '网址',
};

function proseLabel(doc: ReportDocument, key: ProseKey): string {
  const [sectionId, partId] = key.split('.');
  const section = getTemplate(doc.format).format.sections.find((s) => s.id === sectionId);
  const part = section?.parts?.find((p) => p.id === partId);
  return `${section?.title ?? key}${part ? `${part.number}${part.title}` : ''}`;
}

export function textFields(doc: ReportDocument): TextField[] {
  return [
    { label: '单位名称', text: doc.agency.name, set: (d, t) => void (d.agency.name = t) },
    { label: '前言', text: doc.preamble ?? '', set: (d, t) => void (d.preamble = doc.preamble === null ? null : t) },
    ...PROSE_KEYS.map((k): TextField => ({ label: proseLabel(doc, k), text: doc.prose[k], prose: k, set: (d, t) => void (d.prose[k] = t) })),
    { label: '结尾', text: doc.closing, set: (d, t) => void (d.closing = t) },
    { label: '署名', text: doc.publication.signatory, set: (d, t) => void (d.publication.signatory = t) },
    ...(Object.keys(CONTACT_LABELS) as (keyof ReportDocument['contact'])[]).map(
      (k): TextField => ({ label: CONTACT_LABELS[k], text: doc.contact[k], set: (d, t) => void (d.contact[k] = t) }),
    ),
  ];
}
