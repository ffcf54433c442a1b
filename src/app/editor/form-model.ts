// The text of every field as typed and the report document, both ways. The editor store keeps the
// raw text of every input (so bad input stays visible); the document keeps numbers in `cells` and
// any text that is not a valid value in `cellText`. A field is named by its path ('agency.name',
// 'cells.<id>'), ids' dots encoded so that a name has at most one dot.
import { CELLS, type CellId, formatCellValue, PROSE_KEYS, type ProseKey, parseCellInput, type ReportDocument } from '../../core/index.ts';

export type AgencyLevel = NonNullable<ReportDocument['agency']['level']>;

export interface FormValues {
  agency: { name: string; kind: ReportDocument['agency']['kind']; level: AgencyLevel | ''; parent: string };
  contact: ReportDocument['contact'];
  preambleMode: 'standard' | 'custom';
  preamble: string;
  prose: Record<string, string>;
  closing: string;
  publication: { signatory: string; date: string };
  cells: Record<string, string>;
}

/** Every field's name: a top-level text, or a group's member. */
export type FieldName = {
  [K in keyof FormValues]: FormValues[K] extends string ? K : `${K}.${keyof FormValues[K] & string}`;
}[keyof FormValues];

const encode = (id: string) => id.replaceAll('.', '_');

/** A cell's key in `FormValues.cells`. */
export const cellKey = (id: CellId) => encode(id);
export const cellField = (id: CellId) => `cells.${cellKey(id)}` as const;
export const proseField = (key: ProseKey) => `prose.${encode(key)}` as const;

/** The text a field holds. */
export function fieldText(v: FormValues, field: FieldName): string {
  const [group, key] = field.split('.') as [keyof FormValues, string | undefined];
  const text = key === undefined ? v[group] : (v[group] as Record<string, string>)[key];
  return typeof text === 'string' ? text : '';
}

/** The values with one field's text replaced; the other groups are shared, not copied. */
export function withField(v: FormValues, field: FieldName, text: string): FormValues {
  const [group, key] = field.split('.') as [keyof FormValues, string | undefined];
  return { ...v, [group]: key === undefined ? text : { ...(v[group] as Record<string, string>), [key]: text } };
}

/** The cells a person types; computed totals are shown, never entered. */
export const INPUT_CELLS = CELLS.filter((c) => !c.computed);

export function toFormValues(doc: ReportDocument, standardPreamble: string): FormValues {
  return {
    agency: { name: doc.agency.name, kind: doc.agency.kind, level: doc.agency.level ?? '', parent: doc.agency.parent ?? '' },
    contact: { ...doc.contact },
    preambleMode: doc.preamble === null ? 'standard' : 'custom',
    preamble: doc.preamble ?? standardPreamble,
    prose: Object.fromEntries(PROSE_KEYS.map((k) => [encode(k), doc.prose[k]])),
    closing: doc.closing,
    publication: { signatory: doc.publication.signatory, date: doc.publication.date ?? '' },
    cells: Object.fromEntries(INPUT_CELLS.map((c) => [encode(c.id), doc.cellText[c.id] ?? formatCellValue(doc.cells[c.id] ?? null)])),
  };
}

const CELL_BY_FIELD = new Map(INPUT_CELLS.map((c) => [cellField(c.id), c]));
const PROSE_BY_FIELD = new Map(PROSE_KEYS.map((k) => [proseField(k), k]));

/** One typed cell or prose field applied (what a keystroke changes): work in proportion to the change. */
export function applyFormField(base: ReportDocument, v: FormValues, field: FieldName): ReportDocument {
  const info = CELL_BY_FIELD.get(field as ReturnType<typeof cellField>);
  if (info) {
    const text = v.cells[encode(info.id)] ?? '';
    const parsed = parseCellInput(text, info.value);
    const value = parsed.ok ? parsed.value : null;
    const invalidChanged = !parsed.ok !== info.id in base.cellText;
    if (value === base.cells[info.id] && !invalidChanged && (parsed.ok || base.cellText[info.id] === text)) return base;
    const cellText = { ...base.cellText };
    if (parsed.ok) delete cellText[info.id];
    else cellText[info.id] = text;
    const origin = { ...base.origin, cells: { ...base.origin.cells } };
    if (value !== base.cells[info.id] || invalidChanged) delete origin.cells[info.id];
    return { ...base, cells: { ...base.cells, [info.id]: value }, cellText, origin };
  }
  const key = PROSE_BY_FIELD.get(field as ReturnType<typeof proseField>);
  if (key) {
    const text = v.prose[encode(key)] ?? '';
    if (text === base.prose[key]) return base;
    const originProse = { ...base.origin.prose };
    delete originProse[key];
    return { ...base, prose: { ...base.prose, [key]: text }, origin: { ...base.origin, prose: originProse } };
  }
  return applyFormValues(base, v);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The document with the form's values applied (the year is not among them: it is fixed once the
 * report exists). Cells that no longer hold what they were
 * carried over or imported with lose that origin mark, and so does edited prose.
 */
export function applyFormValues(base: ReportDocument, v: FormValues): ReportDocument {
  const cells = { ...base.cells };
  const cellText: Record<string, string> = {};
  const originCells = { ...base.origin.cells };
  for (const info of INPUT_CELLS) {
    const text = v.cells[encode(info.id)] ?? '';
    const parsed = parseCellInput(text, info.value);
    const value = parsed.ok ? parsed.value : null;
    if (!parsed.ok) cellText[info.id] = text;
    if (value !== base.cells[info.id] || info.id in cellText !== info.id in base.cellText) delete originCells[info.id];
    cells[info.id] = value;
  }
  const prose = { ...base.prose };
  const originProse = { ...base.origin.prose };
  for (const key of PROSE_KEYS) {
    const text = v.prose[encode(key)] ?? '';
    if (text !== base.prose[key]) delete originProse[key];
    prose[key] = text;
  }
  return {
    ...base,
    agency: { name: v.agency.name, kind: v.agency.kind, level: v.agency.level || null, parent: v.agency.parent || null },
    contact: { ...v.contact },
    preamble: v.preambleMode === 'custom' ? v.preamble : null,
    prose,
    closing: v.closing,
    publication: { signatory: v.publication.signatory, date: DATE.test(v.publication.date) ? v.publication.date : null },
    cells,
    cellText,
    origin: { cells: originCells, prose: originProse },
  };
}
