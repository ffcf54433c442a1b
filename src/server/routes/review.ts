// The review workflow on one report: transitions (with the error check), comments pinned to a
// section or a cell with their threads of replies, and the audit log.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { z } from 'zod';
import { type AuditEntry, type CommentTarget, commentRequest, type ReviewComment, replyRequest, resolveCommentRequest, type TransitionAnswer, transitionRequest } from '../../api/reports.ts';
import { type Action, type ReportStatus, TRANSITIONS } from '../../api/workflow.ts';
import { reportFor } from '../access.ts';
import { audit } from '../audit.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv, SessionUser } from '../context.ts';
import type { Db, Queryable } from '../db/adapter.ts';
import { readJson } from '../http/body.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { lastYear, lastYearDocument } from '../last-year.ts';
import { publish } from '../publish/publish.ts';
import { getRevision, insertRevision } from '../revisions.ts';
import { iso, reportSummary } from '../serialize.ts';
import { assertNoErrors, assertTransition } from '../workflow-guards.ts';

async function transition(db: Db, user: SessionUser, reportId: string, action: Exclude<Action, 'publish'>, body: z.output<typeof transitionRequest>) {
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
      await insertRevision(tx, { reportId: report.id, number: head, document, author: user, kind: 'reopen', changedFrom: document, lastYear: lastYearDocument(await lastYear(tx, report)) });
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
  target: CommentTarget;
  body: string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  created_at: Date | string;
  [k: string]: unknown;
}

interface ReplyRow {
  id: number;
  comment_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Date | string;
  [k: string]: unknown;
}

function commentOut(r: CommentRow, replies: ReplyRow[]): ReviewComment {
  return {
    id: r.id,
    revision: r.revision,
    author: { id: r.author_id, displayName: r.author_name },
    target: r.target,
    body: r.body,
    createdAt: iso(r.created_at),
    resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    replies: replies.map((p) => ({ id: p.id, author: { id: p.author_id, displayName: p.author_name }, body: p.body, createdAt: iso(p.created_at) })),
  };
}

const COMMENT_SELECT = `select m.id, m.revision, m.author_id, u.display_name as author_name, m.target, m.body, m.resolved_at, m.resolved_by, m.created_at
  from comments m join users u on u.id = m.author_id`;

/** The comments `where` selects (over `m`, with `params`), each with its replies in order. */
async function commentsWhere(db: Queryable, where: string, params: unknown[]) {
  const rows = await db.query<CommentRow>(`${COMMENT_SELECT} where ${where} order by m.created_at, m.id`, params);
  const replies = await db.query<ReplyRow>(
    `select p.id, p.comment_id, p.author_id, u.display_name as author_name, p.body, p.created_at
       from comment_replies p join users u on u.id = p.author_id join comments m on m.id = p.comment_id
      where ${where} order by p.id`,
    params,
  );
  return rows.map((r) =>
    commentOut(
      r,
      replies.filter((p) => p.comment_id === r.id),
    ),
  );
}

export const reviewRoutes = new Hono<AppEnv>()
  .post('/:id/:action{submit|withdraw|return|approve|reopen}', async (c) => {
    const user = currentUser(c);
    const body = await readJson(c, transitionRequest);
    const action = c.req.param('action') as Exclude<Action, 'publish'>;
    return c.json({ report: await transition(c.get('db'), user, c.req.param('id'), action, body) } satisfies TransitionAnswer);
  })
  .post('/:id/publish', async (c) => {
    const user = currentUser(c);
    const body = await readJson(c, transitionRequest);
    return c.json(await publish(c.get('db'), user, c.req.param('id'), body.revision, body.message), 201);
  })
  .get('/:id/comments', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    return c.json({ comments: await commentsWhere(db, 'm.report_id = $1', [report.id]) } satisfies { comments: ReviewComment[] });
  })
  .post('/:id/comments', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'), 'reviewer');
    const body = await readJson(c, commentRequest);
    const id = randomUUID();
    await db.query('insert into comments (id, report_id, revision, author_id, target, body) values ($1, $2, $3, $4, $5::jsonb, $6)', [
      id,
      report.id,
      report.head,
      user.id,
      JSON.stringify(body.target),
      body.body,
    ]);
    const [comment] = await commentsWhere(db, 'm.id = $1', [id]);
    return c.json({ comment }, 201);
  })
  .patch('/:id/comments/:commentId', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'));
    const body = await readJson(c, resolveCommentRequest);
    const rows = await db.query<{ id: string }>('update comments set resolved_at = case when $3 then now() end, resolved_by = case when $3 then $4 end where id = $1 and report_id = $2 returning id', [
      c.req.param('commentId'),
      report.id,
      body.resolved,
      user.id,
    ]);
    if (rows.length === 0) throw notFound('未找到该意见');
    const [comment] = await commentsWhere(db, 'm.id = $1', [rows[0]!.id]);
    return c.json({ comment });
  })
  // Whoever may read the report (its agency's clerks, the reviewers above it) may answer a comment on it.
  .post('/:id/comments/:commentId/replies', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'));
    const body = await readJson(c, replyRequest);
    const rows = await db.query<{ id: number }>(
      `insert into comment_replies (comment_id, author_id, body)
         select m.id, $3, $4 from comments m where m.id = $1 and m.report_id = $2 returning id`,
      [c.req.param('commentId'), report.id, user.id, body.body],
    );
    if (rows.length === 0) throw notFound('未找到该意见');
    const [comment] = await commentsWhere(db, 'm.id = $1', [c.req.param('commentId')]);
    return c.json({ comment }, 201);
  })
  .get('/:id/audit', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const rows = await db.query<{
      id: number;
      action: string;
      actor_id: string;
      actor_name: string;
      from_status: ReportStatus | null;
      to_status: ReportStatus | null;
      revision: number | null;
      detail: AuditEntry['detail'];
      at: Date | string;
    }>(
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
    } satisfies { entries: AuditEntry[] });
  });
