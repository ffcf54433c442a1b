// The audit log: every workflow transition, reopen and account change, with who and when.
import type { Queryable } from './db/adapter.ts';

export interface AuditEntry {
  reportId?: string | null;
  actorId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  revision?: number | null;
  detail?: Record<string, unknown>;
}

export async function audit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query('insert into audit_log (report_id, actor_id, action, from_status, to_status, revision, detail) values ($1, $2, $3, $4, $5, $6, $7::jsonb)', [
    e.reportId ?? null,
    e.actorId,
    e.action,
    e.fromStatus ?? null,
    e.toStatus ?? null,
    e.revision ?? null,
    JSON.stringify(e.detail ?? {}),
  ]);
}
