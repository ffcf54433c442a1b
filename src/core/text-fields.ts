// Every free text of a report document that is printed, with the Chinese name of where it is: the
// place a finding or a notice about a character points to.
import type { ReportDocument } from './document.ts';
import { PROSE_KEYS } from './document.ts';
import { contactFields, proseName } from './names.ts';
import type { ProseKey } from './template.ts';
import { getTemplate } from './template.ts';

export interface TextField {
  /** Where it is, in Chinese (前言, 一、总体情况（二）依申请公开, 电话 …). */
  label: string;
  text: string;
  prose?: ProseKey;
  /** Writes a new text into a copy of the document. */
  set(doc: ReportDocument, text: string): void;
}

export function textFields(doc: ReportDocument): TextField[] {
  return [
    { label: '单位名称', text: doc.agency.name, set: (d, t) => void (d.agency.name = t) },
    { label: '前言', text: doc.preamble ?? '', set: (d, t) => void (d.preamble = doc.preamble === null ? null : t) },
    ...PROSE_KEYS.map((k): TextField => ({ label: proseName(k, getTemplate(doc.format)), text: doc.prose[k], prose: k, set: (d, t) => void (d.prose[k] = t) })),
    { label: '结尾', text: doc.closing, set: (d, t) => void (d.closing = t) },
    { label: '署名', text: doc.publication.signatory, set: (d, t) => void (d.publication.signatory = t) },
    ...contactFields(getTemplate(doc.format)).map(({ field, label }): TextField => ({ label, text: doc.contact[field], set: (d, t) => void (d.contact[field] = t) })),
  ];
}
