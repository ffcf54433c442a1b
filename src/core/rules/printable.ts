// Rule text.unprintable: a character in the printed text that no shipped font can draw (an emoji, a
// rare character outside the fonts) would be a gap in the published PDF. Found while the clerk types,
// before submitting, instead of at publishing.
import type { ReportDocument } from '../document.ts';
import { type Finding, finding } from '../finding.ts';
import { textFields } from '../text-fields.ts';
import { PRINTABLE_RANGES } from './printable-chars.ts';

let ranges: [number, number][] | null = null;

function printableRanges(): [number, number][] {
  if (ranges) return ranges;
  let previous = 0;
  ranges = PRINTABLE_RANGES.split(',').map((part) => {
    const [gap, length = '0'] = part.split('+');
    const from = previous + parseInt(gap!, 36);
    previous = from + parseInt(length, 36);
    return [from, previous];
  });
  return ranges;
}

export function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  const r = printableRanges();
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[mid]![0]) hi = mid - 1;
    else if (cp > r[mid]![1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The unprintable characters of a text, remembered for the texts of the last checks: the editor checks on every keystroke, and most texts did not change. */
const recent = new Map<string, string[]>();

function unprintable(text: string): string[] {
  let found = recent.get(text);
  if (!found) {
    found = [...new Set(Array.from(text).filter((ch) => !/\s/u.test(ch) && !isPrintable(ch)))];
    if (recent.size > 64) recent.clear();
    recent.set(text, found);
  }
  return found;
}

export function checkPrintable(doc: ReportDocument): Finding[] {
  const findings: Finding[] = [];
  for (const field of textFields(doc)) {
    const missing = unprintable(field.text);
    if (!missing.length) continue;
    const shown = missing.map((ch) => {
      const at = field.text.indexOf(ch);
      const context = field.text.slice(Math.max(0, at - 6), at + ch.length + 6).replace(/\s+/g, ' ');
      return `“${ch}”（U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}，在“${context}”处）`;
    });
    findings.push(finding('text.unprintable', [], `“${field.label}”中有字体无法显示的字符：${shown.join('、')}，发布的 PDF 会缺字；请删去或换成通用规范汉字`, field.prose));
  }
  return findings;
}
