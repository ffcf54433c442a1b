// Cell ids (docs/interchange.md) and their labels, derived from the template's rows and columns.
import { GOV_2021, type TableId, type TemplateCellId, type TemplateColumn, type TemplateRow, type TemplateTable } from './template.ts';

/** `<table>.<row>.<column>`: exactly the registered templates' cells. Untrusted strings become one through `isCellId`. */
export type CellId = TemplateCellId;

export interface CellInfo {
  id: CellId;
  table: TableId;
  tableNumber: string;
  row: TemplateRow;
  column: TemplateColumn;
  /** 'money' (decimal 万元, ≥ 0) or 'count' (integer ≥ 0). */
  value: 'money' | 'count';
  /** True when the form computes the cell from its addends instead of letting the user type it. */
  computed: boolean;
  /** Human label naming the cell, e.g. "三、（七）总计·自然人". */
  label: string;
}

function computedCells(table: TemplateTable): Set<string> {
  const out = new Set<string>();
  for (const rel of table.relations) {
    if (!('total' in rel)) continue;
    if (rel.each === 'row') for (const row of table.rows) out.add(`${table.id}.${row.id}.${rel.total}`);
    else for (const col of table.columns) out.add(`${table.id}.${rel.total}.${col.id}`);
  }
  return out;
}

function buildCells(tables: readonly TemplateTable[]): CellInfo[] {
  const cells: CellInfo[] = [];
  for (const table of tables) {
    const computed = computedCells(table);
    for (const row of table.rows) {
      for (const colId of row.columns) {
        const column = table.columns.find((c) => c.id === colId);
        if (!column) throw new Error(`${table.id}.${row.id}: unknown column ${colId}`);
        // A CellId by construction: TemplateCellId is derived from the same rows and columns.
        const id = `${table.id}.${row.id}.${colId}` as CellId;
        const colLabel = column.shortLabel ?? column.label;
        cells.push({
          id,
          table: table.id,
          tableNumber: table.number,
          row,
          column,
          value: column.value === 'money' ? 'money' : 'count',
          computed: computed.has(id),
          label: `${table.number}、${row.shortLabel}·${colLabel}`,
        });
      }
    }
  }
  return cells;
}

export const CELLS: readonly CellInfo[] = buildCells(GOV_2021.tables);
export const CELL_IDS: readonly CellId[] = CELLS.map((c) => c.id);
const BY_ID = new Map<string, CellInfo>(CELLS.map((c) => [c.id, c]));

export function cellInfo(id: CellId): CellInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown cell id ${id}`);
  return info;
}

export function isCellId(id: string): id is CellId {
  return BY_ID.has(id);
}

/** The cell `<table>.<row>.<column>` of a template's rows and columns; throws when the template has none. */
export function cellId(table: string, row: string, column: string): CellId {
  const id = `${table}.${row}.${column}`;
  if (!isCellId(id)) throw new Error(`unknown cell id ${id}`);
  return id;
}

/** A value for every cell. */
export function cellRecord<T>(value: (id: CellId, index: number) => T): Record<CellId, T> {
  // Every CellId is a key: CELL_IDS lists them all.
  return Object.fromEntries(CELL_IDS.map((id, i) => [id, value(id, i)])) as Record<CellId, T>;
}

/** A record's entries by cell id, in its own order (Object.entries types its keys as string). */
export function cellEntries<T>(record: Partial<Record<CellId, T>>): [CellId, T][] {
  return Object.entries(record) as [CellId, T][];
}

export function cellLabel(id: CellId): string {
  return cellInfo(id).label;
}
