// The open report as the editor sees it, in one place: the text of every field as typed, the
// document it makes (with 不适用 marks and origins), its computed totals and its findings, and the
// history for undo. Every edit goes through the store; components subscribe to the small slice
// they draw (one field's text, one cell's findings, one total), and a table cell hears of a change
// only when something it shows changed, so a keystroke wakes and re-renders only what changed.
// A keystroke's own field hears of it at once (a table input already shows it and renders nothing);
// the views derived from it (totals, marks, findings, progress) hear of it once typing pauses
// (typing-pause.ts), so typed characters are painted first and the next key does not wait behind
// redrawing them. A keystroke's totals and findings are computed when first read (by that flush, or by
// saving), not in its frame.
import { type ChangeEvent, useMemo, useRef, useSyncExternalStore } from 'react';
import { assessReport, CELL_IDS, type CellId, checkReport, type Finding, preambleText, type ReportDocument, type Unassessed, withDerivedTotals } from '../../core/index.ts';
import { BalanceSuspects } from './balance-suspect.ts';
import { EditHistory } from './edit-history.ts';
import { applyFormField, type FieldName, type FormValues, fieldText, toFormValues, withField } from './form-model.ts';
import { afterTypingPause } from './typing-pause.ts';

export interface CellFindings {
  severity: 'error' | 'warning';
  messages: string[];
}

/** Rules whose findings mark the cells they name. Empty cells are listed, not highlighted: a
 *  blank table would otherwise be all warnings. */
const MARKS_CELLS = (f: Finding) => f.rule !== 'cell.missing';

/** Typing in table cells and prose: what it changes elsewhere is drawn after the typed text. A
 *  cover field (a name, a radio choice) redraws everything at once: what it changes is expected at once. */
const DRAWN_LATER = (field: FieldName) => field.startsWith('cells.') || field.startsWith('prose.');

type Drawn = { values: FormValues; derived: ReportDocument; byCell: Map<CellId, CellFindings>; doc: ReportDocument };

const formValues = (doc: ReportDocument) => toFormValues(doc, preambleText({ ...doc, preamble: null }));

export class EditorStore {
  doc: ReportDocument;
  /** Every field's text as typed (what the inputs show); `doc` is made from it. */
  values: FormValues;
  private judged!: { derived: ReportDocument; findings: Finding[]; unfilled: Unassessed[] };
  private final: { of: ReportDocument; findings: Finding[] } | null = null;
  /** Bumped whenever the document changes; lets list-like views re-render once per change. */
  version = 0;
  private versioned: ReportDocument;
  private byCell = new Map<CellId, CellFindings>();
  private listeners = new Set<() => void>();
  private viewListeners = new Set<() => void>();
  private fieldListeners = new Map<FieldName, Set<() => void>>();
  private cellListeners = new Map<CellId, Set<() => void>>();
  private cellSubscribers = new Map<CellId, (listener: () => void) => () => void>();
  /** The state views last drew, for telling which cells changed since. */
  private drawn: Drawn;
  private suspects = new BalanceSuspects();
  /** The clerk's edits, for undo and redo. */
  private readonly history = new EditHistory();
  /** Inside batch(): edits are collected and judged once at the end. */
  private batching = false;
  private checked: ReportDocument | null = null;
  /** Views wait for a scheduled flush: a keystroke's derived changes are not drawn yet. */
  private pending = false;

  constructor(
    doc: ReportDocument,
    readonly previous: ReportDocument | null,
    /** Called on each keystroke: runs the latest flush of derived views once typing pauses. */
    private readonly schedule: (flush: () => void) => void = afterTypingPause(),
  ) {
    this.doc = doc;
    this.versioned = doc;
    this.values = formValues(doc);
    this.recompute();
    this.drawn = this.current();
  }

  /** The document with computed totals filled in: what is saved and exported. */
  get derived(): ReportDocument {
    return this.judge().derived;
  }

  /** Findings of the draft: a sum with empty cells is not judged until they are filled (unfilled). */
  get findings(): Finding[] {
    return this.judge().findings;
  }

