// How much of each step is filled in, for the section navigator.
import { CELLS, PROSE_KEYS, type ProseKey, type ReportDocument } from '../../core/index.ts';
import { STEPS, type StepId } from './steps.ts';

export interface Progress {
  filled: number;
  total: number;
  /** Parts still holding last year's text unchanged. */
  lastYear: number;
  /** Anything typed in the step, optional parts included: a step with only its introduction is begun. */
  begun: boolean;
}

const filledText = (...texts: (string | null)[]) => texts.filter((t) => t?.trim()).length;

export function stepProgress(doc: ReportDocument, step: StepId): Progress | null {
  const section = STEPS.find((s) => s.id === step)?.section;
  if (step === 'cover') {
    const filled = filledText(doc.agency.name, doc.publication.signatory, doc.publication.date);
    return { filled, total: 3, lastYear: 0, begun: filled > 0 };
  }
  if (step === 'check' || !section) return null;
  if (section.table) {
    const inputs = CELLS.filter((c) => c.table === section.table && !c.computed);
    const na = new Set(doc.notApplicable);
    const filled = inputs.filter((c) => doc.cells[c.id] !== null || c.id in doc.cellText || na.has(c.id)).length;
    return { filled, total: inputs.length, lastYear: 0, begun: filled > 0 };
  }
  const keys = PROSE_KEYS.filter((k) => k === section.id || k.startsWith(`${section.id}.`));
  // The template's parts are what the format asks for; the introduction before them is optional.
  const required = section.parts ? section.parts.map((p) => `${section.id}.${p.id}` as ProseKey) : keys;
  return {
    filled: filledText(...required.map((k) => doc.prose[k])),
    total: required.length,
    lastYear: keys.filter((k) => doc.origin.prose[k] === 'lastYear').length,
    begun: filledText(...keys.map((k) => doc.prose[k])) > 0,
  };
}
