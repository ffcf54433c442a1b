// Where 署名 and 成文日期 sit for a report without a seal (GB/T 9704 §7.3.5.2): the signatory two
// characters in from the right; the date on the next line, its first character two characters right
// of the signatory's first; a date longer than that sits two characters in and pushes the signatory
// left instead. Shared by the renderers so they place the block alike.

/** Width in ems: half-width digits and Latin count half. */
export function textEms(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return n;
}

/** Right indents, in ems of the body font. */
export function signatureIndents(signatory: string, date: string | null): { signatory: number; date: number } {
  const s = textEms(signatory);
  const d = date ? textEms(date) : 0;
  if (signatory && s - d >= 2) return { signatory: 2, date: s - d };
  return { signatory: d + 4 - s, date: 2 };
}
