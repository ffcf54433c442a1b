// Reports and their drafts: list, create (optionally with last year's report from an uploaded file),
// read, save with optimistic concurrency, delete a never-submitted draft, history and diffs.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  type CreatedAnswer,
  createReportRequest,
  type DiffAnswer,
  DOCUMENT_BODY_LIMIT,
  type DuplicateReportBody,
  deleteReportRequest,
  type LastYear,
  type ReportAnswer,
  type ReportListItem,
  type ReportStateBody,
  type RevisionAnswer,
  type SaveAnswer,
  type StaleRevisionBody,
  saveRequest,
} from '../../api/reports.ts';
import { EDITABLE, STATUS_LABELS, STATUSES } from '../../api/workflow.ts';
import { type AgencyKind, createBlankDocument, describeRemoved, diffDocuments, isEmptyDiff, parseDocument, type ReportDocument, reportYearSchema, stripInvisible } from '../../core/index.ts';
import { LIVE, REPORT_COLUMNS, type ReportRow, reportFor, SUBTREE_SQL } from '../access.ts';
import { audit } from '../audit.ts';
import { currentUser } from '../auth/sessions.ts';
import type { AppEnv } from '../context.ts';
import { readJson } from '../http/body.ts';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors.ts';
import { lastYear, lastYearDocument } from '../last-year.ts';
import { recountFollowingYear } from '../oversight/recount.ts';
import { getRevision, insertRevision, listRevisions } from '../revisions.ts';
import { reportSummary } from '../serialize.ts';

const yearSchema = z.coerce.number().pipe(reportYearSchema);
const revisionNumber = z.coerce.number().int().min(1).max(1_000_000_000);
const listQuery = z.object({ year: yearSchema.optional(), status: z.enum(STATUSES).optional() });
const diffQuery = z.object({ from: z.union([z.literal('previous-year'), revisionNumber]), to: revisionNumber.optional() });

function documentOrError(raw: unknown, what = '年报文档'): ReportDocument {
  const parsed = parseDocument(raw);
  if (!parsed.ok) throw badRequest('invalid_document', `${what}不符合格式要求`, parsed.errors);
  return parsed.document;
}

/**
 * A document as it is stored: invisible and control characters removed (pasted zero-width spaces
 * and the like), and the agency being the report's, whatever the document says. `normalized` tells
 * the person what was removed.
 */
function asStored(document: ReportDocument, agency: { name: string; kind: ReportDocument['agency']['kind'] }): { document: ReportDocument; normalized: string[] } {
  const { document: clean, removed } = stripInvisible(document);
  return { document: { ...clean, agency: { ...clean.agency, name: agency.name, kind: agency.kind } }, normalized: describeRemoved(removed) };
}

export function query<S extends z.ZodType>(schema: S, raw: Record<string, string>): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw badRequest(
      'invalid_query',
      '查询参数不正确',
      r.error.issues.map((i) => `${i.path.join('.')}：${i.message}`),
    );
  return r.data;
}

