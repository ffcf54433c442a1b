// Names a person reads for what a diff or a comment points at: cells by their row and column
// labels (cellLabel), texts and sections by the template's titles, fields by their form labels.

import type { CommentTarget } from '../api/reports.ts';
import { cellLabel, contactFields, type FieldPath, getTemplate, proseName, type TextKey } from '../core/index.ts';

const sections = getTemplate().format.sections;

export function textLabel(key: TextKey | string): string {
  if (key === 'preamble') return '前言';
  if (key === 'closing') return '结尾';
  return proseName(key);
}

type ContactPath = Extract<FieldPath, `contact.${string}`>;
const isContact = (path: FieldPath): path is ContactPath => path.startsWith('contact.');
const CONTACT_LABELS = new Map(contactFields().map((f) => [`contact.${f.field}`, f.label]));

const FIELD_LABELS: Record<Exclude<FieldPath, ContactPath>, string> = {
  format: '格式',
  year: '报告年度',
  'agency.name': '机关全称',
  'agency.kind': '机关类别',
  'agency.level': '行政层级',
  'agency.parent': '上级机关',
  'publication.signatory': '落款机关',
  'publication.date': '发布日期',
};

export const fieldLabel = (path: FieldPath): string => (isContact(path) ? CONTACT_LABELS.get(path) : FIELD_LABELS[path]) ?? path;

/** A comment's place: a cell's label, or a section's title. */
export function targetLabel(target: CommentTarget): string {
  return 'cell' in target ? cellLabel(target.cell) : textLabel(target.section);
}

/** Where reviewers may pin a comment that is not about one cell. */
export const SECTION_TARGETS: { id: string; label: string }[] = [
  { id: 'preamble', label: textLabel('preamble') },
  ...sections.map((s) => ({ id: s.id, label: s.title })),
  { id: 'closing', label: textLabel('closing') },
];
