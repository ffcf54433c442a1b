// The authorization matrix: every endpoint × every role × own / parent / sibling / unrelated agency.
// Nobody reads or writes another agency's reports; a denied request changes nothing.
import { describe, expect, it } from 'vitest';
import type { ApiResponse, Client } from './support/client.ts';
import { ENGINES } from './support/harness.ts';
import { cleanDocument, createReport, PASSWORD, type World, withServerWorld } from './support/world.ts';

type Actor = keyof World['users'] | 'admin' | 'anonymous';
const ACTORS: Actor[] = ['anonymous', 'admin', 'clerkA', 'clerkA2', 'reviewerA', 'reviewerGov', 'clerkB', 'reviewerB', 'clerkOther', 'reviewerOther'];
const READERS: Actor[] = ['clerkA', 'clerkA2', 'reviewerA', 'reviewerGov'];
const CLERKS_A: Actor[] = ['clerkA', 'clerkA2'];
const REVIEWERS_A: Actor[] = ['reviewerA', 'reviewerGov'];

type State = 'draft' | 'submitted' | 'approved' | 'published';
interface Ctx {
  id: string;
  head: number;
  commentId: string;
  publicationId: string;
}

/** One endpoint acting on one report of 市司法局 (deptA). */
interface ReportCase {
  name: string;
  state: State;
  /** Actors for whom it succeeds; READERS not listed here get 403, everyone else 404 (401 anonymous). */
  allowed: Actor[];
  success: number;
  call(c: Client, ctx: Ctx): Promise<ApiResponse>;
  /** Reads do not change the report, so all actors share one. */
  read?: boolean;
}

const save = (c: Client, ctx: Ctx) => c.put(`/api/reports/${ctx.id}/document`, { baseRevision: ctx.head, document: { ...cleanDocument('市司法局', 0), year: yearOf(ctx) } });
const years = new Map<string, number>();
const yearOf = (ctx: Ctx) => years.get(ctx.id)!;

