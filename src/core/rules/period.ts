// The statistical period must be the report's own year. A report copied from last year's file
// often still says "统计期限自2022年1月1日…" in a 2023 report; the tables may be new, the dates not.
import type { ReportDocument } from '../document.ts';
import { PROSE_KEYS } from '../document.ts';
import { type Finding, finding } from '../finding.ts';
import { normalizeDigits } from '../input.ts';
import type { ProseKey } from '../template.ts';

/** "2022年1月1日" (with optional spaces) — the opening date of a statistical period. */
const PERIOD_START = /(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日/g;

export function checkStatisticalPeriod(doc: ReportDocument, preamble: string): Finding[] {
  const texts: [string, ProseKey | undefined, string][] = [[preamble, undefined, '前言'], ...PROSE_KEYS.map((k): [string, ProseKey, string] => [doc.prose[k], k, '正文'])];
  const out: Finding[] = [];
  for (const [text, key, where] of texts) {
    for (const m of normalizeDigits(text).matchAll(PERIOD_START)) {
      const year = Number(m[1]);
      if (year === doc.year) continue;
      out.push(finding('text.period', [], `${where}写“${m[0]}”，但本报告是 ${doc.year} 年度报告，统计期限应自 ${doc.year}年1月1日起`, key));
    }
  }
  return out;
}
