import type { CellId } from './cells.ts';
import { RULES, type RuleId, type RuleInfo, type Severity } from './rules/catalog.ts';
import type { ProseKey } from './template.ts';

/** A field of the cover a finding is about, so the app can point at it. */
export type CoverField = 'agency.name' | 'agency.level' | 'contact' | 'publication.signatory' | 'publication.date';

/** One problem the checker found. Shape per docs/interchange.md, plus where in the prose it sits. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Every cell the finding involves. */
  cells: CellId[];
  /** Chinese; names the cells by their labels and states the expected value. */
  message: string;
  /** For findings about prose: which text, so the app can point at it. */
  prose?: ProseKey;
  /** For findings about the cover: which field. */
  field?: CoverField;
  /** The one cell that alone explains the finding, when the checker can tell; the app focuses it. */
  focus?: CellId;
}

/** What blocks submitting, approving and the final export: errors, and what a published report cannot lack. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || (RULES[f.rule] as RuleInfo).blocksSubmit);
}

export function finding(rule: RuleId, cells: CellId[], message: string, prose?: ProseKey): Finding {
  return { rule, severity: RULES[rule].severity, cells, message, ...(prose && { prose }) };
}

/** A rule that could not be checked because a cell it needs is unknown (docs/interchange.md `unassessed`). */
export interface Unassessed {
  rule: RuleId;
  /** Every cell the rule involves. */
  cells: CellId[];
  /** Chinese: which cells are unknown and why. */
  reason: string;
}
