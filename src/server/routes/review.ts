// The review workflow on one report: transitions (with the error check), comments pinned to a
// section or a cell, and the audit log.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { getTemplate, isCellId, PROSE_KEYS } from '../../core/index.ts';
import { reportFor } from '../access.ts';
import { audit } from '../audit.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv, SessionUser } from '../context.ts';
import type { Db } from '../db/adapter.ts';
import { readJson } from '../http/body.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { lastYear, lastYearDocument } from '../last-year.ts';
import { publish } from '../publish/publish.ts';
import { getRevision, insertRevision } from '../revisions.ts';
import { iso, reportSummary } from '../serialize.ts';
import { TRANSITIONS, type Action } from '../workflow.ts';
import { assertNoErrors, assertTransition } from '../workflow-guards.ts';

const transitionSchema = z.strictObject({ revision: z.number().int().min(1), message: z.string().trim().max(2000).optional() });

export const SECTION_IDS: readonly string[] = [...getTemplate().format.sections.map((s) => s.id), ...PROSE_KEYS, 'preamble', 'closing'];
const targetSchema = z.union([
  z.strictObject({ cell: z.string().refine(isCellId, { message: '未知的单元格编号' }) }),
  z.strictObject({ section: z.string().refine((s) => SECTION_IDS.includes(s), { message: '未知的章节编号' }) }),
]);
const commentSchema = z.strictObject({ target: targetSchema, body: z.string().trim().min(1, { message: '意见不能为空' }).max(5000) });
const resolveSchema = z.strictObject({ resolved: z.boolean() });

async function transition(db: Db, user: SessionUser, reportId: string, action: Exclude<Action, 'publish'>, body: z.output<typeof transitionSchema>) {
  const t = TRANSITIONS[action];
  return db.transaction(async (tx) => {
    const report = await reportFor(tx, user, reportId, undefined, true);
    assertTransition(report, user, action, body.revision);
    // Changing a published report needs a reason on record (the audit log keeps it).
    if (action === 'reopen' && !body.message) throw badRequest('reason_required', '请填写重新打开的原因（将记入操作记录）');
    let head = report.head;
    const { document } = await getRevision(tx, report.id, head);
    if (t.requiresNoErrors) assertNoErrors(document, t.label);
    if (action === 'reopen') {
      // Reopening starts a new revision, so the published one stays exactly as it was published.
      head += 1;
      await insertRevision(tx, { reportId: report.id, number: head, document, author: user, kind: 'reopen', previous: document, lastYear: lastYearDocument(await lastYear(tx, report)) });
    }
    await tx.query('update reports set status = $2, head = $3, updated_at = now() where id = $1', [report.id, t.to, head]);
    await audit(tx, { reportId: report.id, actorId: user.id, action, fromStatus: report.status, toStatus: t.to, revision: head, detail: body.message ? { message: body.message } : {} });
    return reportSummary(await reportFor(tx, user, report.id));
  });
}

interface CommentRow {
  id: string;
  revision: number;
  author_id: string;
  author_name: string;
  target: { cell: string } | { section: string };
  body: string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  created_at: Date | string;
  [k: string]: unknown;
}

function commentOut(r: CommentRow) {
  return {
    id: r.id,
    revision: r.revision,
    author: { id: r.author_id, displayName: r.author_name },
    target: r.target,
    body: r.body,
    createdAt: iso(r.created_at),
    resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    resolvedBy: r.resolved_by,
  };
}

const COMMENT_SELECT = `select m.id, m.revision, m.author_id, u.display_name as author_name, m.target, m.body, m.resolved_at, m.resolved_by, m.created_at
  from comments m join users u on u.id = m.author_id`;

export const reviewRoutes = new Hono<AppEnv>()
  .post('/:id/:action{submit|withdraw|return|approve|reopen}', async (c) => {
    const user = currentUser(c);
    const body = await readJson(c, transitionSchema);
    const action = c.req.param('action') as Exclude<Action, 'publish'>;
    return c.json({ report: await transition(c.get('db'), user, c.req.param('id'), action, body) });
  })
  .post('/:id/publish', async (c) => {
    const user = currentUser(c);
    const body = await readJson(c, transitionSchema);
    return c.json(await publish(c.get('db'), user, c.req.param('id'), body.revision, body.message), 201);
  })
  .get('/:id/comments', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const rows = await db.query<CommentRow>(`${COMMENT_SELECT} where m.report_id = $1 order by m.created_at, m.id`, [report.id]);
    return c.json({ comments: rows.map(commentOut) });
  })
  .post('/:id/comments', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'), 'reviewer');
    const body = await readJson(c, commentSchema);
    const id = randomUUID();
    await db.query('insert into comments (id, report_id, revision, author_id, target, body) values ($1, $2, $3, $4, $5::jsonb, $6)', [
      id,
      report.id,
      report.head,
      user.id,
      JSON.stringify(body.target),
      body.body,
    ]);
    const [row] = await db.query<CommentRow>(`${COMMENT_SELECT} where m.id = $1`, [id]);
    return c.json({ comment: commentOut(row!) }, 201);
  })
  .patch('/:id/comments/:commentId', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'));
    const body = await readJson(c, resolveSchema);
    const rows = await db.query<{ id: string }>(
      'update comments set resolved_at = case when $3 then now() end, resolved_by = case when $3 then $4 end where id = $1 and report_id = $2 returning id',
      [c.req.param('commentId'), report.id, body.resolved, user.id],
    );
    if (rows.length === 0) throw notFound('未找到该意见');
    const [row] = await db.query<CommentRow>(`${COMMENT_SELECT} where m.id = $1`, [rows[0]!.id]);
    return c.json({ comment: commentOut(row!) });
  })
  .get('/:id/audit', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const rows = await db.query<{ id: number; action: string; actor_id: string; actor_name: string; from_status: string | null; to_status: string | null; revision: number | null; detail: Record<string, unknown>; at: Date | string }>(
      `select l.id, l.action, l.actor_id, u.display_name as actor_name, l.from_status, l.to_status, l.revision, l.detail, l.at
         from audit_log l join users u on u.id = l.actor_id where l.report_id = $1 order by l.id`,
      [report.id],
    );
    return c.json({
      entries: rows.map((r) => ({
        id: r.id,
        action: r.action,
        actor: { id: r.actor_id, displayName: r.actor_name },
        fromStatus: r.from_status,
        toStatus: r.to_status,
        revision: r.revision,
        detail: r.detail,
        at: iso(r.at),
      })),
    });
  });
