// The template's sum relations expanded into concrete equations between cell ids.
import { type CellId, cellId, cellInfo } from './cells.ts';
import { GOV_2021, type Template } from './template.ts';

export type Equation = { rule: string; kind: 'sum'; total: CellId; addends: CellId[]; addendsLabel: string } | { rule: string; kind: 'balance'; left: CellId[]; right: CellId[]; lineLabel: string };

export function expandRelations(template: Template): Equation[] {
  const out: Equation[] = [];
  for (const table of template.tables) {
    for (const rel of table.relations) {
      const lines = rel.each === 'row' ? table.rows.map((r) => r.id) : table.columns.map((c) => c.id);
      for (const line of lines) {
        const id = (other: string) => (rel.each === 'row' ? cellId(table.id, line, other) : cellId(table.id, other, line));
        if ('total' in rel) {
          out.push({ rule: rel.rule, kind: 'sum', total: id(rel.total), addends: rel.addends.map(id), addendsLabel: rel.addendsLabel });
        } else {
          const lineLabel = rel.each === 'row' ? table.rows.find((r) => r.id === line)!.shortLabel : `${table.columns.find((c) => c.id === line)!.label}列`;
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

/** What a template relation says, e.g. "表四每一行：总计 = 结果维持、结果纠正、其他结果、尚未审结之和". */
export function relationTitle(rule: string, template: Template = GOV_2021): string {
  for (const table of template.tables) {
    const rel = table.relations.find((r) => r.rule === rule);
    if (!rel) continue;
    // A relation over each column names rows, one over each row names columns.
    const name = (id: string) => (rel.each === 'column' ? table.rows.find((r) => r.id === id)!.shortLabel : table.columns.find((c) => c.id === id)!.shortLabel);
    const line = `表${table.number}每一${rel.each === 'row' ? '行' : '列'}`;
    if ('total' in rel) return `${line}：${name(rel.total)} = ${rel.addendsLabel}`;
    return `${line}：${rel.left.map(name).join(' + ')} = ${rel.right.map(name).join(' + ')}`;
  }
  throw new Error(`template ${template.format.id} has no relation ${rule}`);
}

/** What the continuity of a stock column says ("现行有效件数通常等于上年现行有效件数 + 本年制发件数 − 本年废止件数"). */
export function continuityTitle(template: Template = GOV_2021): string {
  const table = template.tables.find((t) => t.continuity)!;
  const { stock, added, removed } = table.continuity!;
  const name = (id: string) => table.columns.find((c) => c.id === id)!.shortLabel;
  return `${name(stock)}通常等于上年${name(stock)} + ${name(added)} − ${name(removed)}`;
}
