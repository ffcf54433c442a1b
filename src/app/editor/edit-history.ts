// Undo and redo for the clerk's edits (typing, paste, zero-fill, 不适用): each entry is the whole
// document before a change — documents share their unchanged parts, so an entry costs little.
// Keystrokes in one field are one entry until another field (or a paste) is edited.
import type { ReportDocument } from '../../core/index.ts';

const LIMIT = 200;

export class EditHistory {
  private undos: ReportDocument[] = [];
  private redos: ReportDocument[] = [];
  private typingIn: string | null = null;

  /** Notes the document as it was before a change to `field` (none: a paste or other bulk change). */
  record(before: ReportDocument, field?: string) {
    if (field && field === this.typingIn) return;
    this.typingIn = field ?? null;
    this.undos.push(before);
    if (this.undos.length > LIMIT) this.undos.shift();
    this.redos = [];
  }

  /** The document to show instead of `current`, or null when there is nothing to undo. */
  undo(current: ReportDocument): ReportDocument | null {
    return this.step(this.undos, this.redos, current);
  }

  redo(current: ReportDocument): ReportDocument | null {
    return this.step(this.redos, this.undos, current);
  }

  private step(from: ReportDocument[], to: ReportDocument[], current: ReportDocument) {
    const doc = from.pop();
    if (!doc) return null;
    to.push(current);
    this.typingIn = null;
    return doc;
  }
}
