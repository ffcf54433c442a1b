// The server's API shapes the app reads (docs/api.md).
import type { CellId, ChangeSummary, DocumentDiff, FontRoleName, ReportDocument } from '../../core/index.ts';

export type Role = 'clerk' | 'reviewer' | 'admin';
export const ROLE_LABELS: Record<Role, string> = { clerk: '填报员', reviewer: '审核员', admin: '管理员' };

export type AgencyKind = 'department' | 'government';
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = { department: '人民政府部门', government: '人民政府' };

export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  parentId: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agency: Agency;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  disabled: boolean;
}

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  approved: '已审核',
  published: '已发布',
};
/** Clerks save only while the report is with them. */
export const EDITABLE: readonly ReportStatus[] = ['draft', 'returned'];

export interface ReportSummary {
  id: string;
  agency: { id: string; name: string; kind: AgencyKind };
  year: number;
  status: ReportStatus;
  statusLabel: string;
  head: number;
  /** A draft that was never submitted: its clerks may delete it. */
  deletable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/reports: with the newest revision's finding counts as the server stored them at save. */
export interface ReportListItem extends ReportSummary {
  errors: number;
  warnings: number;
}

export interface Revision {
  number: number;
  kind: 'create' | 'save' | 'reopen';
  author: { id: string; displayName: string };
  createdAt: string;
  changes: ChangeSummary;
}

/** Last year's report: the agency's own on the server, or the file uploaded when this report was created. */
export type LastYear = { document: ReportDocument } & (
  | { source: 'server'; report: ReportSummary; published: boolean; revision: Revision }
  | { source: 'uploaded'; fileName: string; uploadedAt: string }
);

/** A report opened in the app: the newest revision and last year's report for the cross-year checks. */
export interface ReportRecord {
  report: ReportSummary;
  revision: Revision;
  document: ReportDocument;
  previous: LastYear | null;
}

/** A template section id, a prose key, 'preamble' or 'closing'. */
export type CommentTarget = { cell: CellId } | { section: string };

export interface ReviewComment {
  id: string;
  revision: number;
  author: { id: string; displayName: string };
  target: CommentTarget;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export type Action = 'submit' | 'withdraw' | 'return' | 'approve' | 'publish' | 'reopen';
export const ACTION_LABELS: Record<Action, string> = {
  submit: '提交审核',
  withdraw: '撤回提交',
  return: '退回修改',
  approve: '审核通过',
  publish: '发布',
  reopen: '重新打开',
};

export interface Artifact {
  kind: string;
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
  url: string;
}

/** A font the administrator installed on the server for a page-style role. */
export interface InstalledFont {
  role: FontRoleName;
  /** The official font it stands for (仿宋_GB2312 …). */
  official: string;
  fileName: string;
  family: string;
  size: number;
  installedAt: string;
}

export interface Publication {
  id: string;
  revision: number;
  publishedAt: string;
  publishedBy: string | { id: string; displayName: string };
  artifacts: Artifact[];
}

export interface DiffAnswer {
  /** From last year's uploaded file: no report, no revision. */
  from: { reportId: string | null; year: number; revision: number | null; source?: 'server' | 'uploaded'; fileName?: string };
  to: { reportId: string; year: number; revision: number };
  diff: DocumentDiff;
}

export interface AuditEntry {
  id: number;
  action: string;
  actor: { id: string; displayName: string };
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  revision: number | null;
  detail: { message?: string };
  at: string;
}
