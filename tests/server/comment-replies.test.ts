// A review comment's thread: the report's clerks and its reviewers reply in order, with author and
// time; resolving still works and keeps the thread — on both engines.
import { describe, expect, it } from 'vitest';
import { ENGINES } from './support/harness.ts';
import { cleanDocument, createReport, withServerWorld } from './support/world.ts';

describe.each(ENGINES)('comment replies (%s)', (engine) => {
  const ctx = withServerWorld(engine);

  it('clerk and reviewer answer each other in one thread; resolving keeps it', async () => {
    const { clerkA, clerkA2, reviewerA, reviewerGov } = ctx.world.users;
    const report = await createReport(clerkA, 2024, cleanDocument('市司法局', 2024));
    const path = (p: string) => `/api/reports/${report.id}${p}`;
    expect((await clerkA.post(path('/submit'), { revision: report.head })).status).toBe(200);
    const comment = (await reviewerA.post(path('/comments'), { target: { cell: 't3.granted.natural' }, body: '予以公开数与台账不符' })).body.comment;
    expect(comment.replies).toEqual([]);

    const before = Date.now();
    const first = await clerkA.post(path(`/comments/${comment.id}/replies`), { body: '  台账另有 2 件为部分公开，已核对  ' });
    expect(first.status).toBe(201);
    expect(first.body.comment.replies).toEqual([
      { id: expect.any(Number), author: { id: expect.any(String), displayName: 'clerkA' }, body: '台账另有 2 件为部分公开，已核对', createdAt: expect.any(String) },
    ]);
    expect(Date.parse(first.body.comment.replies[0].createdAt)).toBeGreaterThanOrEqual(before - 60_000);
    expect((await reviewerGov.post(path(`/comments/${comment.id}/replies`), { body: '请在（三）部分公开一行填写' })).status).toBe(201);
    expect((await clerkA2.post(path(`/comments/${comment.id}/replies`), { body: '已改' })).status).toBe(201);

    // Resolving works as before and the thread stays, in the order written.
    const resolved = await clerkA.patch(path(`/comments/${comment.id}`), { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body.comment.resolvedAt).not.toBeNull();
    const listed = (await clerkA.get(path('/comments'))).body.comments;
    expect(listed).toHaveLength(1);
    expect(listed[0].resolvedAt).not.toBeNull();
    expect(listed[0].replies.map((r: { author: { displayName: string }; body: string }) => `${r.author.displayName}：${r.body}`)).toEqual([
      'clerkA：台账另有 2 件为部分公开，已核对',
      'reviewerGov：请在（三）部分公开一行填写',
      'clerkA2：已改',
    ]);
    const times = listed[0].replies.map((r: { createdAt: string }) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A resolved comment can still be answered.
    expect((await reviewerA.post(path(`/comments/${comment.id}/replies`), { body: '好' })).body.comment.replies).toHaveLength(4);
  });

  it('refuses an empty reply, an unknown comment and a comment of another report, storing nothing', async () => {
    const { clerkA, clerkB, reviewerA, reviewerGov } = ctx.world.users;
    const mine = await createReport(clerkA, 2025, cleanDocument('市司法局', 2025));
    const theirs = await createReport(clerkB, 2025, cleanDocument('市教育局', 2025));
    const comment = (await reviewerA.post(`/api/reports/${mine.id}/comments`, { target: { section: 'problems' }, body: '请写明改进措施' })).body.comment;
    const empty = await clerkA.post(`/api/reports/${mine.id}/comments/${comment.id}/replies`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.join('\n')).toContain('回复不能为空');
    expect((await clerkA.post(`/api/reports/${mine.id}/comments/nope/replies`, { body: '好' })).status).toBe(404);
    // The comment exists, but not on this report: reached through another report it is not found.
    expect((await reviewerGov.post(`/api/reports/${theirs.id}/comments/${comment.id}/replies`, { body: '好' })).status).toBe(404);
    expect((await clerkA.get(`/api/reports/${mine.id}/comments`)).body.comments[0].replies).toEqual([]);
  });
});
