// A template table laid out once for every medium (PDF, DOCX, HTML, the editor's grid): each cell
// placed in the grid with its width, alignment, shading, header role and stacking, and each row with
// whether it must stay on the page of the row after it. The media only draw what this decides.
import { type CellId, type GridCell, type LabelRole, type PageStyle, placeGrid, type TemplateTable } from '../core/index.ts';
import { PT_PER_MM, textBlockWidthPt } from './page-grid.ts';

/** Which cells a label heads (HTML's th scope): its columns, the rows of its group, or its row. */
export type HeaderScope = 'col' | 'rowgroup' | 'row';

interface PlacedCellBase {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The template's relative column widths over the cell's columns, scaled to the text block. */
  widthPt: number;
  align: 'left' | 'center';
  /** Background colour from the template's table style, 6 hex digits, or null. */
  fill: string | null;
}

export type PlacedCell =
  | (PlacedCellBase & { kind: 'data'; cellId: CellId; text: string })
  | (PlacedCellBase & {
      kind: 'label';
      role: LabelRole;
      text: string;
      /** null: a corner note, which heads nothing. */
      scope: HeaderScope | null;
      /** Set one character per line, reading top to bottom (stackedLabelChars gives the characters). */
      stacked: boolean;
    });

export interface LayoutRow {
  cells: PlacedCell[];
  /** Repeated at the top of each page the table continues on. */
  header: boolean;
  /** A row without data (a caption or column heads) never ends a page: it stays with the next row. */
  keepWithNext: boolean;
}

export interface TableLayout {
  table: TemplateTable;
  /** Each grid column's share of the text block (they add up to 1). */
  columnShares: number[];
  /** Each grid column's width in points. */
  columnWidthsPt: number[];
  rows: LayoutRow[];
  headerRows: number;
  /** The least row height the template's table style asks for, in points (0: none). */
  minRowHeightPt: number;
}

/** Lays out `table` for the text block of `page`; `text` gives each data cell's printed text (none: ''). */
export function layoutTable(table: TemplateTable, page: PageStyle, text: (cellId: CellId) => string = () => ''): TableLayout {
  const { columnWidths, header, style } = table.layout;
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const textWidth = textBlockWidthPt(page);
  const columnShares = columnWidths.map((w) => w / total);
  const sizePt = page.roles.table.sizePt;
  const placed: PlacedCell[][] = [...header, ...table.layout.body].map(() => []);
  for (const { cell, row, col, rowSpan, colSpan } of placeGrid(table)) {
    const widthPt = (columnWidths.slice(col, col + colSpan).reduce((a, b) => a + b, 0) / total) * textWidth;
    const base = { row, col, rowSpan, colSpan, widthPt, align: cellAlign(table, cell), fill: cellFill(table, cell) };
    placed[row]!.push(
      'cell' in cell
        ? { ...base, kind: 'data', cellId: cell.cell, text: text(cell.cell) }
        : { ...base, kind: 'label', role: cell.role, text: cell.text, scope: SCOPES[cell.role], stacked: isStackedLabel(cell, widthPt, sizePt) },
    );
  }
  return {
    table,
    columnShares,
    columnWidthsPt: columnShares.map((s) => s * textWidth),
    rows: placed.map((cells, r) => ({ cells, header: r < header.length, keepWithNext: cells.every((c) => c.kind === 'label') })),
    headerRows: header.length,
    minRowHeightPt: (style?.minRowHeightMm ?? 0) * PT_PER_MM,
  };
}

/**
 * The body rows in row groups, each caption row opening its own (table 二's four 第二十条 parts):
 * the rows a caption's scope="rowgroup" heads.
 */
export function bodyGroups(layout: TableLayout): LayoutRow[][] {
  const groups: LayoutRow[][] = [];
  for (const row of layout.rows.filter((r) => !r.header)) {
    const opens = row.cells.length === 1 && row.cells[0]!.kind === 'label' && row.cells[0]!.scope === 'rowgroup';
    if (groups.length === 0 || opens) groups.push([]);
    groups.at(-1)!.push(row);
  }
  return groups;
}

/** The layout's cells in grid order (rows top to bottom, each left to right). */
export function layoutCells(layout: TableLayout): PlacedCell[] {
  return layout.rows.flatMap((r) => r.cells);
}

/**
 * Column widths in whole units (DOCX twips) that add up exactly to `total`: each column's share
 * rounded down, the last column taking what is left.
 */
export function wholeColumnWidths(layout: TableLayout, total: number): number[] {
  const widths = layout.columnShares.map((s) => Math.floor(s * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const SCOPES: Record<LabelRole, HeaderScope | null> = { header: 'col', caption: 'rowgroup', rowLabel: 'row', corner: null };

/**
 * A merged row label in a column too narrow for three characters — table 三's "三、本年度办理结果",
 * 22 rows high — is set one character per line, centred, reading top to bottom as published
 * reports print it; wrapped two by two it reads neither across nor down.
 */
function isStackedLabel(cell: Extract<GridCell, { text: string }>, widthPt: number, sizePt: number): boolean {
  return cell.role === 'rowLabel' && (cell.rowSpan ?? 1) > 1 && widthPt < 3 * sizePt;
}

/** Punctuation in its vertical presentation form (、 → ︑), as vertical text sets it. */
const VERTICAL_FORMS: Record<string, string> = { '、': '︑', '，': '︐', '。': '︒', '：': '︓', '；': '︔', '（': '︵', '）': '︶', '“': '﹁', '”': '﹂' };

/** The characters of a stacked label top to bottom, punctuation in vertical form (NFKC gives the text back). */
export function stackedLabelChars(text: string): string[] {
  return Array.from(text.replace(/\s+/gu, '')).map((ch) => VERTICAL_FORMS[ch] ?? ch);
}

/**
 * Numbers, heads and merged labels are centred; captions and one-row labels start at the left,
 * unless the template's table style says otherwise (table 二 centres its 第二十条 captions).
 */
function cellAlign(table: TemplateTable, cell: GridCell): 'left' | 'center' {
  if ('cell' in cell) return 'center';
  const styled = table.layout.style?.roles?.[cell.role]?.align;
  if (styled) return styled;
  return cell.role === 'caption' || (cell.role === 'rowLabel' && (cell.rowSpan ?? 1) === 1) ? 'left' : 'center';
}

function cellFill(table: TemplateTable, cell: GridCell): string | null {
  return 'cell' in cell ? null : (table.layout.style?.roles?.[cell.role]?.fill ?? null);
}
