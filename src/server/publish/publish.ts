// Publishing freezes a report: the file of each published export format (../../export/formats.ts)
// is made once from the approved revision and stored with its SHA-256; downloads later return
// those bytes, never a fresh rendering.
import { createHash, randomUUID } from 'node:crypto';
import type { Publication, PublishAnswer } from '../../api/reports.ts';
import { TRANSITIONS } from '../../api/workflow.ts';
import { type ReportDocument, reportTitle } from '../../core/index.ts';
import { type ExportFormat, PUBLISHED_FORMATS } from '../../export/formats.ts';
import { reportFor } from '../access.ts';
import { audit } from '../audit.ts';
import type { SessionUser } from '../context.ts';
import type { Db, Queryable } from '../db/adapter.ts';
import { notFound } from '../http/errors.ts';
import { installedFonts } from '../installed-fonts.ts';
import { recountFollowingYear } from '../oversight/recount.ts';
import { getRevision } from '../revisions.ts';
import { iso, reportSummary } from '../serialize.ts';
import { assertNoErrors, assertTransition } from '../workflow-guards.ts';
import { renderArtifacts } from './render.ts';

export async function publish(db: Db, user: SessionUser, reportId: string, revision: number, message?: string): Promise<PublishAnswer> {
  const before = await reportFor(db, user, reportId);
  assertTransition(before, user, 'publish', revision);
  const { document } = await getRevision(db, before.id, revision);
  assertNoErrors(document, TRANSITIONS.publish.label);
  // Rendering takes seconds; it happens in a worker, outside the transaction, which then re-checks
  // that nothing moved in between.
  const rendered = await renderArtifacts(document, await installedFonts(db));
  const files = PUBLISHED_FORMATS.map((format) => {
    const bytes = rendered.find((f) => f.kind === format.id)!.bytes;
    return { kind: format.id, filename: artifactFilename(document, format), mediaType: format.mediaType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const publicationId = randomUUID();
  const report = await db.transaction(async (tx) => {
    const current = await reportFor(tx, user, reportId, undefined, true);
    assertTransition(current, user, 'publish', revision);
    await tx.query('insert into publications (id, report_id, revision, published_by) values ($1, $2, $3, $4)', [publicationId, current.id, revision, user.id]);
    for (const f of files) {
      await tx.query('insert into artifacts (publication_id, kind, filename, media_type, sha256, bytes) values ($1, $2, $3, $4, $5, $6)', [
        publicationId,
        f.kind,
        f.filename,
        f.mediaType,
        f.sha256,
        Buffer.from(f.bytes),
      ]);
    }
    await tx.query("update reports set status = 'published', updated_at = now() where id = $1", [current.id]);
    // The following year's report now compares with this publication.
    await recountFollowingYear(tx, current.agency_id, current.year);
    await audit(tx, {
      reportId: current.id,
      actorId: user.id,
      action: 'publish',
      fromStatus: current.status,
      toStatus: 'published',
      revision,
      detail: { publicationId, artifacts: files.map((f) => ({ kind: f.kind, sha256: f.sha256 })), ...(message && { message }) },
    });
    return reportSummary(await reportFor(tx, user, current.id));
  });
  return { report, publication: (await listPublications(db, reportId)).find((p) => p.id === publicationId)! };
}

/** The report's title as a file name any system accepts. */
function artifactFilename(doc: ReportDocument, format: ExportFormat): string {
  return `${reportTitle(doc)}${format.extension}`.replace(/[\\/:*?"<>|\r\n]+/g, '_');
}

interface ArtifactRow {
  publication_id: string;
  report_id: string;
  revision: number;
  published_at: Date | string;
  published_by: string;
  publisher_name: string;
  kind: string | null;
  filename: string | null;
  media_type: string | null;
  sha256: string | null;
  size: number | null;
  [k: string]: unknown;
}

export interface PublicationInfo extends Publication {
  reportId: string;
}

/** Publications with their artifacts (no bytes), newest first; `where` filters `publications p`. */
export async function queryPublications(db: Queryable, where: string, params: unknown[], prefix = ''): Promise<PublicationInfo[]> {
  const rows = await db.query<ArtifactRow>(
    `${prefix} select p.id as publication_id, p.report_id, p.revision, p.published_at, p.published_by, u.display_name as publisher_name,
            f.kind, f.filename, f.media_type, f.sha256, length(f.bytes) as size
       from publications p join users u on u.id = p.published_by left join artifacts f on f.publication_id = p.id
      where ${where} order by p.published_at desc, p.id, f.kind`,
    params,
  );
  const byId = new Map<string, PublicationInfo>();
  for (const r of rows) {
    let p = byId.get(r.publication_id);
    if (!p) {
      p = {
        id: r.publication_id,
        reportId: r.report_id,
        revision: r.revision,
        publishedAt: iso(r.published_at),
        publishedBy: { id: r.published_by, displayName: r.publisher_name },
        artifacts: [],
      };
      byId.set(r.publication_id, p);
    }
    if (r.kind) {
      p.artifacts.push({
        kind: r.kind,
        filename: r.filename!,
        mediaType: r.media_type!,
        sha256: r.sha256!,
        size: Number(r.size),
        url: `/api/reports/${r.report_id}/publications/${r.publication_id}/${r.kind}`,
      });
    }
  }
  return [...byId.values()];
}

export async function listPublications(db: Queryable, reportId: string): Promise<Publication[]> {
  return (await queryPublications(db, 'p.report_id = $1', [reportId])).map(({ reportId: _report, ...p }) => p);
}

export async function getArtifact(db: Queryable, reportId: string, publicationId: string, kind: string) {
  const [row] = await db.query<{ filename: string; media_type: string; sha256: string; bytes: Uint8Array }>(
    `select f.filename, f.media_type, f.sha256, f.bytes from artifacts f join publications p on p.id = f.publication_id
      where p.report_id = $1 and p.id = $2 and f.kind = $3`,
    [reportId, publicationId, kind],
  );
  if (!row) throw notFound('未找到该发布文件');
  return row;
}
