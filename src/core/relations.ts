// The template's sum relations expanded into concrete equations between cell ids.
import { cellInfo, type CellId } from './cells.ts';
import { GOV_2021, type Template } from './template.ts';

export type Equation =
  | { rule: string; kind: 'sum'; total: CellId; addends: CellId[]; addendsLabel: string }
  | { rule: string; kind: 'balance'; left: CellId[]; right: CellId[]; lineLabel: string };

export function expandRelations(template: Template): Equation[] {
  const out: Equation[] = [];
  for (const table of template.tables) {
    for (const rel of table.relations) {
      const lines = rel.each === 'row' ? table.rows.map((r) => r.id) : table.columns.map((c) => c.id);
      for (const line of lines) {
        const id = (other: string) => (rel.each === 'row' ? `${table.id}.${line}.${other}` : `${table.id}.${other}.${line}`);
        if ('total' in rel) {
          out.push({ rule: rel.rule, kind: 'sum', total: id(rel.total), addends: rel.addends.map(id), addendsLabel: rel.addendsLabel });
        } else {
          const lineLabel =
            rel.each === 'row'
              ? table.rows.find((r) => r.id === line)!.shortLabel
              : `${table.columns.find((c) => c.id === line)!.label}列`;
          out.push({ rule: rel.rule, kind: 'balance', left: rel.left.map(id), right: rel.right.map(id), lineLabel: `${table.number}、${lineLabel}` });
        }
      }
    }
  }
  return out;
}

export const EQUATIONS: readonly Equation[] = expandRelations(GOV_2021);

/** Sum equations ordered so that a total is computed after any total it adds up. */
export const TOTAL_EQUATIONS = orderByDependency(EQUATIONS.filter((e) => e.kind === 'sum'));

function orderByDependency(equations: Extract<Equation, { kind: 'sum' }>[]) {
  const byTotal = new Map<CellId, Extract<Equation, { kind: 'sum' }>>();
  for (const eq of equations) if (!byTotal.has(eq.total)) byTotal.set(eq.total, eq);
  const ordered: Extract<Equation, { kind: 'sum' }>[] = [];
  const done = new Set<CellId>();
  const visit = (eq: Extract<Equation, { kind: 'sum' }>) => {
    if (done.has(eq.total)) return;
    done.add(eq.total);
    for (const a of eq.addends) {
      const dep = byTotal.get(a);
      if (dep) visit(dep);
    }
    ordered.push(eq);
  };
  for (const eq of byTotal.values()) visit(eq);
  return ordered;
}

export function equationCells(eq: Equation): CellId[] {
  return eq.kind === 'sum' ? [...eq.addends, eq.total] : [...eq.left, ...eq.right];
}

export function shortRowLabel(id: CellId): string {
  return cellInfo(id).row.shortLabel;
}
