// What the format calls the parts of a report a person reads about: its prose texts, contact
// fields, kinds of agency and dates. Rules, the form and the exports all name them from here.
import type { ReportDocument } from './document.ts';
import { type AgencyKind, GOV_2021, type ProseKey, type Template } from './template.ts';

/** A prose text's name, e.g. "一、总体情况（二）依申请公开", "一、总体情况·概述", "五、存在的主要问题及改进情况". */
export function proseName(key: ProseKey | string, template: Template = GOV_2021): string {
  const [sectionId, partId] = key.split('.');
  const section = template.format.sections.find((s) => s.id === sectionId);
  if (!section) return key;
  if (partId === undefined) return section.title;
  if (section.intro?.id === partId) return `${section.title}·${section.intro.title}`;
  const part = section.parts?.find((p) => p.id === partId);
  return part ? `${section.title}${part.number}${part.title}` : key;
}

export type ContactField = keyof ReportDocument['contact'];

/** The contact fields in the order the preamble prints them, with the preamble's labels; then the download address. */
export function contactFields(template: Template = GOV_2021): { field: ContactField; label: string }[] {
  const { contactParts, websiteLabel } = template.format.preamble;
  return [...contactParts.map((p): { field: ContactField; label: string } => ({ field: p.field, label: p.label })), { field: 'website', label: websiteLabel }];
}

export function agencyKindLabel(kind: AgencyKind, template: Template = GOV_2021): string {
  return template.format.agencyKinds[kind];
}

/** An ISO date as the format prints dates ("2024年1月5日"). */
export function formatChineseDate(iso: string, template: Template = GOV_2021): string {
  const [y, m, d] = iso.split('-').map(Number);
  return template.pageStyle.dateFormat.replace('{y}', String(y)).replace('{m}', String(m)).replace('{d}', String(d));
}