  /** Sums not judged yet because some of their cells are empty: shown as 未填完. */
  get unfilled(): Unassessed[] {
    return this.judge().unfilled;
  }

  /** Hears of every change at once (saving); views use subscribeView. */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Hears of changes when they are to be drawn: a keystroke's once typing pauses. */
  subscribeView = (listener: () => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  /** Subscribes to one field's text, heard at once when typed: what a bound input shows. */
  subscribeField(field: FieldName): (listener: () => void) => () => void {
    return (listener) => {
      const set = this.fieldListeners.get(field) ?? new Set();
      this.fieldListeners.set(field, set.add(listener));
      return () => set.delete(listener);
    };
  }

  /** Subscribes to what one table cell shows besides its text: its value, findings, 不适用 mark and origin. The same function for a cell every time. */
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
    this.commit(next, DRAWN_LATER(field) ? field : undefined);
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

  /** The findings marking a cell, as last drawn (a keystroke's are judged once typing pauses); the same object while they stay the same. */
  cellFindings(id: CellId): CellFindings | undefined {
    return this.byCell.get(id);
  }

  /** A change typed into `typed` redraws that field now and the rest once typing pauses; any other change redraws all now. */
  private commit(doc: ReportDocument, typed?: FieldName) {
    if (this.batching) {
      this.doc = doc;
      return;
    }
    this.doc = doc;
    if (doc !== this.versioned) {
      this.versioned = doc;
      this.version += 1;
    }
    for (const l of this.listeners) l();
    if (typed === undefined) return this.flush();
    for (const l of this.fieldListeners.get(typed) ?? []) l();
    // The typed field shows its text now: a change before the flush (an undo, a zero-fill) that
    // puts back the last drawn text must still reach it.
    this.drawn = { ...this.drawn, values: this.values };
    this.pending = true;
    this.schedule(() => this.pending && this.flush());
  }

  /** Redraws every view whose slice changed since views last drew. */
  private flush() {
    this.pending = false;
    this.judge();
    const before = this.drawn;
    this.drawn = this.current();
    for (const id of CELL_IDS) {
      const listeners = this.cellListeners.get(id);
      if (listeners?.size && this.cellChanged(id, before)) for (const l of listeners) l();
    }
    for (const [field, listeners] of this.fieldListeners) if (fieldText(before.values, field) !== this.text(field)) for (const l of listeners) l();
    for (const l of this.viewListeners) l();
  }

  /** Whether anything a cell shows changed; the unchanged parts (shared objects) are skipped at once. */
  private cellChanged(id: CellId, before: Drawn): boolean {
    const was = before.doc;
    const derived = this.judged.derived;
    return (
      before.byCell.get(id) !== this.byCell.get(id) ||
      (before.derived.cells !== derived.cells && before.derived.cells[id] !== derived.cells[id]) ||
      (was.notApplicable !== this.doc.notApplicable && was.notApplicable.includes(id) !== this.doc.notApplicable.includes(id)) ||
      (was.origin.cells !== this.doc.origin.cells && was.origin.cells[id] !== this.doc.origin.cells[id])
    );
  }

  /** What views draw now: the text, document, totals and marks. */
  private current(): Drawn {
    return { values: this.values, derived: this.judged.derived, byCell: this.byCell, doc: this.doc };
  }

  /** The totals and findings of the document as it is now, computed once per change. */
  private judge() {
    if (this.doc !== this.checked) this.recompute();
    return this.judged;
  }

  private recompute() {
    this.checked = this.doc;
    const derived = withDerivedTotals(this.doc);
    const assessed = assessReport(this.doc, { totals: 'computed', previous: this.previous, draft: true });
    const findings = this.suspects.update(derived.cells, assessed.findings);
    this.judged = { derived, findings, unfilled: assessed.unassessed };
    const next = new Map<CellId, CellFindings>();
    for (const f of findings) {
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
  return useSyncExternalStore(store.subscribeView, () => {
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
  const subscribe = useMemo(() => store.subscribeField(field), [store, field]);
  const value = useSyncExternalStore(subscribe, () => store.text(field));
  return { value, onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => store.edit(field, e.target.value) };
}
