// Reports and their drafts: list, create, read, save with optimistic concurrency, history and diffs.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { createBlankDocument, diffDocuments, isEmptyDiff, parseDocument, type ReportDocument } from '../../core/index.ts';
import { reportFor, REPORT_COLUMNS, SUBTREE_SQL, type ReportRow } from '../access.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv } from '../context.ts';
import type { Queryable } from '../db/adapter.ts';
import { readJson } from '../http/body.ts';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { getRevision, insertRevision, listRevisions } from '../revisions.ts';
import { reportSummary } from '../serialize.ts';
import { EDITABLE, STATUS_LABELS, STATUSES } from '../workflow.ts';

/** A document is at most a few hundred KB; 5 MB leaves room without inviting abuse. */
export const DOCUMENT_BODY_LIMIT = 5 * 1024 * 1024;

const yearSchema = z.coerce.number().int().min(2008).max(2200);
const revisionNumber = z.coerce.number().int().min(1).max(1_000_000_000);
const createSchema = z.strictObject({ year: z.number().int().min(2008).max(2200), document: z.unknown().optional() });
const saveSchema = z.strictObject({ baseRevision: z.number().int().min(1), document: z.unknown() });
const listQuery = z.object({ year: yearSchema.optional(), status: z.enum(STATUSES).optional() });
const diffQuery = z.object({ from: z.union([z.literal('previous-year'), revisionNumber]), to: revisionNumber.optional() });

function documentOrError(raw: unknown): ReportDocument {
  const parsed = parseDocument(raw);
  if (!parsed.ok) throw badRequest('invalid_document', '年报文档不符合格式要求', parsed.errors);
  return parsed.document;
}

function query<S extends z.ZodType>(schema: S, raw: Record<string, string>): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw badRequest('invalid_query', '查询参数不正确', r.error.issues.map((i) => `${i.path.join('.')}：${i.message}`));
  return r.data;
}

/** Last year's report of the same agency, as published (if ever) or its newest draft. */
async function previousYear(db: Queryable, report: ReportRow) {
  const [prev] = await db.query<ReportRow>(`select ${REPORT_COLUMNS} from reports r join agencies a on a.id = r.agency_id where r.agency_id = $1 and r.year = $2`, [
    report.agency_id,
    report.year - 1,
  ]);
  if (!prev) throw notFound(`没有 ${report.year - 1} 年度的报告`);
  const [pub] = await db.query<{ revision: number }>('select revision from publications where report_id = $1 order by published_at desc limit 1', [prev.id]);
  const revision = await getRevision(db, prev.id, pub?.revision ?? prev.head);
  return { report: reportSummary(prev), published: pub !== undefined, revision };
}

