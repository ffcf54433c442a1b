// The shape every format folder (templates/<id>/) is written in. Each label is written once: the
// drawn grids refer to rows, columns and groups by id, and short labels are derived from the
// official ones (src/core/template.ts) unless a row gives its own.

/** Who publishes (条例第四十九条): the kinds every format names and gives a deadline. */
export const AGENCY_KINDS = ['department', 'government'] as const;
export type AgencyKindSource = (typeof AGENCY_KINDS)[number];

/** The document's contact fields the preamble can print. */
export type ContactFieldSource = 'address' | 'postcode' | 'phone' | 'fax' | 'email';

export interface ColumnSource {
  readonly id: string;
  /** Verbatim; a trailing "（单位：万元）" gives the column its unit and is left out of its short label. */
  readonly label: string;
  /** 'money' for the fee (decimal 万元); counts otherwise. */
  readonly value?: 'money';
}

export interface RowSource {
  readonly id: string;
  /** Verbatim as the grid prints it (under its group, when it has one). */
  readonly label: string;
  /** Only where the official label cannot yield it: the label without a trailing "（…）" note otherwise. */
  readonly shortLabel?: string;
  readonly parent?: string;
  readonly columns: readonly string[];
}

export interface RowGroupSource {
  readonly id: string;
  readonly label: string;
  readonly shortLabel?: string;
  readonly parent?: string;
  /** How a row's full label is made from the group's and its own: {group}, {row}. Default "{row}". */
  readonly labelPattern?: string;
  /** How a row's short label is made: {group}, {groupNumber} (the group's "（三）"), {row}. Default "{row}". */
  readonly shortLabelPattern?: string;
}

export type RelationSource =
  | { readonly rule: string; readonly each: 'row' | 'column'; readonly total: string; readonly addends: readonly string[]; readonly addendsLabel: string }
  | { readonly rule: string; readonly each: 'row' | 'column'; readonly left: readonly string[]; readonly right: readonly string[] };

export type LabelRoleSource = 'header' | 'caption' | 'corner' | 'rowLabel';

interface Span {
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

/** One cell of a drawn grid: text printed only here, a row's/group's/column's label, or a data cell. */
export type GridCellSource = Span &
  (
    | { readonly text: string; readonly role: LabelRoleSource }
    | { readonly row: string; readonly role: LabelRoleSource }
    | { readonly group: string; readonly role: LabelRoleSource }
    | { readonly column: string; readonly role: LabelRoleSource }
    | { readonly columnGroup: string; readonly role: LabelRoleSource }
    | { readonly cell: string }
  );

export interface TableSource {
  readonly id: string;
  readonly number: string;
  readonly section: string;
  readonly columns: readonly ColumnSource[];
  readonly columnGroups?: readonly { readonly id: string; readonly label: string; readonly columns: readonly string[] }[];
  readonly rowGroups?: readonly RowGroupSource[];
  readonly rows: readonly RowSource[];
  readonly relations: readonly RelationSource[];
  /** 上年结转 is last year's 结转下年度继续办理, column by column: the rows' ids. */
  readonly carryOver?: { readonly from: string; readonly into: string };
  /** Rows whose stock continues from last year: stock ≈ last year's stock + added − removed (columns' ids). */
  readonly continuity?: { readonly rows: readonly string[]; readonly stock: string; readonly added: string; readonly removed: string };
  /** The row only some agencies may fill (规章), and where the others' documents belong. */
  readonly restricted?: { readonly row: string; readonly otherwise: string };
  readonly layout: {
    readonly columnWidths: readonly number[];
    readonly header: readonly (readonly GridCellSource[])[];
    readonly body: readonly (readonly GridCellSource[])[];
    readonly style?: {
      readonly minRowHeightMm?: number;
      readonly roles?: Partial<Record<LabelRoleSource, { readonly fill?: string; readonly align?: 'left' | 'center' }>>;
    };
  };
}

export interface ProsePartSource {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly guidance: string;
}

export interface SectionSource {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly kind: 'prose' | 'table';
  readonly table?: string;
  readonly guidance: string;
  /** The text before the first part, when the section has parts. */
  readonly intro?: { readonly id: string; readonly title: string };
  readonly parts?: readonly ProsePartSource[];
}

export interface FormatSource {
  readonly id: string;
  readonly name: string;
  readonly issuedBy: string;
  readonly titlePattern: string;
  /** Report years a document may have. */
  readonly years: { readonly first: number; readonly last: number };
  readonly deadlines: Record<AgencyKindSource, { readonly month: number; readonly day: number; readonly basis: string }>;
  /** What each kind of agency is called (条例第四十九条). */
  readonly agencyKinds: Record<AgencyKindSource, string>;
  readonly preamble: {
    readonly guidance: string;
    readonly sentences: readonly string[];
    readonly contactParts: readonly { readonly field: ContactFieldSource; readonly label: string }[];
    /** The label of the report's download address ({website} in the sentences). */
    readonly websiteLabel: string;
  };
  readonly sections: readonly SectionSource[];
  /**
   * What numbers in the prose speak of (cell ids; a claim's number is the cells' sum): the prose
   * rules read "收到申请 X 件" and the like against these.
   */
  readonly claims: Record<'received' | 'carriedIn' | 'handled' | 'carriedOut' | 'reconsideration' | 'litigation' | 'unpaidFee', readonly string[]>;
  /**
   * Phrases of the format this one replaced (2019 trial format; a regular expression, matched in the
   * prose and in the tables' text), with what this format says instead.
   */
  readonly outdatedPhrases: readonly { readonly id: string; readonly pattern: string; readonly now: string }[];
}

export interface PageStyleSource {
  readonly standard: string;
  readonly paper: { readonly size: string; readonly widthMm: number; readonly heightMm: number };
  readonly marginsMm: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly grid: { readonly linesPerPage: number; readonly charsPerLine: number; readonly linePitchPt: number };
  readonly latinFont: string;
  readonly roles: Record<
    'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'table' | 'pageNumber',
    { readonly font: string; readonly sizePt: number; readonly sizeName: string; readonly align?: 'center'; readonly firstLineIndentChars?: number }
  >;
  readonly pageNumber: { readonly pattern: string; readonly offsetBelowTextMm: number; readonly oddAlign: 'right'; readonly evenAlign: 'left'; readonly indentChars: number };
  readonly dateFormat: string;
}

export interface TemplateSource {
  readonly format: FormatSource;
  readonly tables: readonly TableSource[];
  readonly pageStyle: PageStyleSource;
}
