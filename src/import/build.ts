// Lines (from any reader) → report document + problems + the findings only the importer can see.
import { CELL_IDS, type CellId, createBlankDocument, type Finding, GOV_2021, PROSE_KEYS, type ProseKey, type ReportDocument, sectionProse } from '../core/index.ts';
import type { TextLine } from './layout.ts';
import { contactFrom, findSections, issueDate, overviewProse, paragraphs } from './sections.ts';
import { type ReadOptions, readTable3, TABLE_READERS } from './tables.ts';

export interface BuiltReport {
  document: ReportDocument;
  problems: string[];
  findings: Finding[];
  /** False when no year was printed; document.year is then a placeholder. */
  yearFound: boolean;
  /** How many table cells were found at all (0: the file holds no report tables). */
  cellsRead: number;
}

export function buildReport(lines: TextLine[], options: ReadOptions & { source: string }): BuiltReport {
  const problems: string[] = [];
  const findings: Finding[] = [];
  const { headings, titleEnd, agency, year } = findSections(lines);
  const doc = createBlankDocument({ agency: agency ?? '', year: year ?? new Date().getFullYear() - 1, kind: agency && /人民政府$/.test(agency) ? 'government' : 'department' });
  doc.meta.source = options.source;
  if (!agency) problems.push('未找到标题中的机关名称');
  if (year === null) problems.push('未找到报告年度');

  const sections = GOV_2021.format.sections;
  const range = (id: string): TextLine[] | null => {
    const start = headings.get(id);
    if (start === undefined) return null;
    const next = sections
      .slice(sections.findIndex((s) => s.id === id) + 1)
      .map((s) => headings.get(s.id))
      .find((i) => i !== undefined);
    return lines.slice(start + 1, next ?? lines.length);
  };
  const firstHeading = Math.min(...headings.values(), lines.length);
  const preamble = paragraphs(lines.slice(titleEnd, firstHeading));
  doc.preamble = preamble.length ? preamble.join('\n') : null;

  let cellsRead = 0;
  const unread: CellId[] = [];
  // Table 三 first: its sums tell how this file orders each row's label and numbers, for table 二 too.
  const requests = range('requests');
  const t3 = requests && readTable3(requests, options);
  const prose: Partial<Record<ProseKey, string>> = {};
  for (const section of sections) {
    const body = range(section.id);
    if (!body) {
      problems.push(`未找到“${section.title}”${section.kind === 'table' ? `（表${section.number}）` : ''}`);
      if (section.kind === 'table') unread.push(...CELL_IDS.filter((id) => id.startsWith(`${section.table}.`)));
      continue;
    }
    if (section.kind === 'table') {
      const result = section.table === 't3' && t3 ? t3 : TABLE_READERS[section.table!](body, { ...options, numbersFirst: t3 ? t3.numbersFirst : false });
      Object.assign(doc.cells, result.cells);
      unread.push(...result.unread);
      Object.assign(doc.groupTotals, result.groupTotals);
      problems.push(...result.problems);
      findings.push(...result.findings);
      cellsRead += result.read;
      continue;
    }
    const paras = paragraphs(body);
    if (section.id === 'overview') Object.assign(prose, overviewProse(paras));
    else prose[sectionProse(section)[0]!.key] = paras.join('\n');
    if (section.id === 'other') doc.publication.date = issueDate(paras);
  }
  doc.unread = unread;
  for (const key of PROSE_KEYS) {
    const text = prose[key];
    if (text) doc.prose[key] = text;
  }
  doc.contact = contactFrom(doc.preamble ?? doc.prose['overview.intro']);
  doc.origin.cells = Object.fromEntries(
    Object.entries(doc.cells)
      .filter(([, v]) => v !== null)
      .map(([id]) => [id, 'imported' as const]),
  );
  doc.origin.prose = Object.fromEntries(
    Object.entries(doc.prose)
      .filter(([, v]) => v)
      .map(([k]) => [k, 'imported' as const]),
  );
  return { document: doc, problems, findings, yearFound: year !== null, cellsRead };
}