export const reportRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const q = query(listQuery, c.req.query());
    if (user.role === 'admin') throw forbidden('管理员不查看报告内容');
    const scope = user.role === 'reviewer' ? 'r.agency_id in (select id from subtree)' : 'r.agency_id = $1';
    const rows = await db.query<ReportRow>(
      `${SUBTREE_SQL} select ${REPORT_COLUMNS} from reports r join agencies a on a.id = r.agency_id
        where ${scope} and ($2::int is null or r.year = $2) and ($3::text is null or r.status = $3)
        order by r.year desc, a.name`,
      [user.agencyId, q.year ?? null, q.status ?? null],
    );
    return c.json({ reports: rows.map(reportSummary) });
  })
  .post('/', async (c) => {
    const user = currentUser(c);
    if (user.role !== 'clerk') throw forbidden('只有填报员可以新建报告');
    const db = c.get('db');
    const body = await readJson(c, createSchema, DOCUMENT_BODY_LIMIT);
    const [agency] = await db.query<{ name: string; kind: 'department' | 'government' }>('select name, kind from agencies where id = $1', [user.agencyId]);
    const document = body.document === undefined ? createBlankDocument({ agency: agency!.name, year: body.year, kind: agency!.kind }) : documentOrError(body.document);
    if (document.year !== body.year) throw badRequest('year_mismatch', `文档年度（${document.year}）与报告年度（${body.year}）不一致`);
    const id = randomUUID();
    const duplicate = async () => {
      const [existing] = await db.query<{ id: string }>('select id from reports where agency_id = $1 and year = $2', [user.agencyId, body.year]);
      return new ApiError(409, 'duplicate', `本单位 ${body.year} 年度的报告已存在`, undefined, { reportId: existing?.id });
    };
    const created = await db
      .transaction(async (tx) => {
        await tx.query("insert into reports (id, agency_id, year, status, head) values ($1, $2, $3, 'draft', 1)", [id, user.agencyId, body.year]);
        await insertRevision(tx, { reportId: id, number: 1, document, author: user, kind: 'create', previous: null });
        return reportFor(tx, user, id);
      })
      .catch(async (e: unknown) => {
        // Two clerks creating the same year at once: the unique key decides, the loser learns which report won.
        if ((e as { code?: unknown }).code === '23505') throw await duplicate();
        throw e;
      });
    const { document: _stored, ...revision } = await getRevision(db, id, 1);
    return c.json({ report: reportSummary(created), revision, document }, 201);
  })
  .get('/:id', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'));
    const { document, ...revision } = await getRevision(db, report.id, report.head);
    return c.json({ report: reportSummary(report), revision, document });
  })
  .put('/:id/document', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const body = await readJson(c, saveSchema, DOCUMENT_BODY_LIMIT);
    const document = documentOrError(body.document);
    const result = await db.transaction(async (tx) => {
      const report = await reportFor(tx, user, c.req.param('id'), 'clerk', true);
      if (!EDITABLE.includes(report.status)) {
        throw new ApiError(409, 'not_editable', `报告当前为「${STATUS_LABELS[report.status]}」，不能修改`, undefined, { report: reportSummary(report) });
      }
      if (document.year !== report.year) throw badRequest('year_mismatch', `文档年度（${document.year}）与报告年度（${report.year}）不一致`);
      if (body.baseRevision > report.head) throw badRequest('invalid_base', `第 ${body.baseRevision} 版不存在`);
      const head = await getRevision(tx, report.id, report.head);
      if (body.baseRevision !== report.head) {
        const base = await getRevision(tx, report.id, body.baseRevision);
        const { document: current, ...info } = head;
        throw new ApiError(
          409,
          'stale_revision',
          `报告已被${info.author.displayName}修改为第 ${info.number} 版，你的修改基于第 ${body.baseRevision} 版，未保存`,
          undefined,
          { current: { revision: info, document: current }, theirChanges: diffDocuments(base.document, current) },
        );
      }
      const { document: previous, ...headInfo } = head;
      if (isEmptyDiff(diffDocuments(previous, document))) return { revision: headInfo, unchanged: true };
      const number = report.head + 1;
      const revision = await insertRevision(tx, { reportId: report.id, number, document, author: user, kind: 'save', previous });
      await tx.query('update reports set head = $2, updated_at = now() where id = $1', [report.id, number]);
      return { revision, unchanged: false };
    });
    return c.json(result);
  })
  .get('/:id/revisions', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    return c.json({ revisions: await listRevisions(db, report.id) });
  })
  .get('/:id/revisions/:number', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const number = revisionNumber.safeParse(c.req.param('number'));
    if (!number.success) throw notFound('未找到该版本');
    const { document, ...revision } = await getRevision(db, report.id, number.data);
    return c.json({ revision, document });
  })
  .get('/:id/diff', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const q = query(diffQuery, c.req.query());
    const to = await getRevision(db, report.id, q.to ?? report.head);
    if (q.from === 'previous-year') {
      const prev = await previousYear(db, report);
      return c.json({
        from: { reportId: prev.report.id, year: prev.report.year, revision: prev.revision.number },
        to: { reportId: report.id, year: report.year, revision: to.number },
        diff: diffDocuments(prev.revision.document, to.document),
      });
    }
    const from = await getRevision(db, report.id, q.from);
    return c.json({
      from: { reportId: report.id, year: report.year, revision: from.number },
      to: { reportId: report.id, year: report.year, revision: to.number },
      diff: diffDocuments(from.document, to.document),
    });
  })
  .get('/:id/previous-year', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const prev = await previousYear(db, report);
    const { document, ...revision } = prev.revision;
    return c.json({ report: prev.report, published: prev.published, revision, document });
  });
