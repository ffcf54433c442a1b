// Deleting a draft created by mistake (only if never submitted; soft delete with an audit entry that
// names agency and year), and last year's report kept from an uploaded file for the cross-year
// checks and the diff — on both engines.
import { describe, expect, it } from 'vitest';
import { checkReport, createBlankDocument } from '../../src/core/index.ts';
import type { Client } from './support/client.ts';
import { ENGINES } from './support/harness.ts';
import { cleanDocument, createReport, withServerWorld } from './support/world.ts';

describe.each(ENGINES)('drafts (%s)', (engine) => {
  const ctx = withServerWorld(engine);
  const step = async (c: Client, id: string, action: string, revision: number) => {
    const res = await c.post(`/api/reports/${id}/${action}`, { revision, ...(action === 'reopen' && { message: '更正笔误' }) });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body.report.head as number;
  };

  describe('deleting a draft', () => {
    it('deletes a never-submitted draft: gone from every query, audited with agency and year, the year free again', async () => {
      const { clerkA, clerkA2, reviewerA } = ctx.world.users;
      const last = await createReport(clerkA, 2049, cleanDocument('市司法局', 2049));
      const report = await createReport(clerkA, 2050, cleanDocument('市司法局', 2050));
      const next = await createReport(clerkA, 2051, cleanDocument('市司法局', 2051));
      const listed = (await clerkA.get('/api/reports?year=2050')).body.reports;
      expect(listed).toEqual([expect.objectContaining({ id: report.id, deletable: true })]);

      // Another clerk of the agency may delete it too (it is the agency's draft, not the author's).
      expect((await clerkA2.delete(`/api/reports/${report.id}`, { revision: report.head })).status).toBe(204);

      expect((await clerkA.get(`/api/reports/${report.id}`)).status).toBe(404);
      expect((await reviewerA.get(`/api/reports/${report.id}/revisions`)).status).toBe(404);
      expect((await clerkA.put(`/api/reports/${report.id}/document`, { baseRevision: 1, document: cleanDocument('市司法局', 2050) })).status).toBe(404);
      expect((await clerkA.post(`/api/reports/${report.id}/submit`, { revision: 1 })).status).toBe(404);
      expect((await clerkA.delete(`/api/reports/${report.id}`, { revision: 1 })).status).toBe(404);
      expect((await clerkA.get('/api/reports?year=2050')).body.reports).toEqual([]);
      expect((await reviewerA.get('/api/reports')).body.reports.map((r: { id: string }) => r.id)).not.toContain(report.id);
      // Next year's report no longer sees it as last year's.
      expect((await clerkA.get(`/api/reports/${next.id}/previous-year`)).status).toBe(404);
      expect((await clerkA.get(`/api/reports/${next.id}/diff?from=previous-year`)).status).toBe(404);
      expect((await clerkA.get(`/api/reports/${last.id}`)).status).toBe(200);

      // The audit trail keeps the deletion, readable without the report.
      const entries = await ctx.server.db.query<{ action: string; actor_id: string; from_status: string; revision: number; detail: unknown }>(
        'select action, actor_id, from_status, revision, detail from audit_log where report_id = $1',
        [report.id],
      );
      const actor = (await clerkA2.get('/api/session')).body.user.id;
      expect(entries).toEqual([{ action: 'delete', actor_id: actor, from_status: 'draft', revision: 1, detail: { agencyId: ctx.world.agencies.deptA, agencyName: '市司法局', year: 2050 } }]);

      const again = await createReport(clerkA, 2050);
      expect(again.id).not.toBe(report.id);
      expect((await clerkA.get(`/api/reports/${next.id}/previous-year`)).body.report.id).toBe(again.id);
      // Still one live report per year.
      expect((await clerkA.post('/api/reports', { year: 2050 })).body).toMatchObject({ error: { code: 'duplicate' }, reportId: again.id });
    });

    it('refuses once the draft was ever submitted, and published reports at every stage', async () => {
      const { clerkA, reviewerA } = ctx.world.users;
      const refused = async (id: string, revision: number, status: string) => {
        const res = await clerkA.delete(`/api/reports/${id}`, { revision });
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('not_deletable');
        expect(res.body.error.message).toMatch(/不能删除/);
        expect(res.body.report).toMatchObject({ status, deletable: false });
        expect((await clerkA.get(`/api/reports/${id}`)).status).toBe(200);
      };
      const { id, head: h1 } = await createReport(clerkA, 2052, cleanDocument('市司法局', 2052));
      let head = await step(clerkA, id, 'submit', h1);
      await refused(id, head, 'submitted');
      // Withdrawn: a draft again, but the reviewer has had it.
      head = await step(clerkA, id, 'withdraw', head);
      await refused(id, head, 'draft');
      head = await step(clerkA, id, 'submit', head);
      head = await step(reviewerA, id, 'return', head);
      await refused(id, head, 'returned');
      head = await step(clerkA, id, 'submit', head);
      head = await step(reviewerA, id, 'approve', head);
      await refused(id, head, 'approved');
      const published = await reviewerA.post(`/api/reports/${id}/publish`, { revision: head });
      expect(published.status).toBe(201);
      await refused(id, head, 'published');
      // Reopened: a draft with a new revision, still a published record.
      head = await step(reviewerA, id, 'reopen', head);
      await refused(id, head, 'draft');
      expect((await ctx.server.db.query("select 1 from audit_log where report_id = $1 and action = 'delete'", [id])).length).toBe(0);
    });

    it('requires the newest revision, a clerk, the CSRF token and a body', async () => {
      const { clerkA, reviewerA, reviewerGov, clerkB } = ctx.world.users;
      const report = await createReport(clerkA, 2053, cleanDocument('市司法局', 2053));
      const saved = await clerkA.put(`/api/reports/${report.id}/document`, { baseRevision: 1, document: { ...cleanDocument('市司法局', 2053), closing: '改' } });
      // A stale view (revision 1) cannot delete what someone saved since.
      const stale = await clerkA.delete(`/api/reports/${report.id}`, { revision: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'stale_revision', message: '报告已更新为第 2 版，请查看最新内容后再删除' });
      expect((await reviewerA.delete(`/api/reports/${report.id}`, { revision: 2 })).status).toBe(403);
      expect((await reviewerGov.delete(`/api/reports/${report.id}`, { revision: 2 })).status).toBe(403);
      expect((await clerkB.delete(`/api/reports/${report.id}`, { revision: 2 })).status).toBe(404);
      expect((await clerkA.delete(`/api/reports/${report.id}`)).body.error.code).toBe('unsupported_media_type');
      expect((await clerkA.delete(`/api/reports/${report.id}`, {})).body.error.code).toBe('invalid_body');
      const noToken = await clerkA.request('DELETE', `/api/reports/${report.id}`, { revision: 2 }, { 'x-csrf-token': '' });
      expect(noToken.status).toBe(403);
      expect(noToken.body.error.code).toBe('csrf');
      const crossSite = await clerkA.request('DELETE', `/api/reports/${report.id}`, { revision: 2 }, { origin: 'https://evil.example' });
      expect(crossSite.body.error.code).toBe('cross_origin');
      expect((await clerkA.get(`/api/reports/${report.id}`)).body.report.head).toBe(saved.body.revision.number);
      expect((await clerkA.delete(`/api/reports/${report.id}`, { revision: 2 })).status).toBe(204);
    });

    it('a delete racing a submit: exactly one wins, and a submitted report is never deleted', async () => {
      const { clerkA, clerkA2 } = ctx.world.users;
      for (const year of [2054, 2055, 2056]) {
        const report = await createReport(clerkA, year, cleanDocument('市司法局', year));
        const [del, sub] = await Promise.all([clerkA.delete(`/api/reports/${report.id}`, { revision: 1 }), clerkA2.post(`/api/reports/${report.id}/submit`, { revision: 1 })]);
        expect([del.status, sub.status].sort()).toEqual(del.status === 204 ? [204, 404] : [200, 409]);
        const rows = await ctx.server.db.query<{ deleted: boolean; status: string }>('select deleted_at is not null as deleted, status from reports where id = $1', [report.id]);
        expect(rows[0]).toEqual(del.status === 204 ? { deleted: true, status: 'draft' } : { deleted: false, status: 'submitted' });
      }
    });
  });

  describe("last year's report from an uploaded file", () => {
    const lastYear = (year: number) => {
      const doc = cleanDocument('中卫市审批服务管理局', year);
      doc.cells['t3.carriedOut.natural'] = 2;
      doc.cells['t3.new.natural'] = 2;
      return doc;
    };

    it('stores the imported document with the report; previous-year and the diff use it, saying so', async () => {
      const { clerkB, reviewerGov } = ctx.world.users;
      const previous = lastYear(2060);
      expect(checkReport(previous, { totals: 'computed' }).filter((f) => f.severity === 'error')).toEqual([]);
      const doc = cleanDocument('市教育局', 2061);
      doc.cells['t3.carriedIn.natural'] = 1; // last year carried 2 over
      const created = await clerkB.post('/api/reports', { year: 2061, document: doc, previous: { fileName: '2060年报.txt', document: previous } });
      expect(created.status).toBe(201);
      const id = created.body.report.id as string;

      const prev = await reviewerGov.get(`/api/reports/${id}/previous-year`);
      expect(prev.status).toBe(200);
      expect(prev.body).toEqual({ source: 'uploaded', fileName: '2060年报.txt', uploadedAt: created.body.report.createdAt, document: previous });
      const findings = checkReport(doc, { totals: 'computed', previous: prev.body.document });
      expect(findings.map((f) => f.rule)).toContain('carryOver.mismatch');

      const diff = (await clerkB.get(`/api/reports/${id}/diff?from=previous-year`)).body;
      expect(diff.from).toEqual({ source: 'uploaded', reportId: null, year: 2060, revision: null, fileName: '2060年报.txt' });
      expect(diff.diff.cells.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['t3.carriedIn.natural', 't3.carriedOut.natural']));
      // Nobody outside the agency's line learns anything about it.
      expect((await ctx.world.users.reviewerOther.get(`/api/reports/${id}/previous-year`)).status).toBe(404);
    });

    it("the agency's own report of last year on the server wins over the uploaded file; deleting it falls back", async () => {
      const { clerkB } = ctx.world.users;
      const created = await clerkB.post('/api/reports', { year: 2063, previous: { fileName: '上年.pdf', document: lastYear(2062) } });
      expect(created.status).toBe(201);
      const id = created.body.report.id as string;
      expect((await clerkB.get(`/api/reports/${id}/previous-year`)).body.source).toBe('uploaded');
      // A blank document was made for the new report; only the previous one came from the file.
      expect(created.body.document.cells['t3.carriedIn.natural']).toBeNull();

      const onServer = await createReport(clerkB, 2062, cleanDocument('市教育局', 2062));
      const prev = (await clerkB.get(`/api/reports/${id}/previous-year`)).body;
      expect(prev).toMatchObject({ source: 'server', report: { id: onServer.id, year: 2062 }, published: false, revision: { number: 1 } });
      expect(prev.document.cells['t3.carriedOut.natural']).toBe(0);
      expect((await clerkB.get(`/api/reports/${id}/diff?from=previous-year`)).body.from).toEqual({ source: 'server', reportId: onServer.id, year: 2062, revision: 1 });

      expect((await clerkB.delete(`/api/reports/${onServer.id}`, { revision: 1 })).status).toBe(204);
      expect((await clerkB.get(`/api/reports/${id}/previous-year`)).body).toMatchObject({ source: 'uploaded', fileName: '上年.pdf' });
    });

    it('refuses a previous report that is not valid, not last year, or oversized', async () => {
      const { clerkB } = ctx.world.users;
      const create = (body: unknown) => clerkB.post('/api/reports', body);
      const invalid = await create({ year: 2065, previous: { fileName: 'x.txt', document: { schemaVersion: 1 } } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error).toMatchObject({ code: 'invalid_document', message: '上年报告文档不符合格式要求' });
      expect(invalid.body.error.details.length).toBeGreaterThan(0);
      const wrongYear = await create({ year: 2065, previous: { fileName: 'x.txt', document: lastYear(2063) } });
      expect(wrongYear.status).toBe(400);
      expect(wrongYear.body.error).toMatchObject({ code: 'year_mismatch', message: '上年报告文件是 2063 年度的，2065 年度报告的上年应为 2064 年度' });
      expect((await create({ year: 2065, previous: { fileName: '', document: lastYear(2064) } })).body.error.code).toBe('invalid_body');
      expect((await create({ year: 2065, previous: { fileName: 'x.txt', document: lastYear(2064), extra: 1 } })).body.error.code).toBe('invalid_body');
      const huge = lastYear(2064);
      huge.prose.other = '很'.repeat(2 * 1024 * 1024);
      const tooLarge = await create({ year: 2065, previous: { fileName: 'x.txt', document: huge } });
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body.error.code).toBe('body_too_large');
      expect((await clerkB.get('/api/reports?year=2065')).body.reports).toEqual([]);
      // A blank previous document of the right year is fine (a file whose tables could not be read).
      expect((await create({ year: 2065, previous: { fileName: 'x.txt', document: createBlankDocument({ agency: '市教育局', year: 2064 }) } })).status).toBe(201);
    });
  });
});
