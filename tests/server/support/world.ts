// A small world of agencies and accounts shared by the server tests:
//   某某市人民政府 (gov) ─┬─ 市司法局 (deptA)
//                        └─ 市教育局 (deptB)
//   另一县人民政府 (other)
// with a clerk and a reviewer in deptA, deptB and other, a reviewer at gov, and the administrator.
import { afterAll, beforeAll } from 'vitest';
import { Client, setupAdmin } from './client.ts';

export { brokenDocument, cleanDocument } from '../../support/documents.ts';

import type { ReportDocument } from '../../../src/core/index.ts';
import { type Engine, startServer, stopPostgres, type TestServer } from './harness.ts';

export const PASSWORD = 'test-password-1';

export interface World {
  admin: Client;
  agencies: Record<'gov' | 'deptA' | 'deptB' | 'other', string>;
  users: Record<'clerkA' | 'clerkA2' | 'reviewerA' | 'reviewerGov' | 'clerkB' | 'reviewerB' | 'clerkOther' | 'reviewerOther', Client>;
  anonymous: Client;
}

export async function buildWorld(base: string): Promise<World> {
  const admin = await setupAdmin(base);
  const gov = (await admin.get('/api/agencies')).body.agencies[0].id as string;
  const agency = async (name: string, kind: string, parentId: string | null) => {
    const res = await admin.post('/api/agencies', { name, kind, parentId });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.agency.id as string;
  };
  const deptA = await agency('市司法局', 'department', gov);
  const deptB = await agency('市教育局', 'department', gov);
  const other = await agency('另一县人民政府', 'government', null);
  const specs = {
    clerkA: ['clerk', deptA],
    clerkA2: ['clerk', deptA],
    reviewerA: ['reviewer', deptA],
    reviewerGov: ['reviewer', gov],
    clerkB: ['clerk', deptB],
    reviewerB: ['reviewer', deptB],
    clerkOther: ['clerk', other],
    reviewerOther: ['reviewer', other],
  } as const;
  const entries = await Promise.all(
    Object.entries(specs).map(async ([username, [role, agencyId]]) => {
      const res = await admin.post('/api/users', { username, displayName: username, password: PASSWORD, role, agencyId });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return [username, await new Client(base).login(username, PASSWORD)] as const;
    }),
  );
  return { admin, agencies: { gov, deptA, deptB, other }, users: Object.fromEntries(entries) as World['users'], anonymous: new Client(base) };
}

/** Creates a report as `clerk` and returns its id and head revision. */
export async function createReport(clerk: Client, year: number, document?: ReportDocument): Promise<{ id: string; head: number; document: ReportDocument }> {
  const res = await clerk.post('/api/reports', { year, ...(document && { document }) });
  if (res.status !== 201) throw new Error(`create report: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.report.id, head: res.body.report.head, document: res.body.document };
}

/**
 * Starts a server on `engine` with a fresh world before the suite and stops both after it.
 * Read `.server` and `.world` inside tests (they are set once beforeAll has run).
 */
export function withServerWorld(engine: Engine): { server: TestServer; world: World } {
  const ctx = {} as { server: TestServer; world: World };
  beforeAll(async () => {
    ctx.server = await startServer(engine);
    ctx.world = await buildWorld(ctx.server.base);
  });
  afterAll(async () => {
    await ctx.server?.close();
    await stopPostgres();
  });
  return ctx;
}
