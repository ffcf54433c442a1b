// Where 署名 and 成文日期 sit for a report without a seal (GB/T 9704 §7.3.5.2): the signatory two
// characters in from the right; the date on the next line, its first character two characters right
// of the signatory's first; a date longer than that sits two characters in and pushes the signatory
// left instead. Decided here once; DOCX, HTML and the preview give the indents to Word or the browser,
// the PDF places the lines itself with the widths its fonts measure.

/** Width in ems: half-width digits and Latin count half. */
export function textEms(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return n;
}

/**
 * Right indents of the signatory's and the date's line, in the unit `width` measures (ems of the
 * body font by default); `em` is one character's width in that unit.
 */
export function signatureIndents(signatory: string, date: string | null, width: (text: string) => number = textEms, em = 1): { signatory: number; date: number } {
  const s = signatory ? width(signatory) : 0;
  const d = date ? width(date) : 0;
  if (signatory && (!date || s - d >= 2 * em)) return { signatory: 2 * em, date: s - d };
  return { signatory: d + 4 * em - s, date: 2 * em };
}
