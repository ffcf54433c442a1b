// The office's console over both engines: the board lists every agency of the reviewer's subtree
// (also those without a report) with status, deadline and the stored finding counts (with the
// cross-year checks, kept true when last year's report changes); reminders reach the agency's
// clerks; an agency's page; kept bulk-check results; the roll-up is the cell-by-cell sum of the included reports; the timeline and
// the publication register read what happened.

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OversightAgency, OversightBoard, OversightRow } from '../../src/api/oversight.ts';
import { CELL_IDS, checkReport, getTemplate, openReportYear, type ReportDocument, withDerivedTotals } from '../../src/core/index.ts';
import { chinaDate } from '../../src/server/oversight/calendar.ts';
import { consistentDocument, seedlingsArb } from '../support/documents.ts';
import { Client } from './support/client.ts';
import { ENGINES } from './support/harness.ts';
import { brokenDocument, cleanDocument, createReport, PASSWORD, withServerWorld } from './support/world.ts';

const YEAR = 2024; // both deadlines (2025-01-31, 2025-03-31) have passed
const [docA, docC, docGov] = fc.sample(seedlingsArb, { seed: 12, numRuns: 3 }).map((s) => consistentDocument(s, YEAR)) as [ReportDocument, ReportDocument, ReportDocument];

describe.each(ENGINES)('oversight (%s)', (engine) => {
  const env = withServerWorld(engine);
  let deptC = '';
  let clerkC: Client;
  const reports: Record<string, { id: string; document: ReportDocument }> = {};

  async function advance(reportId: string, steps: [Client, string, number][]) {
    let head = (await steps[0]![0].get(`/api/reports/${reportId}`)).body.report.head as number;
    for (const [client, action, status] of steps) {
      const res = await client.post(`/api/reports/${reportId}/${action}`, { revision: head });
      expect(res.status, `${action}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(status);
      head = res.body.report.head;
    }
  }

  it('sets up: 司法局 published, 教育局 a draft with errors, 财政局 approved, the government not started', async () => {
    const { users, admin, agencies } = env.world;
    deptC = (await admin.post('/api/agencies', { name: '市财政局', kind: 'department', parentId: agencies.gov })).body.agency.id;
    await admin.post('/api/users', { username: 'clerkC', displayName: '王财政', password: PASSWORD, role: 'clerk', agencyId: deptC });
    clerkC = await new Client(env.server.base).login('clerkC', PASSWORD);
    reports.A = await createReport(users.clerkA, YEAR, docA);
    reports.B = await createReport(users.clerkB, YEAR, brokenDocument('市教育局', YEAR));
    reports.C = await createReport(clerkC, YEAR, docC);
    await advance(reports.A.id, [
      [users.clerkA, 'submit', 200],
      [users.reviewerGov, 'approve', 200],
      [users.reviewerGov, 'publish', 201],
    ]);
    await advance(reports.C.id, [
      [clerkC, 'submit', 200],
      [users.reviewerGov, 'approve', 200],
    ]);
    // Another government's report never shows in this office's figures.
    const other = await createReport(users.clerkOther, YEAR, docGov);
    await advance(other.id, [
      [users.clerkOther, 'submit', 200],
      [users.reviewerOther, 'approve', 200],
    ]);
  });

  it('the board: every agency of the subtree, with status, deadline, counts and clerks', async () => {
    const { users, agencies } = env.world;
    const requested = new Date();
    const res = await users.reviewerGov.get(`/api/oversight?year=${YEAR}`);
    expect(res.status).toBe(200);
    const board = res.body as OversightBoard;
    const row = (id: string) => board.agencies.find((r) => r.agency.id === id)!;
    expect(board.year).toBe(YEAR);
    expect(new Set(board.agencies.map((r) => r.agency.id))).toEqual(new Set([agencies.gov, agencies.deptA, agencies.deptB, deptC]));

    const gov = row(agencies.gov);
    expect(gov).toMatchObject({ agency: { kind: 'government', parentId: null }, report: null, errors: null, warnings: null, deadline: '2025-03-31', overdue: true, lastReminder: null });
    const a = row(agencies.deptA);
    expect(a).toMatchObject({ report: { id: reports.A!.id, status: 'published' }, deadline: '2025-01-31', overdue: false, errors: 0 });
    expect(a.clerks.map((c) => c.displayName).sort()).toEqual(['clerkA', 'clerkA2']);
    const b = row(agencies.deptB);
    const findings = checkReport(reports.B!.document, { totals: 'computed' });
    expect(b).toMatchObject({ report: { status: 'draft' }, overdue: true, agency: { parentId: agencies.gov } });
    expect(b.errors).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(b.errors).toBeGreaterThan(0);
    expect(b.warnings).toBe(findings.filter((f) => f.severity === 'warning').length);
    expect(row(deptC).report!.status).toBe('approved');
    // Saved when created; approving changed the report later, not its content.
    const revisionC = (await users.reviewerGov.get(`/api/reports/${reports.C!.id}`)).body.revision;
    expect(row(deptC).report!.savedAt).toBe(revisionC.createdAt);
    expect(row(deptC).report!.updatedAt > row(deptC).report!.savedAt).toBe(true);
    // Today in China, whichever side of midnight the request fell.
    const daysLeft = (at: Date) => Math.round((Date.parse('2025-01-31') - Date.parse(chinaDate(at))) / 86_400_000);
    expect([daysLeft(requested), daysLeft(new Date())]).toContain(b.daysLeft);

    // A department reviewer oversees only itself; the other government only its own.
    expect((await users.reviewerA.get(`/api/oversight?year=${YEAR}`)).body.agencies.map((r: OversightRow) => r.agency.id)).toEqual([agencies.deptA]);
    expect((await users.reviewerOther.get(`/api/oversight?year=${YEAR}`)).body.agencies.map((r: OversightRow) => r.agency.id)).toEqual([agencies.other]);
    // Without a year: the earliest report year whose deadline has not passed.
    expect((await users.reviewerGov.get('/api/oversight')).body.year).toBe(openReportYear(getTemplate(), chinaDate()));
    expect((await users.reviewerGov.get('/api/oversight?year=abc')).status).toBe(400);
  });

  it('a save stores the new revision’s counts', async () => {
    const { users, agencies } = env.world;
    const fixed = { ...brokenDocument('市教育局', YEAR), cells: { ...brokenDocument('市教育局', YEAR).cells, 't3.new.natural': 0 } };
    const head = (await users.clerkB.get(`/api/reports/${reports.B!.id}`)).body.report.head;
    expect((await users.clerkB.put(`/api/reports/${reports.B!.id}/document`, { baseRevision: head, document: fixed })).status).toBe(200);
    const board = (await users.reviewerGov.get(`/api/oversight?year=${YEAR}`)).body as OversightBoard;
    expect(board.agencies.find((r) => r.agency.id === agencies.deptB)!.errors).toBe(0);
    await users.clerkB.put(`/api/reports/${reports.B!.id}/document`, { baseRevision: head + 1, document: reports.B!.document });
  });

  it('the stored counts include the checks against last year’s report, and follow it when it changes', async () => {
    const { users, agencies } = env.world;
    const next = await createReport(users.clerkB, YEAR + 1, cleanDocument('市教育局', YEAR + 1));
    const counted = async () => {
      const row = ((await users.reviewerGov.get(`/api/oversight?year=${YEAR + 1}`)).body as OversightBoard).agencies.find((r) => r.agency.id === agencies.deptB)!;
      const listed = ((await users.clerkB.get('/api/reports')).body.reports as { id: string; errors: number; warnings: number }[]).find((r) => r.id === next.id)!;
      expect([listed.errors, listed.warnings]).toEqual([row.errors, row.warnings]);
      return row;
    };
    // What the editor and the review screen judge: the report with last year's as the server has it.
    const expected = async () => {
      const lastYear = (await users.clerkB.get(`/api/reports/${reports.B!.id}`)).body.document as ReportDocument;
      const findings = checkReport(next.document, { totals: 'computed', previous: lastYear });
      const errors = findings.filter((f) => f.severity === 'error').length;
      return { errors, warnings: findings.length - errors, carryOver: findings.some((f) => f.rule === 'carryOver.mismatch') };
    };
    const before = await expected();
    expect(before.carryOver).toBe(false);
    expect(await counted()).toMatchObject({ errors: before.errors, warnings: before.warnings });

    // Last year's 结转下年度 changes: this year's 上年结转 no longer matches it.
    const head = (await users.clerkB.get(`/api/reports/${reports.B!.id}`)).body.report.head as number;
    const changed = { ...reports.B!.document, cells: { ...reports.B!.document.cells, 't3.carriedOut.natural': 1 } };
    expect((await users.clerkB.put(`/api/reports/${reports.B!.id}/document`, { baseRevision: head, document: changed })).status).toBe(200);
    const after = await expected();
    expect(after.carryOver).toBe(true);
    expect(await counted()).toMatchObject({ errors: after.errors, warnings: after.warnings });
    expect(after.warnings).toBeGreaterThan(before.warnings);

    expect((await users.clerkB.put(`/api/reports/${reports.B!.id}/document`, { baseRevision: head + 1, document: reports.B!.document })).status).toBe(200);
    expect(await counted()).toMatchObject({ errors: before.errors, warnings: before.warnings });
    expect((await users.clerkB.request('DELETE', `/api/reports/${next.id}`, { revision: next.head })).status).toBe(204);
  });

  it('reminders: sent to the subtree only, shown on the board, read and dismissed by the clerks', async () => {
    const { users, agencies } = env.world;
    const sent = await users.reviewerGov.post('/api/oversight/reminders', { year: YEAR, agencyIds: [agencies.deptB, agencies.gov], message: '请于本周内提交年报' });
    expect(sent.status).toBe(201);
    expect(sent.body.reminders).toHaveLength(2);

    // Outside the subtree (or unknown): refused, nothing stored.
    for (const [client, ids] of [
      [users.reviewerGov, [agencies.deptB, agencies.other]],
      [users.reviewerA, [agencies.deptB]],
      [users.reviewerGov, ['no-such-agency']],
    ] as const) {
      expect((await client.post('/api/oversight/reminders', { year: YEAR, agencyIds: ids, message: '越权' })).status).toBe(403);
    }
    expect((await users.reviewerGov.post('/api/oversight/reminders', { year: YEAR, agencyIds: [agencies.deptB], message: ' ' })).status).toBe(400);
    expect((await users.clerkB.post('/api/oversight/reminders', { year: YEAR, agencyIds: [agencies.deptB], message: '催' })).status).toBe(403);

    const board = (await users.reviewerGov.get(`/api/oversight?year=${YEAR}`)).body as OversightBoard;
    const b = board.agencies.find((r) => r.agency.id === agencies.deptB)!;
    expect(b.lastReminder).toEqual({ at: sent.body.reminders[0].sentAt, by: 'reviewerGov' });
    expect(board.agencies.find((r) => r.agency.id === agencies.deptA)!.lastReminder).toBeNull();
    const record = (await users.reviewerGov.get(`/api/oversight/reminders?year=${YEAR}`)).body.reminders;
    expect(record.map((r: { agency: { name: string } }) => r.agency.name).sort()).toEqual(['市教育局', '某某市人民政府']);
    expect(JSON.stringify(record)).not.toContain('越权');

    const inbox = (await users.clerkB.get('/api/reminders?unread=1')).body.reminders;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ year: YEAR, agencyId: agencies.deptB, message: '请于本周内提交年报', dismissedAt: null, sentBy: { displayName: 'reviewerGov', agencyName: '某某市人民政府' } });
    expect((await users.clerkA.get('/api/reminders')).body.reminders).toEqual([]);
    expect((await users.clerkA.patch(`/api/reminders/${inbox[0].id}`, { dismissed: true })).status).toBe(404);
    expect((await env.world.admin.get('/api/reminders')).status).toBe(403);

    const dismissed = await users.clerkB.patch(`/api/reminders/${inbox[0].id}`, { dismissed: true });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.reminder.dismissedAt).not.toBeNull();
    expect((await users.clerkB.get('/api/reminders?unread=1')).body.reminders).toEqual([]);
    expect((await users.clerkB.get('/api/reminders')).body.reminders).toHaveLength(1);
  });

  it('an agency’s page: kind, parent, clerks, reports by year, the reminders sent to it and who read them', async () => {
    const { users, agencies } = env.world;
    const res = await users.reviewerGov.get(`/api/oversight/agencies/${agencies.deptB}`);
    expect(res.status).toBe(200);
    const page = res.body as OversightAgency;
    expect(page.agency).toEqual({ id: agencies.deptB, name: '市教育局', kind: 'department', parentId: agencies.gov });
    expect(page.parent).toEqual({ id: agencies.gov, name: '某某市人民政府' });
    expect(page.clerks.map((c) => c.displayName)).toEqual(['clerkB']);
    const b = ((await users.reviewerGov.get(`/api/oversight?year=${YEAR}`)).body as OversightBoard).agencies.find((r) => r.agency.id === agencies.deptB)!;
    expect(page.reports).toEqual([
      { id: reports.B!.id, year: YEAR, status: 'draft', head: b.report!.head, updatedAt: b.report!.updatedAt, savedAt: b.report!.savedAt, errors: b.errors, warnings: b.warnings },
    ]);
    expect(page.reminders).toHaveLength(1);
    expect(page.reminders[0]).toMatchObject({ year: YEAR, message: '请于本周内提交年报', sentBy: { displayName: 'reviewerGov' }, readBy: [{ displayName: 'clerkB' }] });

    // The office's own agency: not started, its parent outside the subtree is not shown, nobody read the reminder.
    const own = (await users.reviewerGov.get(`/api/oversight/agencies/${agencies.gov}`)).body as OversightAgency;
    expect(own).toMatchObject({ agency: { kind: 'government' }, parent: null, reports: [] });
    expect(own.reminders.map((m) => m.readBy)).toEqual([[]]);
    // Outside the subtree, or unknown: not found.
    expect((await users.reviewerA.get(`/api/oversight/agencies/${agencies.deptB}`)).status).toBe(404);
    expect((await users.reviewerGov.get(`/api/oversight/agencies/${agencies.other}`)).status).toBe(404);
    expect((await users.reviewerGov.get('/api/oversight/agencies/no-such-agency')).status).toBe(404);
  });

  it('keeps a bulk check’s results when the office chooses, per year, for its own agency only', async () => {
    const { users } = env.world;
    const summary = [
      { file: 'a.pdf', agency: '市司法局', year: YEAR, errors: 2, warnings: 1, problems: 0, unassessed: 0, note: '表三合计不符' },
      { file: 'b.docx', agency: null, year: null, errors: null, warnings: null, problems: null, unassessed: null, note: '无法读取：文件已损坏' },
      { file: 'c.txt', agency: '市教育局', year: YEAR, errors: 0, warnings: 3, problems: 1, unassessed: 0, note: '' },
    ];
    const results = [
      { file: 'a.pdf', findings: [] },
      { file: 'c.txt', findings: [] },
    ];
    const sent = await users.reviewerGov.post('/api/oversight/bulk-checks', { year: YEAR, summary, results });
    expect(sent.status).toBe(201);
    expect(sent.body.bulkCheck).toMatchObject({ year: YEAR, files: 3, withErrors: 1, unreadable: 1, savedBy: { displayName: 'reviewerGov' } });
    const id = sent.body.bulkCheck.id as string;

    expect((await users.reviewerGov.get(`/api/oversight/bulk-checks?year=${YEAR}`)).body.bulkChecks).toEqual([sent.body.bulkCheck]);
    expect((await users.reviewerGov.get(`/api/oversight/bulk-checks?year=${YEAR + 1}`)).body.bulkChecks).toEqual([]);
    expect((await users.reviewerGov.get(`/api/oversight/bulk-checks/${id}`)).body).toEqual({ bulkCheck: sent.body.bulkCheck, summary, results });
    // Another office — also one below — neither lists nor reads it.
    expect((await users.reviewerA.get(`/api/oversight/bulk-checks?year=${YEAR}`)).body.bulkChecks).toEqual([]);
    expect((await users.reviewerA.get(`/api/oversight/bulk-checks/${id}`)).status).toBe(404);
    expect((await users.reviewerOther.get(`/api/oversight/bulk-checks/${id}`)).status).toBe(404);
    // Rows as `nianbao check --summary` writes them, at least one.
    expect((await users.reviewerGov.post('/api/oversight/bulk-checks', { year: YEAR, summary: [], results: [] })).status).toBe(400);
    expect((await users.reviewerGov.post('/api/oversight/bulk-checks', { year: YEAR, summary: [{ ...summary[0], errors: -1 }], results: [] })).status).toBe(400);
  });

  it('the roll-up is the cell-by-cell sum of the included reports, and consistent', async () => {
    const { users, agencies } = env.world;
    const res = await users.reviewerGov.get(`/api/oversight/rollup?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(new Set(res.body.included.map((i: { reportId: string }) => i.reportId))).toEqual(new Set([reports.A!.id, reports.C!.id]));
    expect(res.body.excluded.map((e: { agencyId: string; status: string | null }) => [e.agencyId, e.status]).sort()).toEqual(
      [
        [agencies.deptB, 'draft'],
        [agencies.gov, null],
      ].sort(),
    );
    const a = withDerivedTotals(docA).cells;
    const c = withDerivedTotals(docC).cells;
    for (const id of CELL_IDS) {
      const expected = a[id] === null && c[id] === null ? null : (a[id] ?? 0) + (c[id] ?? 0);
      if (typeof expected === 'number' && !Number.isInteger(expected)) expect(res.body.cells[id], id).toBeCloseTo(expected, 4);
      else expect(res.body.cells[id], id).toBe(expected);
    }
    expect(res.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const withSubmitted = await users.reviewerGov.get(`/api/oversight/rollup?year=${YEAR}&include=submitted`);
    expect(withSubmitted.body.included).toEqual([]);
    expect(Object.values(withSubmitted.body.cells).every((v) => v === null)).toBe(true);
    expect((await users.reviewerGov.get(`/api/oversight/rollup?year=${YEAR}&include=draft`)).status).toBe(400);

    const cell = await users.reviewerGov.get(`/api/oversight/rollup/cell?year=${YEAR}&cell=t3.new.total`);
    expect(cell.body.contributions.map((x: { agencyName: string; value: number }) => [x.agencyName, x.value]).sort()).toEqual(
      [
        ['市司法局', a['t3.new.total']],
        ['市财政局', c['t3.new.total']],
      ].sort(),
    );
    expect((await users.reviewerGov.get(`/api/oversight/rollup/cell?year=${YEAR}&cell=t9.x`)).status).toBe(400);
  });

  it('the roll-up as CSV: one row per cell id with its sum and how many reports count', async () => {
    const { users } = env.world;
    const res = await users.reviewerGov.download(`/api/oversight/rollup?year=${YEAR}&format=csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    // The BOM (so Excel and WPS read UTF-8), then the header.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(res.bytes);
    expect(text.startsWith('\uFEFF单元格编号,表格,行,列,合计,计入报告数\r\n')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(CELL_IDS.length + 1);
    const newTotal = lines.find((l) => l.startsWith('t3.new.total,'))!.split(',');
    expect(newTotal.slice(-2)).toEqual([String(withDerivedTotals(docA).cells['t3.new.total']! + withDerivedTotals(docC).cells['t3.new.total']!), '2']);
  });

  it('the timeline counts first submissions and publications by day', async () => {
    const { reviewerGov } = env.world.users;
    const res = await reviewerGov.get(`/api/oversight/timeline?year=${YEAR}`);
    expect(res.status).toBe(200);
    // The cycle of 2024 is over: from the first event's day (China time) to the last one's.
    const events = [...(await reviewerGov.get(`/api/reports/${reports.A!.id}/audit`)).body.entries, ...(await reviewerGov.get(`/api/reports/${reports.C!.id}/audit`)).body.entries]
      .filter((e: { action: string }) => e.action === 'submit' || e.action === 'publish')
      .map((e: { at: string }) => chinaDate(new Date(e.at)))
      .sort();
    expect(res.body.days[0].date).toBe(events[0]);
    // Two submitted (司法局, 财政局; 另一县 is not in the subtree), one published.
    expect(res.body.days.at(-1)).toEqual({ date: events.at(-1), submitted: 2, published: 1 });
  });

  it('the publication register lists every publication with its files, and zips them', async () => {
    const { users, agencies } = env.world;
    const res = await users.reviewerGov.get(`/api/oversight/publications?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.publications).toHaveLength(1);
    const entry = res.body.publications[0];
    expect(entry).toMatchObject({ agency: { id: agencies.deptA, name: '市司法局' }, reportId: reports.A!.id, publishedBy: { displayName: 'reviewerGov' } });
    expect(entry.artifacts.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['json', 'docx', 'pdf']));
    const zip = await users.reviewerGov.download(`/api/oversight/publications.zip?year=${YEAR}`);
    expect(zip.status).toBe(200);
    const files = unzipSync(zip.bytes);
    for (const f of entry.artifacts) {
      const path = `市司法局/第${entry.revision}版/${f.filename}`;
      expect(files[path], path).toBeDefined();
      expect(createHash('sha256').update(files[path]!).digest('hex')).toBe(f.sha256);
      expect(strFromU8(files['SHA256SUMS.txt']!)).toContain(`${f.sha256}  ${path}`);
    }
    expect((await users.reviewerA.get(`/api/oversight/publications?year=${YEAR}`)).body.publications).toHaveLength(1);
    expect((await users.reviewerB.get(`/api/oversight/publications?year=${YEAR}`)).body.publications).toEqual([]);
  });
});
