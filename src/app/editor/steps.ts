// The editor's steps: the cover, the template's six sections, and the final check. Findings are
// filed under the step where the clerk can fix them.
import { type CoverField, cellInfo, type Finding, GOV_2021, getTable, getTemplate, proseSection, type SectionId, type TemplateSection } from '../../core/index.ts';

export type StepId = 'cover' | SectionId | 'check';

export interface Step {
  id: StepId;
  /** Short name in the navigator. */
  label: string;
  section?: TemplateSection;
}

const sections = getTemplate().format.sections;

export const STEPS: Step[] = [{ id: 'cover', label: '封面与前言' }, ...sections.map((s) => ({ id: s.id, label: s.title, section: s })), { id: 'check', label: '校验与导出' }];

export function isStepId(id: string): id is StepId {
  return STEPS.some((s) => s.id === id);
}

/** The step whose page shows what a finding is about; 'check' for whole-report findings. */
export function stepOfFinding(f: Pick<Finding, 'rule' | 'cells' | 'prose' | 'field'>): StepId {
  if (f.prose) return proseSection(f.prose);
  const first = f.cells[0];
  if (first) return getTable(GOV_2021, cellInfo(first).table).section;
  if (f.field || f.rule === 'deadline.late' || f.rule === 'text.period') return 'cover';
  return 'check';
}

const COVER_FIELD_INPUT: Record<CoverField, string> = {
  'agency.name': '#agency-name',
  'agency.level': '#agency-level',
  contact: '#contact-address',
  'publication.signatory': '#signatory',
  'publication.date': '#publication-date',
};

/** What to focus for a finding: the cell it most likely concerns (else its first), its prose field, the publication date or the preamble. */
export function findingTarget(f: Finding): string | undefined {
  const cell = f.focus ?? f.cells[0];
  if (cell) return `[data-cell="${cell}"]`;
  if (f.prose) return `[data-prose="${f.prose}"]`;
  if (f.field) return COVER_FIELD_INPUT[f.field];
  if (f.rule === 'deadline.late') return '#publication-date';
  if (f.rule === 'text.period') return '#preamble';
  return undefined;
}
