// Invisible and control characters in text: zero-width spaces, BOMs and soft hyphens come along
// when text is pasted from web pages and chat tools; control characters from old systems. They print
// as nothing or as boxes and break searches, so they are removed when text is saved or imported, and
// the person is told what was removed and where. Line breaks and tabs stay.
import { cellEntries, cellLabel } from './cells.ts';
import type { ReportDocument } from './document.ts';
import { textFields } from './text-fields.ts';

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

export interface RemovedCharacters {
  /** Where, in Chinese (see textFields). */
  label: string;
  /** The removed characters as U+XXXX, each once. */
  codePoints: string[];
  count: number;
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The document without invisible characters, and what was removed (empty when nothing was). */
export function stripInvisible(doc: ReportDocument): { document: ReportDocument; removed: RemovedCharacters[] } {
  const removed: RemovedCharacters[] = [];
  let document = doc;
  for (const field of textFields(doc)) {
    const found = field.text.match(INVISIBLE);
    if (!found) continue;
    if (document === doc) document = structuredClone(doc);
    field.set(document, field.text.replace(INVISIBLE, ''));
    removed.push({ label: field.label, codePoints: [...new Set(found.map(codePoint))], count: found.length });
  }
  for (const [id, text] of cellEntries(doc.cellText)) {
    const found = text.match(INVISIBLE);
    if (!found) continue;
    if (document === doc) document = structuredClone(doc);
    document.cellText[id] = text.replace(INVISIBLE, '');
    removed.push({ label: cellLabel(id), codePoints: [...new Set(found.map(codePoint))], count: found.length });
  }
  return { document, removed };
}

/** One Chinese sentence per field: 已删除“（二）依申请公开”中的 3 个不可见字符（U+200B）. */
export function describeRemoved(removed: RemovedCharacters[]): string[] {
  return removed.map((r) => `已删除“${r.label}”中的 ${r.count} 个不可见或控制字符（${r.codePoints.join('、')}）`);
}
