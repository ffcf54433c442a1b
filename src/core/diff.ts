// What changed between two versions of a report: the server records it with every revision, the
// history view shows it, and a stale save shows the other editor's change. Three-way merge lets
// the app combine two editors' changes when they touch different cells and texts.
import { CELL_IDS, type CellId } from './cells.ts';
import { PROSE_KEYS, type ReportDocument } from './document.ts';

/** What a person sees in one cell: its number, the unreadable text typed into it, the 不适用 mark. */
export interface CellState {
  value: number | null;
  text: string | null;
  notApplicable: boolean;
}

/** Free text of the report: the prose parts, plus the preamble and the closing note. */
export const TEXT_KEYS = ['preamble', ...PROSE_KEYS, 'closing'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** Scalar fields outside cells and texts, by dotted path. */
export const FIELD_PATHS = [
  'format',
  'year',
  'agency.name',
  'agency.kind',
  'agency.level',
  'agency.parent',
  'contact.address',
  'contact.postcode',
  'contact.phone',
  'contact.fax',
  'contact.email',
  'contact.website',
  'publication.signatory',
  'publication.date',
] as const;
export type FieldPath = (typeof FIELD_PATHS)[number];
type Scalar = string | number | null;

export interface DocumentDiff {
  cells: { id: CellId; before: CellState; after: CellState }[];
  texts: { key: TextKey; before: string | null; after: string | null }[];
  fields: { path: FieldPath; before: Scalar; after: Scalar }[];
}

/** The ids of what changed, small enough to keep with every revision. */
export interface ChangeSummary {
  cells: CellId[];
  texts: TextKey[];
  fields: FieldPath[];
}

export function cellState(doc: ReportDocument, id: CellId): CellState {
  return { value: doc.cells[id] ?? null, text: doc.cellText[id] ?? null, notApplicable: doc.notApplicable.includes(id) };
}

export function textOf(doc: ReportDocument, key: TextKey): string | null {
  if (key === 'preamble') return doc.preamble;
  if (key === 'closing') return doc.closing;
  return doc.prose[key];
}

export function fieldOf(doc: ReportDocument, path: FieldPath): Scalar {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const top = (doc as unknown as Record<string, unknown>)[head];
  return (tail === undefined ? top : (top as Record<string, unknown>)[tail]) as Scalar;
}

function sameCell(a: CellState, b: CellState): boolean {
  return Object.is(a.value, b.value) && a.text === b.text && a.notApplicable === b.notApplicable;
}

/** Every cell, text and field that differs; bookkeeping (meta, origin marks) is ignored. */
export function diffDocuments(before: ReportDocument, after: ReportDocument): DocumentDiff {
  const diff: DocumentDiff = { cells: [], texts: [], fields: [] };
  for (const id of CELL_IDS) {
    const a = cellState(before, id);
    const b = cellState(after, id);
    if (!sameCell(a, b)) diff.cells.push({ id, before: a, after: b });
  }
  for (const key of TEXT_KEYS) {
    const a = textOf(before, key);
    const b = textOf(after, key);
    if (a !== b) diff.texts.push({ key, before: a, after: b });
  }
  for (const path of FIELD_PATHS) {
    const a = fieldOf(before, path);
    const b = fieldOf(after, path);
    if (a !== b) diff.fields.push({ path, before: a, after: b });
  }
  return diff;
}

export function summarizeDiff(diff: DocumentDiff): ChangeSummary {
  return { cells: diff.cells.map((c) => c.id), texts: diff.texts.map((t) => t.key), fields: diff.fields.map((f) => f.path) };
}

export function isEmptyDiff(diff: DocumentDiff | ChangeSummary): boolean {
  return diff.cells.length === 0 && diff.texts.length === 0 && diff.fields.length === 0;
}

export interface MergeResult {
  document: ReportDocument;
  /** Cells, texts and fields both sides changed to different values; `mine` was kept for them. */
  conflicts: ChangeSummary;
}

/**
 * Three-way merge of two editors' versions of one base: each cell, text and field takes whichever
 * side changed it. Where both changed it differently, `mine` wins and the item is listed as a
 * conflict, so the app can ask the person instead of silently dropping the other change.
 */
export function mergeDocuments(base: ReportDocument, mine: ReportDocument, theirs: ReportDocument): MergeResult {
  const conflicts: ChangeSummary = { cells: [], texts: [], fields: [] };
  const out: ReportDocument = structuredClone(mine);
  const theirChanges = diffDocuments(base, theirs);
  const myChanges = summarizeDiff(diffDocuments(base, mine));

  for (const { id, after } of theirChanges.cells) {
    if (myChanges.cells.includes(id)) {
      if (!sameCell(cellState(mine, id), after)) conflicts.cells.push(id);
      continue;
    }
    out.cells[id] = after.value;
    if (after.text === null) delete out.cellText[id];
    else out.cellText[id] = after.text;
    const na = out.notApplicable.includes(id);
    if (after.notApplicable && !na) out.notApplicable.push(id);
    if (!after.notApplicable && na) out.notApplicable = out.notApplicable.filter((x) => x !== id);
    if (theirs.origin.cells[id]) out.origin.cells[id] = theirs.origin.cells[id];
    else delete out.origin.cells[id];
  }
  for (const { key, after } of theirChanges.texts) {
    if (myChanges.texts.includes(key)) {
      if (textOf(mine, key) !== after) conflicts.texts.push(key);
      continue;
    }
    if (key === 'preamble') out.preamble = after;
    else if (key === 'closing') out.closing = after ?? '';
    else out.prose[key] = after ?? '';
  }
  for (const { path, after } of theirChanges.fields) {
    if (myChanges.fields.includes(path)) {
      if (fieldOf(mine, path) !== after) conflicts.fields.push(path);
      continue;
    }
    const [head, tail] = path.split('.') as [string, string | undefined];
    const target = out as unknown as Record<string, Record<string, Scalar>>;
    if (tail === undefined) (target as unknown as Record<string, Scalar>)[head] = after;
    else target[head]![tail] = after;
  }
  return { document: out, conflicts };
}
