// The open report as the editor sees it: the edited document, its computed totals and its
// findings, recomputed on every change. Components subscribe to the small slice they draw
// (one cell's findings, one total), so a keystroke re-renders only what changed.
import { useSyncExternalStore } from 'react';
import { assessReport, checkReport, withDerivedTotals, type CellId, type Finding, type ReportDocument, type Unassessed } from '../../core/index.ts';
import { BalanceSuspects } from './balance-suspect.ts';
import { EditHistory } from './edit-history.ts';

export interface CellFindings {
  severity: 'error' | 'warning';
  messages: string[];
}

/** Rules whose findings mark the cells they name. Empty cells are listed, not highlighted: a
 *  blank table would otherwise be all warnings. */
const MARKS_CELLS = (f: Finding) => f.rule !== 'cell.missing';

export class EditorStore {
  doc: ReportDocument;
  /** The document with computed totals filled in: what is checked, saved and exported. */
  derived!: ReportDocument;
  /** Findings of the draft: a sum with empty cells is not judged until they are filled (unfilled). */
  findings: Finding[] = [];
  /** Sums not judged yet because some of their cells are empty: shown as 未填完. */
  unfilled: Unassessed[] = [];
  private final: { of: ReportDocument; findings: Finding[] } | null = null;
  /** Bumped on every change; lets list-like views re-render once per change. */
  version = 0;
  private byCell = new Map<CellId, CellFindings>();
  private listeners = new Set<() => void>();
  private suspects = new BalanceSuspects();
  /** The clerk's edits, for undo and redo. */
  readonly history = new EditHistory();

  constructor(
    doc: ReportDocument,
    readonly previous: ReportDocument | null,
  ) {
    this.doc = doc;
    this.recompute();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(doc: ReportDocument) {
    this.doc = doc;
    this.recompute();
    this.version += 1;
    for (const l of this.listeners) l();
  }

  setNotApplicable(id: CellId, on: boolean) {
    const rest = this.doc.notApplicable.filter((c) => c !== id);
    this.history.record(this.doc);
    this.update({ ...this.doc, notApplicable: on ? [...rest, id] : rest });
  }

  /** The findings submitting and the final export judge by: empty cells count as 0 and cell.missing names them. */
  finalFindings(): Finding[] {
    if (this.final?.of !== this.derived) this.final = { of: this.derived, findings: this.suspects.annotate(this.derived.cells, checkReport(this.derived, { previous: this.previous })) };
    return this.final.findings;
  }

  /** The findings marking a cell; the same object while they stay the same. */
  cellFindings(id: CellId): CellFindings | undefined {
    return this.byCell.get(id);
  }

  private recompute() {
    this.derived = withDerivedTotals(this.doc);
    const assessed = assessReport(this.derived, { previous: this.previous, draft: true });
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

export function useEditorSelector<T>(store: EditorStore, select: (s: EditorStore) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store));
}
