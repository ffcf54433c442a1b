// Revisions of a report: every save stores the whole document with who, when and what changed.
import type { Revision, RevisionKind } from '../api/reports.ts';
import { type ChangeSummary, diffDocuments, type ReportDocument, summarizeDiff } from '../core/index.ts';
import type { Queryable } from './db/adapter.ts';
import { notFound } from './http/errors.ts';
import { summarizeRevision } from './oversight/revision-summary.ts';
import { iso } from './serialize.ts';

interface RevisionRow {
  number: number;
  document: ReportDocument;
  author_id: string;
  author_name: string;
  kind: RevisionKind;
  changes: ChangeSummary;
  created_at: Date | string;
  [k: string]: unknown;
}

const COLUMNS = `v.number, v.author_id, u.display_name as author_name, v.kind, v.changes, v.created_at`;

function info(r: RevisionRow): Revision {
  return { number: r.number, kind: r.kind, author: { id: r.author_id, displayName: r.author_name }, createdAt: iso(r.created_at), changes: r.changes };
}

export async function listRevisions(db: Queryable, reportId: string): Promise<Revision[]> {
  const rows = await db.query<RevisionRow>(`select ${COLUMNS} from revisions v join users u on u.id = v.author_id where v.report_id = $1 order by v.number desc`, [reportId]);
  return rows.map(info);
}

export async function getRevision(db: Queryable, reportId: string, number: number): Promise<Revision & { document: ReportDocument }> {
  const [row] = await db.query<RevisionRow>(`select ${COLUMNS}, v.document from revisions v join users u on u.id = v.author_id where v.report_id = $1 and v.number = $2`, [reportId, number]);
  if (!row) throw notFound(`未找到第 ${number} 版`);
  return { ...info(row), document: row.document };
}

export async function insertRevision(
  db: Queryable,
  r: {
    reportId: string;
    number: number;
    document: ReportDocument;
    author: { id: string; displayName: string };
    kind: RevisionKind;
    /** The revision before it, for what changed. */
    changedFrom: ReportDocument | null;
    /** Last year's report (src/server/last-year.ts), for the stored finding counts. */
    lastYear: ReportDocument | null;
  },
): Promise<Revision> {
  const changes = r.changedFrom ? summarizeDiff(diffDocuments(r.changedFrom, r.document)) : { cells: [], texts: [], fields: [] };
  const summary = summarizeRevision(r.document, r.lastYear);
  const [row] = await db.query<{ created_at: Date | string }>(
    'insert into revisions (report_id, number, document, author_id, kind, changes, errors, warnings, cell_values) values ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7, $8, $9) returning created_at',
    [r.reportId, r.number, JSON.stringify(r.document), r.author.id, r.kind, JSON.stringify(changes), summary.errors, summary.warnings, summary.cellValues],
  );
  return { number: r.number, kind: r.kind, author: { id: r.author.id, displayName: r.author.displayName }, createdAt: iso(row!.created_at), changes };
}
