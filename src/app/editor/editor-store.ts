// The open report as the editor sees it, in one place: the text of every field as typed, the
// document it makes (with 不适用 marks and origins), its computed totals and its findings, and the
// history for undo. Every edit goes through the store; components subscribe to the small slice
// they draw (one cell's text, its findings, one total), and a table cell hears of a change only
// when something about that cell changed, so a keystroke wakes and re-renders only what changed.
import { useRef, useSyncExternalStore, type ChangeEvent } from 'react';
import { assessReport, CELL_IDS, checkReport, preambleText, withDerivedTotals, type CellId, type Finding, type ReportDocument, type Unassessed } from '../../core/index.ts';
import { BalanceSuspects } from './balance-suspect.ts';
import { EditHistory } from './edit-history.ts';
import { applyFormField, cellField, fieldText, toFormValues, withField, type FieldName, type FormValues } from './form-model.ts';

export interface CellFindings {
  severity: 'error' | 'warning';
  messages: string[];
}

/** Rules whose findings mark the cells they name. Empty cells are listed, not highlighted: a
 *  blank table would otherwise be all warnings. */
const MARKS_CELLS = (f: Finding) => f.rule !== 'cell.missing';

const formValues = (doc: ReportDocument) => toFormValues(doc, preambleText({ ...doc, preamble: null }));

export class EditorStore {
  doc: ReportDocument;
  /** Every field's text as typed (what the inputs show); `doc` is made from it. */
  values: FormValues;
  /** The document with computed totals filled in: what is saved and exported. */
  derived!: ReportDocument;
  /** Findings of the draft: a sum with empty cells is not judged until they are filled (unfilled). */
  findings: Finding[] = [];
  /** Sums not judged yet because some of their cells are empty: shown as 未填完. */
  unfilled: Unassessed[] = [];
  private final: { of: ReportDocument; findings: Finding[] } | null = null;
  /** Bumped whenever the document changes; lets list-like views re-render once per change. */
  version = 0;
  private byCell = new Map<CellId, CellFindings>();
  private listeners = new Set<() => void>();
  private cellListeners = new Map<CellId, Set<() => void>>();
  private cellSubscribers = new Map<CellId, (listener: () => void) => () => void>();
  /** The text and document the cell subscribers last heard of. */
  private notified: { values: FormValues; doc: ReportDocument };
  private suspects = new BalanceSuspects();
  /** The clerk's edits, for undo and redo. */
  private readonly history = new EditHistory();
  /** Inside batch(): edits are collected and judged once at the end. */
  private batching = false;
  private checked: ReportDocument | null = null;

