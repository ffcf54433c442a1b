// The official format as data (templates/<id>/), resolved for its readers: the drawn grids' label
// cells get their text from the rows, columns and groups they name, short labels and units are
// derived from the official labels. The literal types (TableId, SectionId, ProseKey, TemplateCellId) are
// derived from the template's own text, so no id list is written anywhere else.

import TEMPLATE_SOURCES from '../../templates/index.ts';
import { AGENCY_KINDS, type AgencyKindSource, type GridCellSource, type LabelRoleSource, type RowGroupSource, type TableSource, type TemplateSource } from '../../templates/schema.ts';

export { AGENCY_KINDS };

type Source = (typeof TEMPLATE_SOURCES)[keyof typeof TEMPLATE_SOURCES];
type SourceTable = Source['tables'][number];
type SourceSection = Source['format']['sections'][number];

export type TableId = SourceTable['id'];
export type SectionId = SourceSection['id'];

type CellIdOf<T> = T extends { id: infer I extends string; rows: readonly (infer R)[] }
  ? R extends { id: infer RI extends string; columns: readonly (infer C)[] }
    ? C extends string
      ? `${I}.${RI}.${C}`
      : never
    : never
  : never;
/** `<table>.<row>.<column>` (interchange.md), exactly the template's cells: what `CellId` (cells.ts) is. */
export type TemplateCellId = CellIdOf<SourceTable>;

type ProseKeyOf<S> = S extends { id: infer I extends string; kind: 'prose' }
  ? S extends { intro: { id: infer N extends string }; parts: readonly (infer P)[] }
    ? `${I}.${N}` | (P extends { id: infer PI extends string } ? `${I}.${PI}` : never)
    : I
  : never;
/** A prose text of the report: a prose section, or the intro or a part of a section with parts. */
export type ProseKey = ProseKeyOf<SourceSection>;

export type AgencyKind = AgencyKindSource;
export type LabelRole = LabelRoleSource;

export interface TemplateColumn {
  id: string;
  label: string;
  /** The label without its trailing note ("本年收费金额"). */
  shortLabel: string;
  /** From a trailing "（单位：万元）". */
  unit?: string;
  /** 'money' for the fee (decimal 万元); counts otherwise. */
  value?: 'money';
}

export interface TemplateRow {
  id: string;
  /** The row's full name, its group's included where the grid draws the two apart (表四). */
  label: string;
  /** The row's own label as the grid prints it, under its group's ("未经复议直接起诉"). */
  gridLabel: string;
  shortLabel: string;
  /** Row group this row belongs to (t3: results / withheld / unable / declined / otherHandling). */
  parent?: string;
  columns: string[];
}

export interface TemplateRowGroup {
  id: string;
  label: string;
  shortLabel?: string;
  parent?: string;
}

/** A sum relation between cells, expanded per row or per column of the table. */
export type Relation =
  | { rule: string; each: 'row' | 'column'; total: string; addends: readonly string[]; addendsLabel: string }
  | { rule: string; each: 'row' | 'column'; left: readonly string[]; right: readonly string[] };

/** One cell of the drawn table: either fixed text or a data cell. */
export type GridCell = { text: string; role: LabelRole; colSpan?: number; rowSpan?: number } | { cell: TemplateCellId; colSpan?: number; rowSpan?: number };

/** How a kind of label cell is drawn, as the official template draws it. */
export interface CellRoleStyle {
  /** Background colour, 6 hex digits (table 二's light blue 第二十条 rows). */
  fill?: string;
  align?: 'left' | 'center';
}

