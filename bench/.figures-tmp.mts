// Before/after figures on the corpus: node figures.mts <repo root>
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
const root = process.argv[2]!;
const core = await import(`${root}/src/core/index.ts`);
const { importReportFile } = await import(`${root}/src/import/index.ts`);
const { CONVERTERS, AGENCY_PLACES, pageWithAgencyIn } = await import(`${root}/tests/import/converters.ts`);
const { distinctDocument, publishedText, publishedHtml } = await import(`${root}/tests/import/generate.ts`);
const { consistentDocumentArb, consistentDocument } = await import(`${root}/tests/support/documents.ts`);
const enc = (s: string) => new TextEncoder().encode(s);
const errorsOf = (doc: any) => core.checkReport(doc).filter((f: any) => f.severity === 'error').length;
async function imp(name: string, text: string | Uint8Array) { try { return await importReportFile(name, typeof text === 'string' ? enc(text) : text); } catch { return null; } }
function score(doc: any, got: any) { let right = 0, wrong = 0, none = 0; for (const id of core.CELL_IDS) { const v = got?.document.cells[id] ?? null; if (v === null) { if (doc.cells[id] === null) right++; else none++; } else if (v === doc.cells[id]) right++; else wrong++; } return { right, wrong, none }; }
const out: Record<string, any> = {};
// 1. converter layouts
{ const doc = distinctDocument(['t3.granted.research']); let right = 0, wrong = 0, none = 0, refused = 0, ident = 0;
  const seed = { results: Array.from({ length: 21 }, (_, k) => (k * 7) % 5), carriedIn: 2, carriedOut: 3 };
  const cons = consistentDocument({ t3: Array.from({ length: 6 }, () => seed), t4: [[1, 2, 0, 1], [0, 1, 0, 0], [3, 0, 0, 0]], t2: [0, 0, 0, 4, 1, 30, 12, 8, 2], fee: 0 });
  let consErrors = 0;
  for (const [, conv] of CONVERTERS) { const r = await imp('c.md', conv(doc)); if (!r) refused++; const s = score(doc, r); right += s.right; wrong += s.wrong; none += s.none; if (r && r.document.agency.name === doc.agency.name && r.yearFound && r.document.year === doc.year) ident++;
    const rc = await imp('c.md', conv(cons)); if (rc) consErrors += errorsOf(rc.document); }
  out.converters = { layouts: CONVERTERS.length, cells: CONVERTERS.length * 200, right, wrong, notRead: none, refused, agencyAndYear: ident, errorFindingsOnConsistent: consErrors }; }
// 2. agency places
{ const doc = distinctDocument(); let found = 0, n = 0;
  for (const [, print] of AGENCY_PLACES) { n++; const r = await imp('a.txt', print(doc)); if (r?.document.agency.name === doc.agency.name) found++; }
  for (const where of ['title', 'breadcrumb']) { n++; const body = publishedHtml(doc).replace(/^[\s\S]*?<\/h1>/, '').replace('</body></html>', ''); const r = await imp('a.html', pageWithAgencyIn(where, doc, body)); if (r?.document.agency.name === doc.agency.name) found++; }
  out.agency = { cases: n, found }; }
// 3. cut reports
{ const layouts = ['tab', 'pipe', 'markdown', 'cellPerLine', 'blankLines', 'wideSpaces'];
  const samples = fc.sample(fc.tuple(consistentDocumentArb, fc.constantFrom(...layouts), fc.double({ min: 0, max: 1, noNaN: true })), { numRuns: 300, seed: 42 });
  let errors = 0, withErrors = 0, wrong = 0, readable = 0;
  for (const [doc, layout, at] of samples) { const lines = publishedText(doc, { layout }).split('\n'); const r = await imp('cut.txt', lines.slice(0, Math.floor(at * lines.length)).join('\n')); if (!r) continue; readable++; const e = errorsOf(r.document); errors += e; if (e) withErrors++; wrong += score(doc, r).wrong; }
  out.cut = { reports: samples.length, readable, errorFindings: errors, reportsWithErrors: withErrors, wrongCells: wrong }; }
// 4. lost label
{ const samples = fc.sample(fc.tuple(consistentDocumentArb, fc.constantFrom('tab', 'pipe', 'wideSpaces'), fc.nat()), { numRuns: 200, seed: 43 });
  let errors = 0, withErrors = 0, wrong = 0;
  for (const [doc, layout, pick] of samples) { const lines = publishedText(doc, { layout }).split('\n'); const start = lines.findIndex((l: string) => l.includes('本年新收')); const end = lines.findIndex((l: string) => l.includes('结转下年度继续办理'));
    const rows = lines.map((_: string, i: number) => i).filter((i: number) => i >= start && i <= end && /(\d+\D+){6}\d+\s*\|?\s*$/.test(lines[i]!)); const i = rows[pick % rows.length]!; const nums = lines[i]!.match(/\d+/g)!.slice(-7); const sep = layout === 'tab' ? '\t' : layout === 'wideSpaces' ? '    ' : ' | '; lines[i] = nums.join(sep) + (layout === 'pipe' ? ' |' : '');
    const r = await imp('l.txt', lines.join('\n')); if (!r) continue; const e = errorsOf(r.document); errors += e; if (e) withErrors++; wrong += score(doc, r).wrong; }
  out.lostLabel = { reports: samples.length, errorFindings: errors, reportsWithErrors: withErrors, wrongCells: wrong }; }
// 5. real fixtures
{ const rows: any[] = [];
  for (const n of ['hongze-2023', 'hongze-2024', 'huaian-2024']) { const r = await imp(`${n}.pdf`, new Uint8Array(readFileSync(`/work/shared/fixtures/published/${n}.pdf`))); rows.push([n, r?.document.agency.name, r?.document.year, errorsOf(r!.document)]); }
  out.fixtures = rows; }
console.log(JSON.stringify(out));