export const reportRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const q = query(listQuery, c.req.query());
    if (user.role === 'admin') throw forbidden('管理员不查看报告内容');
    const scope = user.role === 'reviewer' ? 'r.agency_id in (select id from subtree)' : 'r.agency_id = $1';
    // With the newest revision's stored finding counts, so a list needs no document.
    const rows = await db.query<ReportRow & { errors: number; warnings: number }>(
      `${SUBTREE_SQL} select ${REPORT_COLUMNS}, v.errors, v.warnings from reports r join agencies a on a.id = r.agency_id
         join revisions v on v.report_id = r.id and v.number = r.head
        where ${scope} and ${LIVE} and ($2::int is null or r.year = $2) and ($3::text is null or r.status = $3)
        order by r.year desc, a.name`,
      [user.agencyId, q.year ?? null, q.status ?? null],
    );
    return c.json({ reports: rows.map((r) => ({ ...reportSummary(r), errors: r.errors, warnings: r.warnings })) } satisfies { reports: ReportListItem[] });
  })
  .post('/', async (c) => {
    const user = currentUser(c);
    if (user.role !== 'clerk') throw forbidden('只有填报员可以新建报告');
    const db = c.get('db');
    const body = await readJson(c, createReportRequest, DOCUMENT_BODY_LIMIT);
    const [agency] = await db.query<{ name: string; kind: AgencyKind }>('select name, kind from agencies where id = $1', [user.agencyId]);
    const { document, normalized } = asStored(
      body.document === undefined ? createBlankDocument({ agency: agency!.name, year: body.year, kind: agency!.kind }) : documentOrError(body.document),
      agency!,
    );
    if (document.year !== body.year) throw badRequest('year_mismatch', `文档年度（${document.year}）与报告年度（${body.year}）不一致`);
    const uploaded = body.previous && { fileName: body.previous.fileName, document: documentOrError(body.previous.document, '上年报告文档') };
    if (uploaded && uploaded.document.year !== body.year - 1) {
      throw badRequest('year_mismatch', `上年报告文件是 ${uploaded.document.year} 年度的，${body.year} 年度报告的上年应为 ${body.year - 1} 年度`);
    }
    const id = randomUUID();
    const duplicate = async () => {
      const [existing] = await db.query<{ id: string }>('select id from reports where agency_id = $1 and year = $2 and deleted_at is null', [user.agencyId, body.year]);
      return new HttpError(409, 'duplicate', `本单位 ${body.year} 年度的报告已存在`, undefined, { reportId: existing?.id } satisfies DuplicateReportBody);
    };
    const created = await db
      .transaction(async (tx) => {
        await tx.query("insert into reports (id, agency_id, year, status, head, previous_document, previous_file_name) values ($1, $2, $3, 'draft', 1, $4::jsonb, $5)", [
          id,
          user.agencyId,
          body.year,
          uploaded ? JSON.stringify(uploaded.document) : null,
          uploaded?.fileName ?? null,
        ]);
        const report = await reportFor(tx, user, id);
        await insertRevision(tx, { reportId: id, number: 1, document, author: user, kind: 'create', changedFrom: null, lastYear: lastYearDocument(await lastYear(tx, report)) });
        await recountFollowingYear(tx, user.agencyId, body.year);
        return report;
      })
      .catch(async (e: unknown) => {
        // Two clerks creating the same year at once: the unique key decides, the loser learns which report won.
        if ((e as { code?: unknown }).code === '23505') throw await duplicate();
        throw e;
      });
    const { document: _stored, ...revision } = await getRevision(db, id, 1);
    return c.json({ report: reportSummary(created), revision, document, normalized } satisfies CreatedAnswer, 201);
  })
  .get('/:id', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const report = await reportFor(db, user, c.req.param('id'));
    const { document, ...revision } = await getRevision(db, report.id, report.head);
    return c.json({ report: reportSummary(report), revision, document } satisfies ReportAnswer);
  })
  .delete('/:id', async (c) => {
    // Only a draft nobody has reviewed: once submitted it is part of the review record, once
    // published a public record (reopening does not make it deletable again).
    const user = currentUser(c);
    const body = await readJson(c, deleteReportRequest);
    await c.get('db').transaction(async (tx) => {
      const report = await reportFor(tx, user, c.req.param('id'), 'clerk', true);
      if (!report.deletable) {
        const why = report.status === 'draft' ? '已提交过审核' : `当前为「${STATUS_LABELS[report.status]}」`;
        throw new HttpError(409, 'not_deletable', `报告${why}，不能删除；只有从未提交的草稿可以删除`, undefined, { report: reportSummary(report) } satisfies ReportStateBody);
      }
      if (body.revision !== report.head) {
        throw new HttpError(409, 'stale_revision', `报告已更新为第 ${report.head} 版，请查看最新内容后再删除`, undefined, { report: reportSummary(report) } satisfies ReportStateBody);
      }
      await tx.query('update reports set deleted_at = now(), updated_at = now() where id = $1', [report.id]);
      await recountFollowingYear(tx, report.agency_id, report.year);
      // The entry names what was deleted, so the trail reads without the (now invisible) report.
      await audit(tx, {
        reportId: report.id,
        actorId: user.id,
        action: 'delete',
        fromStatus: report.status,
        revision: report.head,
        detail: { agencyId: report.agency_id, agencyName: report.agency_name, year: report.year },
      });
    });
    return c.body(null, 204);
  })
  .put('/:id/document', async (c) => {
    const user = currentUser(c);
    const db = c.get('db');
    const body = await readJson(c, saveRequest, DOCUMENT_BODY_LIMIT);
    const sent = documentOrError(body.document);
    const result = await db.transaction(async (tx): Promise<SaveAnswer> => {
      const report = await reportFor(tx, user, c.req.param('id'), 'clerk', true);
      const { document, normalized } = asStored(sent, { name: report.agency_name, kind: report.agency_kind });
      if (!EDITABLE.includes(report.status)) {
        throw new HttpError(409, 'not_editable', `报告当前为「${STATUS_LABELS[report.status]}」，不能修改`, undefined, { report: reportSummary(report) } satisfies ReportStateBody);
      }
      // The year is fixed once the report exists: a report for another year is a new report.
      if (document.year !== report.year) {
        throw new HttpError(422, 'year_fixed', `报告年度创建后不能更改：本报告是 ${report.year} 年度的（所存文档为 ${document.year} 年度）；其他年度的报告请新建`);
      }
      if (body.baseRevision > report.head) throw badRequest('invalid_base', `第 ${body.baseRevision} 版不存在`);
      const head = await getRevision(tx, report.id, report.head);
      if (body.baseRevision !== report.head) {
        const base = await getRevision(tx, report.id, body.baseRevision);
        const { document: current, ...info } = head;
        throw new HttpError(409, 'stale_revision', `报告已被${info.author.displayName}修改为第 ${info.number} 版，你的修改基于第 ${body.baseRevision} 版，未保存`, undefined, {
          current: { revision: info, document: current },
          theirChanges: diffDocuments(base.document, current),
        } satisfies StaleRevisionBody);
      }
      const { document: headDocument, ...headInfo } = head;
      if (isEmptyDiff(diffDocuments(headDocument, document))) return { revision: headInfo, unchanged: true, normalized };
      const number = report.head + 1;
      const revision = await insertRevision(tx, {
        reportId: report.id,
        number,
        document,
        author: user,
        kind: 'save',
        changedFrom: headDocument,
        lastYear: lastYearDocument(await lastYear(tx, report)),
      });
      await tx.query('update reports set head = $2, updated_at = now() where id = $1', [report.id, number]);
      await recountFollowingYear(tx, report.agency_id, report.year);
      return { revision, unchanged: false, normalized };
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
    return c.json({ revision, document } satisfies RevisionAnswer);
  })
  .get('/:id/diff', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const q = query(diffQuery, c.req.query());
    const to = await getRevision(db, report.id, q.to ?? report.head);
    if (q.from === 'previous-year') {
      const prev = await lastYear(db, report);
      if (!prev) throw notFound(`没有 ${report.year - 1} 年度的报告`);
      const from: DiffAnswer['from'] =
        prev.source === 'server'
          ? { source: prev.source, reportId: prev.report.id, year: prev.report.year, revision: prev.revision.number }
          : { source: prev.source, reportId: null, year: report.year - 1, revision: null, fileName: prev.fileName };
      return c.json({ from, to: { reportId: report.id, year: report.year, revision: to.number }, diff: diffDocuments(lastYearDocument(prev)!, to.document) } satisfies DiffAnswer);
    }
    const from = await getRevision(db, report.id, q.from);
    return c.json({
      from: { reportId: report.id, year: report.year, revision: from.number },
      to: { reportId: report.id, year: report.year, revision: to.number },
      diff: diffDocuments(from.document, to.document),
    } satisfies DiffAnswer);
  })
  .get('/:id/previous-year', async (c) => {
    const db = c.get('db');
    const report = await reportFor(db, currentUser(c), c.req.param('id'));
    const prev = await lastYear(db, report);
    if (!prev) throw notFound(`没有 ${report.year - 1} 年度的报告`);
    if (prev.source === 'uploaded') return c.json(prev satisfies LastYear);
    const { document, ...revision } = prev.revision;
    return c.json({ source: prev.source, report: reportSummary(prev.report), published: prev.published, revision, document } satisfies LastYear);
  });