export interface TemplateTable {
  id: TableId;
  number: string;
  section: SectionId;
  columns: TemplateColumn[];
  columnGroups?: readonly { id: string; label: string; columns: readonly string[] }[];
  rowGroups?: TemplateRowGroup[];
  rows: TemplateRow[];
  relations: readonly Relation[];
  /** 上年结转 (`into`) is last year's 结转下年度继续办理 (`from`), column by column. */
  carryOver?: { from: string; into: string };
  /** Rows whose `stock` column ≈ last year's + `added` − `removed`. */
  continuity?: { rows: readonly string[]; stock: string; added: string; removed: string };
  /** The row only some agencies may fill (规章), and the row the others' documents belong in. */
  restricted?: { row: string; otherwise: string };
  layout: {
    /** Relative widths of the grid's columns; renderers scale them to the text block. */
    columnWidths: number[];
    /** Rows repeated at the top of each page when the table breaks. */
    header: GridCell[][];
    body: GridCell[][];
    /** Row height and label styling taken from the official template file. */
    style?: {
      /** Least height of a row, mm (the template's trHeight plus its paragraphs' spacing). */
      minRowHeightMm?: number;
      roles?: Partial<Record<LabelRole, CellRoleStyle>>;
    };
  };
}

export interface ProsePart {
  id: string;
  number: string;
  title: string;
  guidance: string;
}

export interface TemplateSection {
  id: SectionId;
  number: string;
  title: string;
  kind: 'prose' | 'table';
  table?: TableId;
  guidance: string;
  intro?: { id: string; title: string };
  parts?: readonly ProsePart[];
}

export type ClaimTarget = keyof TemplateSource['format']['claims'];

export interface FormatTemplate {
  id: string;
  name: string;
  issuedBy: string;
  titlePattern: string;
  years: { first: number; last: number };
  deadlines: Record<AgencyKind, { month: number; day: number; basis: string }>;
  agencyKinds: Record<AgencyKind, string>;
  preamble: TemplateSource['format']['preamble'];
  sections: readonly TemplateSection[];
  claims: Record<ClaimTarget, readonly TemplateCellId[]>;
  outdatedPhrases: readonly { id: string; pattern: string; now: string }[];
}

export type PageStyle = TemplateSource['pageStyle'];
export type FontRoleName = keyof PageStyle['roles'];
export type FontRole = PageStyle['roles'][FontRoleName];

export interface Template {
  format: FormatTemplate;
  tables: readonly TemplateTable[];
  pageStyle: PageStyle;
}

/** A trailing "（…）" is a note to the reader, not part of the name. */
const TRAILING_NOTE = /（[^（）]*）$/;
const UNIT_NOTE = /（单位：([^（）]+)）$/;
const GROUP_NUMBER = /^（[一二三四五六七八九十]+）/;

function withoutNote(label: string): string {
  return label.replace(TRAILING_NOTE, '') || label;
}

