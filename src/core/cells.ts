// Cell ids (docs/interchange.md) and their labels, derived from the template's rows and columns.
import { GOV_2021, type TableId, type TemplateColumn, type TemplateRow, type TemplateTable } from './template.ts';

export type CellId = string;

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
        const id = `${table.id}.${row.id}.${colId}`;
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
const BY_ID = new Map(CELLS.map((c) => [c.id, c]));

export function cellInfo(id: CellId): CellInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown cell id ${id}`);
  return info;
}

export function isCellId(id: string): boolean {
  return BY_ID.has(id);
}

export function cellLabel(id: CellId): string {
  return cellInfo(id).label;
}
