// Last year's report of a report: the one document the cross-year checks (carry-over, 现行有效,
// copied prose) compare with — in the editor, the diff against last year and the stored counts.
import type { ReportDocument } from '../core/index.ts';
import { LIVE, REPORT_COLUMNS, type ReportRow } from './access.ts';
import type { Queryable } from './db/adapter.ts';
import { getRevision } from './revisions.ts';
import { iso } from './serialize.ts';

export type LastYear =
  | { source: 'server'; report: ReportRow; published: boolean; revision: Awaited<ReturnType<typeof getRevision>> }
  | { source: 'uploaded'; fileName: string; uploadedAt: string; document: ReportDocument };

/**
 * The agency's own on the server, as published (if ever) or its newest draft; else the one imported
 * from a file when this report was created; null without either. The server's wins, since it is
 * the agency's checked record, while an import may have misread the file.
 */
export async function lastYear(db: Queryable, report: { id: string; agency_id: string; year: number }): Promise<LastYear | null> {
  const [prev] = await db.query<ReportRow>(`select ${REPORT_COLUMNS} from reports r join agencies a on a.id = r.agency_id where r.agency_id = $1 and r.year = $2 and ${LIVE}`, [
    report.agency_id,
    report.year - 1,
  ]);
  if (prev) {
    const [pub] = await db.query<{ revision: number }>('select revision from publications where report_id = $1 order by published_at desc limit 1', [prev.id]);
    return { source: 'server', report: prev, published: pub !== undefined, revision: await getRevision(db, prev.id, pub?.revision ?? prev.head) };
  }
  const [upload] = await db.query<{ previous_document: ReportDocument; previous_file_name: string; created_at: Date | string }>(
    'select previous_document, previous_file_name, created_at from reports where id = $1 and previous_document is not null',
    [report.id],
  );
  if (upload) return { source: 'uploaded', fileName: upload.previous_file_name, uploadedAt: iso(upload.created_at), document: upload.previous_document };
  return null;
}

export const lastYearDocument = (p: LastYear | null): ReportDocument | null => (p === null ? null : p.source === 'server' ? p.revision.document : p.document);