function resolveTable(table: TableSource & { id: TableId; section: SectionId }): TemplateTable {
  const need = <T>(found: T | undefined, what: string): T => {
    if (found === undefined) throw new Error(`template table ${table.id}: unknown ${what}`);
    return found;
  };
  const group = (id: string) =>
    need(
      table.rowGroups?.find((g) => g.id === id),
      `row group ${id}`,
    );
  const fill = (pattern: string, g: RowGroupSource | undefined, row: string) =>
    pattern
      .replace('{groupNumber}', g?.label.match(GROUP_NUMBER)?.[0] ?? '')
      .replace('{group}', g?.label ?? '')
      .replace('{row}', row);
  const rows = table.rows.map((r): TemplateRow => {
    const g = r.parent === undefined ? undefined : group(r.parent);
    return {
      id: r.id,
      label: fill(g?.labelPattern ?? '{row}', g, r.label),
      gridLabel: r.label,
      shortLabel: r.shortLabel ?? fill(g?.shortLabelPattern ?? '{row}', g, withoutNote(r.label)),
      ...(r.parent !== undefined && { parent: r.parent }),
      columns: [...r.columns],
    };
  });
  const columns = table.columns.map((c): TemplateColumn => {
    const unit = c.label.match(UNIT_NOTE)?.[1];
    return { id: c.id, label: c.label, shortLabel: withoutNote(c.label), ...(unit && { unit }), ...(c.value && { value: c.value }) };
  });
  const text = (cell: GridCellSource): GridCell => {
    const { colSpan, rowSpan } = cell;
    const spans = { ...(colSpan && { colSpan }), ...(rowSpan && { rowSpan }) };
    if ('cell' in cell) return { cell: dataCell(cell.cell), ...spans };
    const label =
      'text' in cell
        ? cell.text
        : 'row' in cell
          ? need(
              table.rows.find((r) => r.id === cell.row),
              `row ${cell.row}`,
            ).label
          : 'group' in cell
            ? group(cell.group).label
            : 'column' in cell
              ? need(
                  table.columns.find((c) => c.id === cell.column),
                  `column ${cell.column}`,
                ).label
              : need(
                  table.columnGroups?.find((g) => g.id === cell.columnGroup),
                  `column group ${cell.columnGroup}`,
                ).label;
    return { text: label, role: cell.role, ...spans };
  };
  // Every command loads the template: the ids are listed once, not searched for per drawn cell.
  const cellIds = new Set(table.rows.flatMap((r) => r.columns.map((c) => `${table.id}.${r.id}.${c}`)));
  const dataCell = (id: string): TemplateCellId => {
    need(cellIds.has(id) ? id : undefined, `cell ${id}`);
    // Checked just above against the rows and columns TemplateCellId is derived from.
    return id as TemplateCellId;
  };
  const grid = (rows: TableSource['layout']['body']) => rows.map((row) => row.map(text));
  return {
    ...table,
    columns,
    rows,
    rowGroups: table.rowGroups?.map(({ id, label, shortLabel, parent }) => ({ id, label, ...(shortLabel && { shortLabel }), ...(parent && { parent }) })),
    layout: { ...table.layout, columnWidths: [...table.layout.columnWidths], header: grid(table.layout.header), body: grid(table.layout.body) },
  };
}

function resolve(source: Source): Template {
  return {
    format: { ...source.format, sections: source.format.sections },
    tables: source.tables.map(resolveTable),
    pageStyle: source.pageStyle,
  };
}

export type FormatId = keyof typeof TEMPLATE_SOURCES;
export const FORMAT_IDS = Object.keys(TEMPLATE_SOURCES) as [FormatId, ...FormatId[]];

const TEMPLATES = Object.fromEntries(FORMAT_IDS.map((id) => [id, resolve(TEMPLATE_SOURCES[id])])) as Record<FormatId, Template>;

export const GOV_2021: Template = TEMPLATES['gov-2021'];

export function getTemplate(id: FormatId = 'gov-2021'): Template {
  return TEMPLATES[id];
}

export function getTable(template: Template, id: TableId): TemplateTable {
  const table = template.tables.find((t) => t.id === id);
  if (!table) throw new Error(`template ${template.format.id} has no table ${id}`);
  return table;
}

/** A prose section's texts in reading order: its intro and each part, or the section itself. */
export function sectionProse(section: TemplateSection): { key: ProseKey; part?: ProsePart }[] {
  if (!section.intro || !section.parts) return [{ key: section.id as ProseKey }];
  // The keys are ProseKey by construction (ProseKeyOf builds the type the same way).
  return [{ key: `${section.id}.${section.intro.id}` as ProseKey }, ...section.parts.map((part) => ({ key: `${section.id}.${part.id}` as ProseKey, part }))];
}

/** The template's prose texts in reading order. */
export function proseKeys(template: Template): ProseKey[] {
  return template.format.sections.filter((s) => s.kind === 'prose').flatMap((s) => sectionProse(s).map((p) => p.key));
}

/** The section a prose text belongs to. */
export function proseSection(key: ProseKey, template: Template = GOV_2021): SectionId {
  const section = template.format.sections.find((s) => key === s.id || key.startsWith(`${s.id}.`));
  if (!section) throw new Error(`template ${template.format.id} has no prose ${key}`);
  return section.id;
}
