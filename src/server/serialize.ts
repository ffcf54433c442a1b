// Rows → API shapes (camelCase, ISO times); one place so every endpoint answers alike, typed by the
// wire contract in src/api.
import type { Agency, Role, User } from '../api/accounts.ts';
import type { ReportSummary } from '../api/reports.ts';
import { STATUS_LABELS } from '../api/workflow.ts';
import type { AgencyKind } from '../core/index.ts';
import type { ReportRow } from './access.ts';

export const iso = (t: unknown): string => new Date(t as string).toISOString();

export function reportSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    agency: { id: r.agency_id, name: r.agency_name, kind: r.agency_kind },
    year: r.year,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    head: r.head,
    deletable: r.deletable,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  agency_id: string;
  disabled: boolean;
  [k: string]: unknown;
}

export const USER_COLUMNS = 'id, username, display_name, role, agency_id, disabled';

export function userOut(u: UserRow): User {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, agencyId: u.agency_id, disabled: u.disabled };
}

export interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  parent_id: string | null;
  [k: string]: unknown;
}

export function agencyOut(a: AgencyRow): Agency {
  return { id: a.id, name: a.name, kind: a.kind, parentId: a.parent_id };
}