const REPORT_CASES: ReportCase[] = [
  { name: 'GET report', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}`) },
  { name: 'GET revisions', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/revisions`) },
  { name: 'GET revision 1', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/revisions/1`) },
  { name: 'GET diff', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/diff?from=1&to=2`) },
  { name: 'GET diff vs last year', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/diff?from=previous-year`) },
  { name: 'GET previous year', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/previous-year`) },
  { name: 'GET comments', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/comments`) },
  { name: 'GET audit', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/audit`) },
  { name: 'GET publications', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/publications`) },
  { name: 'GET published file', state: 'published', read: true, allowed: READERS, success: 200, call: (c, x) => c.get(`/api/reports/${x.id}/publications/${x.publicationId}/json`) },
  { name: 'PUT document', state: 'draft', allowed: CLERKS_A, success: 200, call: save },
  { name: 'DELETE report', state: 'draft', allowed: CLERKS_A, success: 204, call: (c, x) => c.delete(`/api/reports/${x.id}`, { revision: x.head }) },
  { name: 'POST submit', state: 'draft', allowed: CLERKS_A, success: 200, call: (c, x) => c.post(`/api/reports/${x.id}/submit`, { revision: x.head }) },
  { name: 'POST withdraw', state: 'submitted', allowed: CLERKS_A, success: 200, call: (c, x) => c.post(`/api/reports/${x.id}/withdraw`, { revision: x.head }) },
  { name: 'POST return', state: 'submitted', allowed: REVIEWERS_A, success: 200, call: (c, x) => c.post(`/api/reports/${x.id}/return`, { revision: x.head, message: '请修改' }) },
  { name: 'POST approve', state: 'submitted', allowed: REVIEWERS_A, success: 200, call: (c, x) => c.post(`/api/reports/${x.id}/approve`, { revision: x.head }) },
  { name: 'POST publish', state: 'approved', allowed: REVIEWERS_A, success: 201, call: (c, x) => c.post(`/api/reports/${x.id}/publish`, { revision: x.head }) },
  { name: 'POST reopen', state: 'published', allowed: REVIEWERS_A, success: 200, call: (c, x) => c.post(`/api/reports/${x.id}/reopen`, { revision: x.head, message: '更正' }) },
  { name: 'POST comment', state: 'submitted', allowed: REVIEWERS_A, success: 201, call: (c, x) => c.post(`/api/reports/${x.id}/comments`, { target: { cell: 't3.new.natural' }, body: '请核对' }) },
  { name: 'PATCH comment', state: 'submitted', allowed: READERS, success: 200, call: (c, x) => c.patch(`/api/reports/${x.id}/comments/${x.commentId}`, { resolved: true }) },
  { name: 'POST comment reply', state: 'submitted', allowed: READERS, success: 201, call: (c, x) => c.post(`/api/reports/${x.id}/comments/${x.commentId}/replies`, { body: '已核对' }) },
];

describe.each(ENGINES)('authorization matrix (%s)', (engine) => {
  const env = withServerWorld(engine);
  let nextYear = 2030;
  const client = (a: Actor): Client => (a === 'admin' ? env.world.admin : a === 'anonymous' ? env.world.anonymous : env.world.users[a]);

  /** A deptA report brought to `state`, with one comment; published ones have a report the year before. */
  async function prepare(state: State): Promise<Ctx> {
    const { clerkA, reviewerA } = env.world.users;
    const year = nextYear;
    nextYear += 2;
    await createReport(clerkA, year - 1, cleanDocument('市司法局', year - 1));
    const created = await createReport(clerkA, year, cleanDocument('市司法局', year));
    years.set(created.id, year);
    const doc = { ...cleanDocument('市司法局', year), closing: '联系方式见上。' };
    let head = (await clerkA.put(`/api/reports/${created.id}/document`, { baseRevision: created.head, document: doc })).body.revision.number as number;
    const step = async (c: Client, action: string, ok = 200) => {
      const res = await c.post(`/api/reports/${created.id}/${action}`, { revision: head });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(ok);
      head = res.body.report.head;
      return res;
    };
    if (state !== 'draft') await step(clerkA, 'submit');
    const comment = await reviewerA.post(`/api/reports/${created.id}/comments`, { target: { section: 'requests' }, body: '第三部分请再核对' });
    let publicationId = '';
    if (state === 'approved' || state === 'published') await step(reviewerA, 'approve');
    if (state === 'published') publicationId = (await step(reviewerA, 'publish', 201)).body.publication.id;
    return { id: created.id, head, commentId: comment.body.comment.id, publicationId };
  }

  async function snapshot(ctx: Ctx) {
    const { reviewerA } = env.world.users;
    const report = await reviewerA.get(`/api/reports/${ctx.id}`);
    const comments = await reviewerA.get(`/api/reports/${ctx.id}/comments`);
    const audit = await reviewerA.get(`/api/reports/${ctx.id}/audit`);
    return { report: report.body.report, document: report.body.document, comments: comments.body.comments, audit: audit.body.entries.length };
  }

  for (const kase of REPORT_CASES) {
    it(kase.name, async () => {
      const expected = (a: Actor) => (kase.allowed.includes(a) ? kase.success : a === 'anonymous' ? 401 : READERS.includes(a) ? 403 : 404);
      const denied = ACTORS.filter((a) => !kase.allowed.includes(a));
      const shared = await prepare(kase.state);
      const before = await snapshot(shared);
      for (const actor of denied) {
        const res = await kase.call(client(actor), shared);
        expect(res.status, `${actor}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(expected(actor));
        // A denied answer carries nothing from the report.
        expect(JSON.stringify(res.body)).not.toContain('第三部分请再核对');
      }
      expect(await snapshot(shared), 'denied requests changed nothing').toEqual(before);
      for (const actor of kase.allowed) {
        const ctx = kase.read ? shared : await prepare(kase.state);
        const res = await kase.call(client(actor), ctx);
        expect(res.status, `${actor}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(kase.success);
      }
    });
  }

  it('lists only the reports a user may see', async () => {
    const { users } = env.world;
    const b = await createReport(users.clerkB, 2030, cleanDocument('市教育局', 2030));
    const o = await createReport(users.clerkOther, 2030, cleanDocument('另一县人民政府', 2030));
    const ids = async (a: Actor) => ((await client(a).get('/api/reports')).body.reports as { id: string; agency: { name: string } }[]).map((r) => r.agency.name);
    expect(new Set(await ids('clerkA'))).toEqual(new Set(['市司法局']));
    expect(new Set(await ids('reviewerA'))).toEqual(new Set(['市司法局']));
    expect(new Set(await ids('clerkB'))).toEqual(new Set(['市教育局']));
    expect(new Set(await ids('reviewerGov'))).toEqual(new Set(['市司法局', '市教育局']));
    expect(new Set(await ids('reviewerOther'))).toEqual(new Set(['另一县人民政府']));
    expect((await client('admin').get('/api/reports')).status).toBe(403);
    expect((await client('anonymous').get('/api/reports')).status).toBe(401);
    // Reviewers at a parent government see departments' reports; the reverse never holds.
    expect((await users.reviewerGov.get(`/api/reports/${b.id}`)).status).toBe(200);
    expect((await users.reviewerA.get(`/api/reports/${b.id}`)).status).toBe(404);
    expect((await users.reviewerGov.get(`/api/reports/${o.id}`)).status).toBe(404);
  });

  it('creates reports only for the clerk’s own agency', async () => {
    const { users, agencies } = env.world;
    for (const a of ['admin', 'reviewerA', 'reviewerGov'] as Actor[]) expect((await client(a).post('/api/reports', { year: 2031 })).status).toBe(403);
    expect((await client('anonymous').post('/api/reports', { year: 2031 })).status).toBe(401);
    // There is no way to name another agency: the field does not exist.
    const res = await users.clerkOther.post('/api/reports', { year: 2031, agencyId: agencies.deptA });
    expect(res.status).toBe(400);
    const created = await users.clerkOther.post('/api/reports', { year: 2031 });
    expect(created.status).toBe(201);
    expect(created.body.report.agency.id).toBe(agencies.other);
  });

  it('agencies: everyone sees their own scope; only administrators change them', async () => {
    const { agencies } = env.world;
    const names = async (a: Actor) => new Set(((await client(a).get('/api/agencies')).body.agencies as { name: string }[]).map((x) => x.name));
    expect(await names('clerkA')).toEqual(new Set(['市司法局']));
    expect(await names('reviewerGov')).toEqual(new Set(['某某市人民政府', '市司法局', '市教育局']));
    expect(await names('reviewerOther')).toEqual(new Set(['另一县人民政府']));
    expect((await names('admin')).size).toBe(4);
    expect((await client('anonymous').get('/api/agencies')).status).toBe(401);
    for (const a of ACTORS.filter((x) => x !== 'admin')) {
      const create = await client(a).post('/api/agencies', { name: `新单位${a}`, kind: 'department', parentId: agencies.gov });
      const patch = await client(a).patch(`/api/agencies/${agencies.deptA}`, { name: '改名' });
      expect([create.status, patch.status], a).toEqual(a === 'anonymous' ? [401, 401] : [403, 403]);
    }
    expect((await env.world.admin.post('/api/agencies', { name: '市财政局', kind: 'department', parentId: agencies.gov })).status).toBe(201);
    expect((await env.world.admin.patch(`/api/agencies/${agencies.deptB}`, { name: '市教育局' })).status).toBe(200);
    // A cycle in the hierarchy is refused.
    expect((await env.world.admin.patch(`/api/agencies/${agencies.gov}`, { parentId: agencies.deptA })).status).toBe(400);
  });

  it('oversight: reviewers only, and only their own subtree', async () => {
    const { agencies } = env.world;
    const reviewers: Actor[] = ['reviewerA', 'reviewerGov', 'reviewerB', 'reviewerOther'];
    const reads = [
      '/api/oversight?year=2030',
      '/api/oversight/rollup?year=2030',
      '/api/oversight/rollup?year=2030&format=csv',
      '/api/oversight/rollup?year=2030&format=xlsx',
      '/api/oversight/rollup/cell?year=2030&cell=t3.new.total',
      '/api/oversight/reminders?year=2030',
      '/api/oversight/timeline?year=2030',
      '/api/oversight/publications?year=2030',
      '/api/oversight/publications.zip?year=2030',
      '/api/oversight/bulk-checks?year=2030',
    ];
    const own: Record<string, string> = { reviewerA: agencies.deptA, reviewerGov: agencies.deptB, reviewerB: agencies.deptB, reviewerOther: agencies.other };
    for (const actor of ACTORS) {
      const expected = actor === 'anonymous' ? 401 : reviewers.includes(actor) ? 200 : 403;
      for (const path of reads) expect((await client(actor).request('GET', path)).status, `${actor} ${path}`).toBe(expected);
      const page = await client(actor).get(`/api/oversight/agencies/${own[actor] ?? agencies.deptA}`);
      expect(page.status, `${actor} agency page`).toBe(expected);
      const remind = await client(actor).post('/api/oversight/reminders', { year: 2030, agencyIds: [own[actor] ?? agencies.deptA], message: '请尽快填报' });
      expect(remind.status, `${actor} remind`).toBe(expected === 200 ? 201 : expected);
      const row = { file: 'x.pdf', agency: null, year: null, errors: null, warnings: null, problems: null, unassessed: null, note: '' };
      const keep = await client(actor).post('/api/oversight/bulk-checks', { year: 2030, summary: [row], results: [] });
      expect(keep.status, `${actor} keep bulk check`).toBe(expected === 200 ? 201 : expected);
    }
    // Another subtree's agencies never appear, and cannot be reminded.
    const board = async (a: Actor) => new Set(((await client(a).get('/api/oversight?year=2030')).body.agencies as { agency: { name: string } }[]).map((r) => r.agency.name));
    const scope = new Set(((await client('reviewerGov').get('/api/agencies')).body.agencies as { name: string }[]).map((a) => a.name));
    expect(scope).toContain('市教育局');
    expect(await board('reviewerGov')).toEqual(scope);
    expect(await board('reviewerA')).toEqual(new Set(['市司法局']));
    expect(await board('reviewerOther')).toEqual(new Set(['另一县人民政府']));
    for (const [actor, target] of [
      ['reviewerA', agencies.deptB],
      ['reviewerGov', agencies.other],
      ['reviewerOther', agencies.gov],
    ] as const) {
      expect((await client(actor).post('/api/oversight/reminders', { year: 2030, agencyIds: [target], message: '越权催办' })).status, actor).toBe(403);
    }
    // An agency page outside the subtree (also the reviewer's own parent) answers as an unknown agency.
    for (const [actor, target] of [
      ['reviewerA', agencies.deptB],
      ['reviewerB', agencies.gov],
      ['reviewerGov', agencies.other],
      ['reviewerOther', agencies.gov],
    ] as const) {
      expect((await client(actor).get(`/api/oversight/agencies/${target}`)).status, actor).toBe(404);
    }
    const rollup = await client('reviewerOther').get('/api/oversight/rollup?year=2030&include=approved,published,submitted');
    expect(rollup.body.excluded.map((e: { agencyId: string }) => e.agencyId)).toEqual([agencies.other]);
    // The clerks' side: their agency's reminders, never another's; administrators have none.
    expect((await client('anonymous').get('/api/reminders')).status).toBe(401);
    expect((await client('admin').get('/api/reminders')).status).toBe(403);
    for (const actor of ['clerkA', 'clerkB', 'clerkOther'] as const) {
      const inbox = (await client(actor).get('/api/reminders')).body.reminders as { message: string; agencyId: string }[];
      expect(
        inbox.every((r) => r.agencyId === (actor === 'clerkA' ? agencies.deptA : actor === 'clerkB' ? agencies.deptB : agencies.other)),
        actor,
      ).toBe(true);
      expect(JSON.stringify(inbox)).not.toContain('越权催办');
    }
    const toB = (await client('clerkB').get('/api/reminders')).body.reminders[0];
    for (const actor of ['clerkA', 'clerkOther', 'reviewerA'] as const) {
      expect((await client(actor).patch(`/api/reminders/${toB.id}`, { dismissed: true })).status, actor).toBe(404);
    }
  });

  it('users: only administrators list, create and change accounts', async () => {
    const { agencies } = env.world;
    const target = (await env.world.admin.get('/api/users')).body.users.find((u: { username: string }) => u.username === 'clerkB').id;
    for (const a of ACTORS.filter((x) => x !== 'admin')) {
      const expected = a === 'anonymous' ? 401 : 403;
      expect((await client(a).get('/api/users')).status, a).toBe(expected);
      expect((await client(a).post('/api/users', { username: `x${a}`, displayName: 'x', password: PASSWORD, role: 'admin', agencyId: agencies.gov })).status, a).toBe(expected);
      expect((await client(a).patch(`/api/users/${target}`, { role: 'admin' })).status, a).toBe(expected);
    }
    const users = (await env.world.admin.get('/api/users')).body.users;
    expect(users.find((u: { id: string }) => u.id === target).role).toBe('clerk');
    expect(JSON.stringify(users)).not.toMatch(/scrypt|password/i);
  });
});
