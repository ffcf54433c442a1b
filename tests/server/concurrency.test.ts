// Several editors on one draft: a save based on an old revision gets 409 with the current revision
// and the other editor's changes; merging and retrying loses nothing, over a randomized run.
import { describe, expect, it } from 'vitest';
import { type CellId, mergeDocuments, type ReportDocument } from '../../src/core/index.ts';
import { rng, TEST_SEED } from '../support/random.ts';
import type { Client } from './support/client.ts';
import { ENGINES } from './support/harness.ts';
import { cleanDocument, createReport, withServerWorld } from './support/world.ts';

const CELLS: CellId[] = ['t2.regulations.issued', 't2.normativeDocs.issued', 't2.licensing.decisions', 't2.penalty.decisions', 't2.coercion.decisions', 't2.fees.amount'];

describe.each(ENGINES)('concurrent editing (%s)', (engine) => {
  const ctx = withServerWorld(engine);

  it('a stale save gets 409 with the current revision and what changed; merge and retry keeps both edits', async () => {
    const { clerkA, clerkA2 } = ctx.world.users;
    const report = await createReport(clerkA, 2024, cleanDocument('市司法局', 2024));
    const base = (await clerkA2.get(`/api/reports/${report.id}`)).body.document as ReportDocument;

    const a = structuredClone(base);
    a.cells['t2.licensing.decisions'] = 11;
    expect((await clerkA.put(`/api/reports/${report.id}/document`, { baseRevision: 1, document: a })).status).toBe(200);

    const b = structuredClone(base);
    b.prose.problems = '问题与改进';
    const stale = await clerkA2.put(`/api/reports/${report.id}/document`, { baseRevision: 1, document: b });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_revision');
    expect(stale.body.error.message).toContain('clerkA');
    expect(stale.body.current.revision).toMatchObject({ number: 2, author: { displayName: 'clerkA' } });
    expect(stale.body.current.document.cells['t2.licensing.decisions']).toBe(11);
    expect(stale.body.theirChanges.cells).toEqual([{ id: 't2.licensing.decisions', before: { value: 0, text: null, notApplicable: false }, after: { value: 11, text: null, notApplicable: false } }]);
    // Nothing of the stale save was stored.
    expect((await clerkA.get(`/api/reports/${report.id}`)).body.document.prose.problems).toBe('无');

    const merged = mergeDocuments(base, b, stale.body.current.document).document;
    const retry = await clerkA2.put(`/api/reports/${report.id}/document`, { baseRevision: 2, document: merged });
    expect(retry.status).toBe(200);
    const final = (await clerkA.get(`/api/reports/${report.id}`)).body.document;
    expect(final.cells['t2.licensing.decisions']).toBe(11);
    expect(final.prose.problems).toBe('问题与改进');
  });

  it('zero lost updates: randomized concurrent saves by six editors', async () => {
    const seed = TEST_SEED;
    const random = rng(seed);
    const editors: Client[] = [ctx.world.users.clerkA, ctx.world.users.clerkA2];
    const report = await createReport(ctx.world.users.clerkA, 2025, cleanDocument('市司法局', 2025));
    const initial = (await editors[0]!.get(`/api/reports/${report.id}`)).body.document as ReportDocument;
    const acks: { revision: number; base: number; cell: CellId; value: number; document: ReportDocument }[] = [];
    let conflicts = 0;

    async function editor(index: number, rounds: number) {
      const client = editors[index % editors.length]!;
      let local = structuredClone(initial);
      let base = 1;
      for (let round = 0; round < rounds; round++) {
        const cell = CELLS[Math.floor(random() * CELLS.length)]!;
        const value = index * 1000 + round + 1;
        let mine = structuredClone(local);
        mine.cells[cell] = value;
        for (;;) {
          const res = await client.put(`/api/reports/${report.id}/document`, { baseRevision: base, document: mine });
          if (res.status === 200) {
            acks.push({ revision: res.body.revision.number, base, cell, value, document: mine });
            local = mine;
            base = res.body.revision.number;
            break;
          }
          expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(409);
          conflicts++;
          const theirs = res.body.current.document as ReportDocument;
          mine = mergeDocuments(local, mine, theirs).document;
          local = theirs;
          base = res.body.current.revision.number;
        }
        if (random() < 0.3) await new Promise((r) => setTimeout(r, random() * 5));
      }
    }
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => editor(i, 15)));

    const context = `seed ${seed}`;
    expect(conflicts, context).toBeGreaterThan(0);
    // Each acknowledged save got its own revision, directly on top of the one its author had seen.
    const revisions = acks.map((a) => a.revision).sort((x, y) => x - y);
    expect(revisions, context).toEqual(acks.map((_, i) => i + 2));
    for (const a of acks) expect(a.revision, context).toBe(a.base + 1);
    // What was acknowledged is what is stored, and the final report is every edit applied in order.
    const expected = structuredClone(initial);
    for (const a of [...acks].sort((x, y) => x.revision - y.revision)) {
      const stored = (await editors[0]!.get(`/api/reports/${report.id}/revisions/${a.revision}`)).body.document;
      expect(stored, context).toEqual(a.document);
      expected.cells[a.cell] = a.value;
    }
    const final = (await editors[0]!.get(`/api/reports/${report.id}`)).body;
    expect(final.report.head, context).toBe(acks.length + 1);
    expect(final.document.cells, context).toEqual(expected.cells);
  });

  it('racing transitions and creations: exactly one wins, the other learns why', async () => {
    const { clerkA, clerkA2, reviewerA, reviewerGov } = ctx.world.users;
    const report = await createReport(clerkA, 2026, cleanDocument('市司法局', 2026));
    expect((await clerkA.post(`/api/reports/${report.id}/submit`, { revision: 1 })).status).toBe(200);
    const results = await Promise.all([reviewerA, reviewerGov].map((r) => r.post(`/api/reports/${report.id}/approve`, { revision: 1 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);

    const creates = await Promise.all([clerkA, clerkA2].map((c) => c.post('/api/reports', { year: 2027 })));
    expect(creates.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = creates.find((r) => r.status === 201)!;
    expect(creates.find((r) => r.status === 409)!.body.reportId).toBe(winner.body.report.id);
  });
});
