// The review workflow end to end over the API: refusals while errors exist, comments pinned to
// cells and sections, stale approvals, publishing with byte-identical downloads, reopen, history
// and the audit log — on both engines.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/db/migrate.ts';
import { ENGINES } from './support/harness.ts';
import { brokenDocument, cleanDocument, createReport, withServerWorld } from './support/world.ts';

const run = promisify(execFile);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(ENGINES)('workflow (%s)', (engine) => {
  const ctx = withServerWorld(engine);

  it('runs 草稿 → 已提交 → 退回修改 → 已提交 → 已审核 → 已发布 → reopen, refusing what it must', async () => {
    const { clerkA, reviewerA, reviewerGov } = ctx.world.users;
    const path = (p = '') => `/api/reports/${report.id}${p}`;
    const report = await createReport(clerkA, 2024, brokenDocument('市司法局', 2024));
    let head = report.head;

    // Submitting with a hard error: 422 with the error findings, status unchanged.
    const refused = await clerkA.post(path('/submit'), { revision: head });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('has_errors');
    expect(refused.body.error.message).toMatch(/错误/);
    expect(refused.body.findings.length).toBeGreaterThan(0);
    expect(refused.body.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(refused.body.findings.flatMap((f: { cells: string[] }) => f.cells)).toContain('t3.new.natural');
    expect((await clerkA.get(path())).body.report.status).toBe('draft');

    const fixed = cleanDocument('市司法局', 2024);
    fixed.cells['t3.new.natural'] = 5;
    fixed.cells['t3.granted.natural'] = 5;
    let saved = await clerkA.put(path('/document'), { baseRevision: head, document: fixed });
    expect(saved.status).toBe(200);
    head = saved.body.revision.number;
    expect(saved.body.revision.changes.cells).toEqual(['t3.granted.natural']);

    const submitted = await clerkA.post(path('/submit'), { revision: head });
    expect(submitted.status).toBe(200);
    expect(submitted.body.report).toMatchObject({ status: 'submitted', statusLabel: '已提交' });
    // While it is with the reviewer, the clerk cannot change it.
    const locked = await clerkA.put(path('/document'), { baseRevision: head, document: fixed });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('not_editable');

    // The reviewer pins comments to a cell and to a section, then sends it back.
    expect((await reviewerA.post(path('/comments'), { target: { cell: 't3.granted.natural' }, body: '予以公开数与台账不符' })).status).toBe(201);
    expect((await reviewerA.post(path('/comments'), { target: { section: 'problems' }, body: '请写明改进措施' })).status).toBe(201);
    expect((await reviewerA.post(path('/comments'), { target: { cell: 't9.nope' }, body: 'x' })).status).toBe(400);
    const returned = await reviewerA.post(path('/return'), { revision: head, message: '请按意见修改' });
    expect(returned.body.report.status).toBe('returned');

    // The clerk sees the comments on that cell and section, fixes, resolves, resubmits.
    const comments = (await clerkA.get(path('/comments'))).body.comments;
    expect(comments.map((c: { target: unknown }) => c.target)).toEqual([{ cell: 't3.granted.natural' }, { section: 'problems' }]);
    expect(comments[0]).toMatchObject({ body: '予以公开数与台账不符', author: { displayName: 'reviewerA' }, revision: head, resolvedAt: null });
    fixed.cells['t3.granted.natural'] = 4;
    fixed.cells['t3.partlyGranted.natural'] = 1;
    fixed.prose.problems = '改进措施：加强台账管理。';
    saved = await clerkA.put(path('/document'), { baseRevision: head, document: fixed });
    head = saved.body.revision.number;
    const resolved = await clerkA.patch(path(`/comments/${comments[0].id}`), { resolved: true });
    expect(resolved.body.comment.resolvedAt).not.toBeNull();
    expect((await clerkA.post(path('/submit'), { revision: head })).status).toBe(200);

    // Approving what one has not seen (an older revision) is refused; so is a clerk approving.
    expect((await reviewerA.post(path('/approve'), { revision: head - 1 })).body.error.code).toBe('stale_revision');
    expect((await clerkA.post(path('/approve'), { revision: head })).status).toBe(403);
    expect((await reviewerA.post(path('/approve'), { revision: head })).body.report.status).toBe('approved');
    const again = await reviewerA.post(path('/approve'), { revision: head });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');

    // Publishing freezes the files; downloads are byte-identical, with their SHA-256.
    const published = await reviewerGov.post(path('/publish'), { revision: head });
    expect(published.status).toBe(201);
    expect(published.body.report.status).toBe('published');
    const publication = published.body.publication;
    expect(publication.revision).toBe(head);
    const kinds = publication.artifacts.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(['docx', 'html', 'json', 'pdf']);
    const downloads: Record<string, Uint8Array> = {};
    for (const a of publication.artifacts) {
      const res = await clerkA.download(a.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(a.mediaType);
      expect(res.headers.get('x-content-sha256')).toBe(a.sha256);
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('市司法局'));
      expect(sha256(res.bytes)).toBe(a.sha256);
      expect(res.bytes.length).toBe(a.size);
      downloads[a.kind] = res.bytes;
    }
    expect(JSON.parse(new TextDecoder().decode(downloads.json))).toEqual((await clerkA.get(path(`/revisions/${head}`))).body.document);
    expect(new TextDecoder().decode(downloads.docx!.slice(0, 2))).toBe('PK');
    expect(new TextDecoder().decode(downloads.pdf!.slice(0, 5))).toBe('%PDF-');
    expect(new TextDecoder().decode(downloads.html)).toMatch(/^<!doctype html>[\s\S]*市司法局2024年政府信息公开工作年度报告/i);
    const pdfFile = join(mkdtempSync(join(tmpdir(), 'nianbao-pub-')), 'report.pdf');
    writeFileSync(pdfFile, downloads.pdf!);
    expect((await run('pdftotext', [pdfFile, '-'])).stdout.replace(/\s/g, '')).toContain('市司法局2024年政府信息公开工作年度报告');

    // After publishing, changes need an explicit reopen by a reviewer; it starts a new revision.
    expect((await clerkA.put(path('/document'), { baseRevision: head, document: fixed })).body.error.code).toBe('not_editable');
    expect((await clerkA.post(path('/reopen'), { revision: head })).status).toBe(403);
    const noReason = await reviewerA.post(path('/reopen'), { revision: head });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: 'reason_required', message: '请填写重新打开的原因（将记入操作记录）' });
    const reopened = await reviewerA.post(path('/reopen'), { revision: head, message: '发现笔误' });
    expect(reopened.body.report).toMatchObject({ status: 'draft', head: head + 1 });
    const revisions = (await clerkA.get(path('/revisions'))).body.revisions;
    expect(revisions[0]).toMatchObject({ number: head + 1, kind: 'reopen', author: { displayName: 'reviewerA' } });
    fixed.contact.phone = '0000-1234567';
    expect((await clerkA.put(path('/document'), { baseRevision: head + 1, document: fixed })).status).toBe(200);

    // The published files are still there, byte for byte.
    const pubs = (await clerkA.get(path('/publications'))).body.publications;
    expect(pubs).toHaveLength(1);
    for (const a of pubs[0].artifacts) expect(sha256((await reviewerGov.download(a.url)).bytes)).toBe(sha256(downloads[a.kind]!));

    // Every transition is in the audit log, in order, with who did it.
    const audit = (await reviewerA.get(path('/audit'))).body.entries;
    expect(audit.map((e: { action: string; actor: { displayName: string } }) => `${e.action}:${e.actor.displayName}`)).toEqual([
      'submit:clerkA',
      'return:reviewerA',
      'submit:clerkA',
      'approve:reviewerA',
      'publish:reviewerGov',
      'reopen:reviewerA',
    ]);
    expect(audit[1]).toMatchObject({ fromStatus: 'submitted', toStatus: 'returned', detail: { message: '请按意见修改' } });
    expect(audit[4].detail.artifacts.map((a: { sha256: string }) => a.sha256)).toEqual(expect.arrayContaining([sha256(downloads.json!)]));
  });

  it('refuses approving and publishing when the stored revision has errors', async () => {
    const { clerkA, reviewerA } = ctx.world.users;
    const report = await createReport(clerkA, 2019, cleanDocument('市司法局', 2019));
    expect((await clerkA.post(`/api/reports/${report.id}/submit`, { revision: 1 })).status).toBe(200);
    // The rules may change between submitting and approving; simulate with a stored revision that now fails.
    await ctx.server.db.query('update revisions set document = $2::jsonb where report_id = $1 and number = 1', [report.id, JSON.stringify(brokenDocument('市司法局', 2019))]);
    const approve = await reviewerA.post(`/api/reports/${report.id}/approve`, { revision: 1 });
    expect(approve.status).toBe(422);
    expect(approve.body.findings[0].rule).toBe('t3.balance');
    await ctx.server.db.query("update reports set status = 'approved' where id = $1", [report.id]);
    const publish = await reviewerA.post(`/api/reports/${report.id}/publish`, { revision: 1 });
    expect(publish.status).toBe(422);
    expect((await reviewerA.get(`/api/reports/${report.id}/publications`)).body.publications).toEqual([]);
  });

  it('keeps history: revisions with authors and changes, diffs between any two and against last year', async () => {
    const { clerkA, clerkA2 } = ctx.world.users;
    const last = cleanDocument('市司法局', 2021);
    last.cells['t3.carriedOut.natural'] = 3;
    last.cells['t3.new.natural'] = 3;
    await createReport(clerkA, 2021, last);
    const report = await createReport(clerkA, 2022, cleanDocument('市司法局', 2022));
    const doc = cleanDocument('市司法局', 2022);
    doc.cells['t2.fees.amount'] = 1.5;
    const r2 = await clerkA.put(`/api/reports/${report.id}/document`, { baseRevision: 1, document: doc });
    doc.prose['overview.intro'] = '本年度，本局认真贯彻落实《条例》。';
    doc.cellText['t2.licensing.decisions'] = '约十件';
    const r3 = await clerkA2.put(`/api/reports/${report.id}/document`, { baseRevision: r2.body.revision.number, document: doc });
    expect(r3.body.revision).toMatchObject({ number: 3, author: { displayName: 'clerkA2' }, changes: { cells: ['t2.licensing.decisions'], texts: ['overview.intro'] } });
    // Saving the same document again stores nothing new.
    const same = await clerkA2.put(`/api/reports/${report.id}/document`, { baseRevision: 3, document: doc });
    expect(same.body).toMatchObject({ unchanged: true, revision: { number: 3 } });

    const list = (await clerkA.get(`/api/reports/${report.id}/revisions`)).body.revisions;
    expect(list.map((r: { number: number; author: { displayName: string } }) => `${r.number}:${r.author.displayName}`)).toEqual(['3:clerkA2', '2:clerkA', '1:clerkA']);
    const diff = (await clerkA.get(`/api/reports/${report.id}/diff?from=1&to=3`)).body.diff;
    expect(diff.cells.map((c: { id: string }) => c.id).sort()).toEqual(['t2.fees.amount', 't2.licensing.decisions']);
    expect(diff.cells.find((c: { id: string }) => c.id === 't2.fees.amount')).toMatchObject({ before: { value: 0 }, after: { value: 1.5 } });
    expect(diff.texts).toEqual([{ key: 'overview.intro', before: '', after: '本年度，本局认真贯彻落实《条例》。' }]);
    const yearDiff = (await clerkA.get(`/api/reports/${report.id}/diff?from=previous-year`)).body;
    expect(yearDiff.from.year).toBe(2021);
    expect(yearDiff.diff.cells.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['t3.carriedOut.natural', 't3.new.natural', 't2.fees.amount']));
    expect((await clerkA.get(`/api/reports/${report.id}/diff?from=9`)).status).toBe(404);
    expect((await clerkA.get(`/api/reports/${report.id}/diff?from=abc`)).status).toBe(400);
    const first = await createReport(clerkA, 2010);
    expect((await clerkA.get(`/api/reports/${first.id}/diff?from=previous-year`)).status).toBe(404);
  });

  it('migrations are versioned and run once', async () => {
    expect(await migrate(ctx.server.db)).toEqual([]);
    const rows = await ctx.server.db.query<{ version: number }>('select version from schema_migrations order by version');
    // Every file of the migrations folder, once, in order.
    const files = readdirSync(join(import.meta.dirname, '../../src/server/db/migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => Number(f.slice(0, 4))));
  });
});