  constructor(
    doc: ReportDocument,
    readonly previous: ReportDocument | null,
  ) {
    this.doc = doc;
    this.values = formValues(doc);
    this.notified = { values: this.values, doc };
    this.recompute();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Subscribes to one table cell: its text, value, findings, 不适用 mark and origin. The same function for a cell every time. */
  subscribeCell(id: CellId): (listener: () => void) => () => void {
    let subscribe = this.cellSubscribers.get(id);
    if (!subscribe) {
      subscribe = (listener) => {
        const set = this.cellListeners.get(id) ?? new Set();
        this.cellListeners.set(id, set.add(listener));
        return () => set.delete(listener);
      };
      this.cellSubscribers.set(id, subscribe);
    }
    return subscribe;
  }

  /** The text a field holds. */
  text(field: FieldName): string {
    return fieldText(this.values, field);
  }

  /** Text typed into a field: only that field is parsed again. Keystrokes in one field are one undo step. */
  edit(field: FieldName, text: string) {
    if (this.text(field) === text) return;
    this.values = withField(this.values, field, text);
    const next = applyFormField(this.doc, this.values, field);
    if (next !== this.doc && !this.batching) this.history.record(this.doc, field);
    this.commit(next);
  }

  setNotApplicable(id: CellId, on: boolean) {
    const rest = this.doc.notApplicable.filter((c) => c !== id);
    if (!this.batching) this.history.record(this.doc);
    this.commit({ ...this.doc, notApplicable: on ? [...rest, id] : rest });
  }

  /** Many edits as one (a paste, a zero-fill): one undo step, judged once. */
  batch(change: () => void) {
    const before = this.doc;
    this.batching = true;
    try {
      change();
    } finally {
      this.batching = false;
    }
    if (this.doc !== before) this.history.record(before);
    this.commit(this.doc);
  }

  /** Shows another document (an undo, a merge, the server's newest): every field shows its text. */
  replace(doc: ReportDocument) {
    this.values = formValues(doc);
    this.commit(doc);
  }

  /** Undoes the last edit (typing in one field, a paste, a zero-fill, 不适用); false when there is none. */
  undo(): boolean {
    const to = this.history.undo(this.doc);
    if (to) this.replace(to);
    return to !== null;
  }

  redo(): boolean {
    const to = this.history.redo(this.doc);
    if (to) this.replace(to);
    return to !== null;
  }

  /** The findings submitting and the final export judge by: empty cells count as 0 and cell.missing names them. */
  finalFindings(): Finding[] {
    if (this.final?.of !== this.doc) this.final = { of: this.doc, findings: this.suspects.annotate(this.derived.cells, checkReport(this.doc, { totals: 'computed', previous: this.previous })) };
    return this.final.findings;
  }

  /** The findings marking a cell; the same object while they stay the same. */
  cellFindings(id: CellId): CellFindings | undefined {
    return this.byCell.get(id);
  }

  private commit(doc: ReportDocument) {
    this.doc = doc;
    if (this.batching) return;
    const before = { values: this.notified.values, derived: this.derived, byCell: this.byCell, doc: this.notified.doc };
    if (doc !== this.checked) {
      this.recompute();
      this.version += 1;
    }
    this.notified = { values: this.values, doc };
    for (const id of CELL_IDS) {
      const listeners = this.cellListeners.get(id);
      if (listeners?.size && this.cellChanged(id, before)) for (const l of listeners) l();
    }
    for (const l of this.listeners) l();
  }

  /** Whether anything a cell shows changed; the unchanged parts (shared objects) are skipped at once. */
  private cellChanged(id: CellId, before: { values: FormValues; derived: ReportDocument; byCell: Map<CellId, CellFindings>; doc: ReportDocument }): boolean {
    const was = before.doc;
    return (
      before.byCell.get(id) !== this.byCell.get(id) ||
      (before.derived.cells !== this.derived.cells && before.derived.cells[id] !== this.derived.cells[id]) ||
      (before.values.cells !== this.values.cells && fieldText(before.values, cellField(id)) !== this.text(cellField(id))) ||
      (was.notApplicable !== this.doc.notApplicable && was.notApplicable.includes(id) !== this.doc.notApplicable.includes(id)) ||
      (was.origin.cells !== this.doc.origin.cells && was.origin.cells[id] !== this.doc.origin.cells[id])
    );
  }

  private recompute() {
    this.checked = this.doc;
    this.derived = withDerivedTotals(this.doc);
    const assessed = assessReport(this.doc, { totals: 'computed', previous: this.previous, draft: true });
    this.findings = this.suspects.update(this.derived.cells, assessed.findings);
    this.unfilled = assessed.unassessed;
    const next = new Map<CellId, CellFindings>();
    for (const f of this.findings) {
      if (!MARKS_CELLS(f)) continue;
      // The cell a finding most likely concerns shows it too, even when outside the equation.
      for (const id of f.focus && !f.cells.includes(f.focus) ? [...f.cells, f.focus] : f.cells) {
        const entry = next.get(id) ?? { severity: f.severity, messages: [] };
        if (f.severity === 'error') entry.severity = 'error';
        entry.messages.push(f.message);
        next.set(id, entry);
      }
    }
    for (const [id, entry] of next) {
      const old = this.byCell.get(id);
      if (old && old.severity === entry.severity && old.messages.join('\n') === entry.messages.join('\n')) next.set(id, old);
    }
    this.byCell = next;
  }
}

/**
 * A slice of the store; the component re-renders only when it changes. A slice built afresh on
 * every change (a filtered list) passes `same`: while it holds, the previous slice is kept.
 */
export function useEditorSelector<T>(store: EditorStore, select: (s: EditorStore) => T, same: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T } | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const value = select(store);
    if (last.current && same(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  });
}

/** A slice of one table cell's state (its text, value, findings, marks); woken only by changes to that cell. */
export function useCellSelector<T>(store: EditorStore, id: CellId, select: (s: EditorStore) => T): T {
  return useSyncExternalStore(store.subscribeCell(id), () => select(store));
}

/** What an input or textarea bound to a field needs: its text, and the store hearing what is typed. */
export function useField(store: EditorStore, field: FieldName) {
  const value = useEditorSelector(store, (s) => s.text(field));
  return { value, onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => store.edit(field, e.target.value) };
}
