// The publication register of a year: every publication of the subtree's reports with its files'
// SHA-256, and all those files as one .zip (streamed: a province's files do not fit in memory).
import { strToU8, Zip, ZipPassThrough } from 'fflate';
import type { PublicationRegisterEntry } from '../../api/oversight.ts';
import { SUBTREE_SQL } from '../access.ts';
import type { Queryable } from '../db/adapter.ts';
import { queryPublications } from '../publish/publish.ts';

const YEAR_REPORTS = `p.report_id in (select r.id from reports r where r.year = $2 and r.deleted_at is null and r.agency_id in (select id from subtree))`;

export async function publicationRegister(db: Queryable, rootAgencyId: string, year: number): Promise<PublicationRegisterEntry[]> {
  const [publications, agencies] = await Promise.all([
    queryPublications(db, YEAR_REPORTS, [rootAgencyId, year], SUBTREE_SQL),
    db.query<{ report_id: string; id: string; name: string }>(
      `${SUBTREE_SQL} select r.id as report_id, a.id, a.name from reports r join agencies a on a.id = r.agency_id
        where r.year = $2 and r.deleted_at is null and r.agency_id in (select id from subtree)`,
      [rootAgencyId, year],
    ),
  ]);
  const agencyOf = new Map(agencies.map((a) => [a.report_id, { id: a.id, name: a.name }]));
  return publications.map((p) => ({
    agency: agencyOf.get(p.reportId)!,
    reportId: p.reportId,
    publicationId: p.id,
    revision: p.revision,
    publishedAt: p.publishedAt,
    publishedBy: p.publishedBy,
    artifacts: p.artifacts,
  }));
}

/** A name safe as one path segment in a zip on Windows and Unix. */
const segment = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '_';

/** The zip's layout: <agency>/第<n>版/<file>, and SHA256SUMS.txt to verify every file. */
export function registerZipPath(entry: PublicationRegisterEntry, filename: string): string {
  return `${segment(entry.agency.name)}/第${entry.revision}版/${segment(filename)}`;
}

/** Streams the zip, reading one publication's files from the database each time the reader wants more. */
export function registerZip(db: Queryable, entries: PublicationRegisterEntry[]): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  const sums: string[] = [];
  const add = (path: string, bytes: Uint8Array) => {
    // Published files are PDF/DOCX (already compressed) or small: stored as they are.
    const file = new ZipPassThrough(path);
    zip.add(file);
    file.push(bytes, true);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const entry = entries[next++];
      if (!entry) {
        add('SHA256SUMS.txt', strToU8(sums.join('\n') + '\n'));
        zip.end();
        return;
      }
      const files = await db.query<{ kind: string; filename: string; bytes: Uint8Array }>('select kind, filename, bytes from artifacts where publication_id = $1 order by kind', [entry.publicationId]);
      for (const f of files) {
        const path = registerZipPath(entry, f.filename);
        add(path, new Uint8Array(f.bytes));
        sums.push(`${entry.artifacts.find((a) => a.kind === f.kind)!.sha256}  ${path}`);
      }
    },
  });
}
