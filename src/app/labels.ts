// Names a person reads for what a diff or a comment points at: cells by their row and column
// labels (cellLabel), texts and sections by the template's titles, fields by their form labels.
import { cellLabel, getTemplate, type CellId, type FieldPath, type TextKey } from '../core/index.ts';
import type { CommentTarget } from '../api/reports.ts';

const sections = getTemplate().format.sections;
const overview = sections.find((s) => s.id === 'overview');

export function textLabel(key: TextKey | string): string {
  if (key === 'preamble') return '前言';
  if (key === 'closing') return '结尾';
  if (key === 'overview.intro') return `${overview?.title ?? '一、总体情况'}·概述`;
  if (key.startsWith('overview.')) {
    const part = overview?.parts?.find((p) => `overview.${p.id}` === key);
    if (part) return `${overview!.title}·${part.number}${part.title}`;
  }
  return sections.find((s) => s.id === key)?.title ?? key;
}

const FIELD_LABELS: Record<FieldPath, string> = {
  format: '格式',
  year: '报告年度',
  'agency.name': '机关全称',
  'agency.kind': '机关类别',
  'agency.level': '行政层级',
  'agency.parent': '上级机关',
  'contact.address': '地址',
  'contact.postcode': '邮编',
  'contact.phone': '电话',
  'contact.fax': '传真',
  'contact.email': '电子邮箱',
  'contact.website': '报告下载网址',
  'publication.signatory': '落款机关',
  'publication.date': '发布日期',
};

export const fieldLabel = (path: FieldPath): string => FIELD_LABELS[path] ?? path;

/** A comment's place: a cell's label, or a section's title. */
export function targetLabel(target: CommentTarget): string {
  return 'cell' in target ? cellLabel(target.cell as CellId) : textLabel(target.section);
}

/** Where reviewers may pin a comment that is not about one cell. */
export const SECTION_TARGETS: { id: string; label: string }[] = [
  { id: 'preamble', label: textLabel('preamble') },
  ...sections.map((s) => ({ id: s.id, label: s.title })),
  { id: 'closing', label: textLabel('closing') },
];
