// The office's roll-up (汇总): tables 二/三/四 summed over the chosen reports of the subtree for a
// year, each report's newest revision with its totals derived, and the rule engine run on the sum.
import type { RollupCell, RollupInclude } from '../../api/oversight.ts';
import { type ReportStatus, STATUS_LABELS } from '../../api/workflow.ts';
import { type CellId, type Cells, checkReport, createBlankDocument, type Finding, sumCells } from '../../core/index.ts';
import type { RollupAgency, RollupFiles } from '../../export/rollup.ts';
import { SUBTREE_SQL } from '../access.ts';
import type { Queryable } from '../db/adapter.ts';
import { cellsFromValues } from './revision-summary.ts';

interface RollupRow {
  id: string;
  name: string;
  kind: 'department' | 'government';
  report_id: string | null;
  status: ReportStatus | null;
  errors: number | null;
  warnings: number | null;
  cell_values: (number | null)[] | null;
  [k: string]: unknown;
}

type LoadedAgency = RollupAgency & { reportId: string | null; status: ReportStatus | null };

export interface RollupData extends RollupFiles {
  agencies: LoadedAgency[];
  included: { agencyId: string; reportId: string; status: ReportStatus }[];
  excluded: { agencyId: string; agencyName: string; status: ReportStatus | null }[];
  findings: Finding[];
}

export async function loadRollup(db: Queryable, rootAgencyId: string, year: number, include: readonly RollupInclude[]): Promise<RollupData> {
  // The revisions' stored cell values (totals derived at save): no document is read.
  const rows = await db.query<RollupRow>(
    `${SUBTREE_SQL}
     select a.id, a.name, a.kind, r.id as report_id, r.status, v.errors, v.warnings,
            case when r.status = any($3::text[]) then v.cell_values end as cell_values
       from subtree s join agencies a on a.id = s.id
       left join reports r on r.agency_id = a.id and r.year = $2 and r.deleted_at is null
       left join revisions v on v.report_id = r.id and v.number = r.head
      order by a.name, a.id`,
    [rootAgencyId, year, [...include]],
  );
  const root = rows.find((r) => r.id === rootAgencyId)!;
  const agencies: LoadedAgency[] = rows.map((r) => {
    const included = r.cell_values !== null;
    return {
      agencyId: r.id,
      agencyName: r.name,
      reportId: r.report_id,
      status: r.status,
      statusLabel: r.status ? STATUS_LABELS[r.status] : '未开始',
      included,
      errors: r.errors,
      warnings: r.warnings,
      cells: included ? cellsFromValues(r.cell_values!) : null,
    };
  });
  const inc = agencies.filter((a) => a.included);
  const cells = sumCells(inc.map((a) => a.cells!));
  return {
    year,
    office: root.name,
    cells,
    agencies,
    included: inc.map((a) => ({ agencyId: a.agencyId, reportId: a.reportId!, status: a.status! })),
    excluded: agencies.filter((a) => !a.included).map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, status: a.status })),
    findings: rollupFindings(root.name, root.kind, year, cells),
  };
}

/** The rule engine on the summed tables (their totals are the agencies' computed totals, summed):
 *  only findings about cells (the roll-up has no prose). */
function rollupFindings(office: string, kind: 'department' | 'government', year: number, cells: Cells): Finding[] {
  const doc = { ...createBlankDocument({ agency: office, year, kind }), cells };
  return checkReport(doc, { totals: 'asPrinted' }).filter((f) => f.cells.length > 0);
}

/** Who contributes what to one summed cell. */
export function cellContributions(data: RollupData, cell: CellId): RollupCell['contributions'] {
  return data.agencies.filter((a) => a.included).map((a) => ({ agencyId: a.agencyId, agencyName: a.agencyName, reportId: a.reportId!, value: a.cells![cell] ?? null }));
}
