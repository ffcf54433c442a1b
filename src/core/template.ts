// The official format as data (templates/gov-2021). Everything that draws or checks a table reads
// these types; no row, column or label is written anywhere else.
import format from '../../templates/gov-2021/format.json' with { type: 'json' };
import tables from '../../templates/gov-2021/tables.json' with { type: 'json' };
import pageStyle from '../../templates/gov-2021/page-style.json' with { type: 'json' };

export type TableId = 't2' | 't3' | 't4';

export interface TemplateColumn {
  id: string;
  label: string;
  shortLabel?: string;
  unit?: string;
  /** 'money' for the fee (decimal 万元); counts otherwise. */
  value?: 'money';
}

export interface TemplateRow {
  id: string;
  label: string;
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
  | { rule: string; each: 'row' | 'column'; total: string; addends: string[]; addendsLabel: string }
  | { rule: string; each: 'row' | 'column'; left: string[]; right: string[] };

/** One cell of the drawn table: either fixed text or a data cell. */
export type GridCell =
  | { text: string; role: 'header' | 'caption' | 'corner' | 'rowLabel'; colSpan?: number; rowSpan?: number }
  | { cell: string; colSpan?: number; rowSpan?: number };

/** How a kind of label cell is drawn, as the official template draws it. */
export interface CellRoleStyle {
  /** Background colour, 6 hex digits (table 二's light blue 第二十条 rows). */
  fill?: string;
  align?: 'left' | 'center';
}

export type LabelRole = Extract<GridCell, { text: string }>['role'];

export interface TemplateTable {
  id: TableId;
  number: string;
  section: string;
  columns: TemplateColumn[];
  columnGroups?: { label: string; columns: string[] }[];
  rowGroups?: TemplateRowGroup[];
  rows: TemplateRow[];
  relations: Relation[];
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
  id: string;
  number: string;
  title: string;
  kind: 'prose' | 'table';
  table?: TableId;
  guidance: string;
  parts?: ProsePart[];
}

export type AgencyKind = 'department' | 'government';

export interface FormatTemplate {
  id: string;
  name: string;
  issuedBy: string;
  titlePattern: string;
  deadlines: Record<AgencyKind, { month: number; day: number; basis: string }>;
  preamble: { guidance: string; sentences: string[]; contactParts: { field: string; label: string }[] };
  sections: TemplateSection[];
}

export interface FontRole {
  font: string;
  sizePt: number;
  sizeName: string;
  align?: 'center';
  firstLineIndentChars?: number;
}

export type FontRoleName = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'table' | 'pageNumber';

export interface PageStyle {
  standard: string;
  paper: { size: string; widthMm: number; heightMm: number };
  marginsMm: { top: number; bottom: number; left: number; right: number };
  grid: { linesPerPage: number; charsPerLine: number; linePitchPt: number };
  latinFont: string;
  roles: Record<FontRoleName, FontRole>;
  pageNumber: { pattern: string; offsetBelowTextMm: number; oddAlign: 'right'; evenAlign: 'left'; indentChars: number };
  dateFormat: string;
}

export interface Template {
  format: FormatTemplate;
  tables: TemplateTable[];
  pageStyle: PageStyle;
}

export const GOV_2021: Template = {
  format: format as FormatTemplate,
  tables: tables.tables as TemplateTable[],
  pageStyle: pageStyle as PageStyle,
};

export const FORMAT_IDS = ['gov-2021'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

const TEMPLATES: Record<FormatId, Template> = { 'gov-2021': GOV_2021 };

export function getTemplate(id: FormatId = 'gov-2021'): Template {
  return TEMPLATES[id];
}

export function getTable(template: Template, id: TableId): TemplateTable {
  const table = template.tables.find((t) => t.id === id);
  if (!table) throw new Error(`template ${template.format.id} has no table ${id}`);
  return table;
}
