// Published files: the list, and each file exactly as it was stored when published.
import { Hono } from 'hono';
import { reportFor } from '../access.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv } from '../context.ts';
import { getArtifact, listPublications } from '../publish/publish.ts';

export const publicationRoutes = new Hono<AppEnv>()
  .get('/:id/publications', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    return c.json({ publications: await listPublications(db, report.id) });
  })
  .get('/:id/publications/:publicationId/:kind', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const file = await getArtifact(db, report.id, c.req.param('publicationId'), c.req.param('kind'));
    const bytes = Buffer.from(file.bytes);
    return c.body(bytes, 200, {
      'Content-Type': file.media_type,
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename="report${extensionOf(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'X-Content-SHA256': file.sha256,
      ETag: `"${file.sha256}"`,
    });
  });

function extensionOf(name: string): string {
  return /\.[a-z]+$/.exec(name)?.[0] ?? '';
}
