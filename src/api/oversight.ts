// Wire contract of the 政务公开 office's endpoints (docs/api.md), shared by the server and the app.
// Pure types and zod schemas: no React, no Node APIs.
import { z } from 'zod';
import { type AgencyKind, type CellId, type Finding, reportYearSchema } from '../core/index.ts';
import type { Artifact } from './reports.ts';
import type { ReportStatus } from './workflow.ts';

/** GET /api/oversight?year=YYYY — one row per agency of the reviewer's subtree, also those without a report. */
export interface OversightBoard {
  year: number;
  agencies: OversightRow[];
}

export interface OversightRow {
  agency: { id: string; name: string; kind: AgencyKind; parentId: string | null };
  /** updatedAt: last change of any kind (also a transition); savedAt: when the newest revision was saved. */
  report: null | { id: string; status: ReportStatus; head: number; updatedAt: string; savedAt: string };
  /** The agency's statutory deadline for this report year (部门 1月31日, 政府 3月31日 of the next year). */
  deadline: string;
  /** The deadline has passed and the report is not published. */
  overdue: boolean;
  /** Days until the deadline (negative once passed). */
  daysLeft: number;
  /** Finding counts of the newest revision; null without a report. */
  errors: number | null;
  warnings: number | null;
  lastReminder: null | { at: string; by: string };
  /** The agency's active clerk accounts (who writes the report). */
  clerks: { id: string; displayName: string }[];
}

export const ROLLUP_INCLUDE = ['approved', 'published', 'submitted'] as const;
export type RollupInclude = (typeof ROLLUP_INCLUDE)[number];

/** GET /api/oversight/rollup?year=YYYY&include=approved,published[,submitted]&format=json */
export interface Rollup {
  year: number;
  include: RollupInclude[];
  included: { agencyId: string; reportId: string; status: ReportStatus }[];
  /** The subtree's agencies not counted; status null: not started. */
  excluded: { agencyId: string; agencyName: string; status: ReportStatus | null }[];
  /** Sum over the included reports; null only when no included report has a value for the cell. */
  cells: Record<CellId, number | null>;
  /** The rule engine's findings on the summed tables. */
  findings: Finding[];
}

/** POST /api/oversight/reminders */
export const reminderRequest = z.object({
  year: reportYearSchema,
  agencyIds: z.array(z.string().min(1)).min(1, '请至少选择一个单位').max(10_000),
  message: z.string().trim().min(1, '请填写催办内容').max(500, '催办内容不超过 500 字'),
});
export type ReminderRequest = z.infer<typeof reminderRequest>;

/** GET /api/oversight/reminders?year=YYYY — the record of what the office sent, newest first. */
export interface SentReminder {
  id: string;
  year: number;
  agency: { id: string; name: string };
  message: string;
  sentAt: string;
  sentBy: { id: string; displayName: string };
}

/** GET /api/reminders — the signed-in clerk's reminders; PATCH /api/reminders/:id { dismissed: true }. */
export interface Reminder {
  id: string;
  year: number;
  agencyId: string;
  message: string;
  sentAt: string;
  sentBy: { id: string; displayName: string; agencyName: string };
  dismissedAt: string | null;
}

/** GET /api/oversight/rollup/cell?year=YYYY&include=…&cell=<cell id> — who contributes to one summed cell. */
export interface RollupCell {
  cell: CellId;
  contributions: { agencyId: string; agencyName: string; reportId: string; value: number | null }[];
}

/** GET /api/oversight/timeline?year=YYYY — the cycle's progress by day (first submission, publication). */
export interface OversightTimeline {
  year: number;
  days: { date: string; submitted: number; published: number }[];
}

/** GET /api/oversight/publications?year=YYYY — the publication register; …/publications.zip the files. */
export interface PublicationRegisterEntry {
  agency: { id: string; name: string };
  reportId: string;
  publicationId: string;
  revision: number;
  publishedAt: string;
  publishedBy: { id: string; displayName: string };
  artifacts: Artifact[];
}

/** GET /api/oversight/agencies/:id — one agency of the office's subtree: who writes, what it has, what it was sent. */
export interface OversightAgency {
  agency: { id: string; name: string; kind: AgencyKind; parentId: string | null };
  /** Null for the office's own agency (its parent is outside the subtree). */
  parent: null | { id: string; name: string };
  clerks: { id: string; displayName: string }[];
  /** Its reports, newest year first, with the newest revision's stored finding counts. */
  reports: { id: string; year: number; status: ReportStatus; head: number; updatedAt: string; savedAt: string; errors: number; warnings: number }[];
  /** 催办 sent to it, newest first, with which of its people dismissed each (read it). */
  reminders: { id: string; year: number; message: string; sentAt: string; sentBy: { id: string; displayName: string }; readBy: { displayName: string; at: string }[] }[];
}

/** One row of a bulk check, as `nianbao check --summary` writes it (src/import/check.ts SummaryRow). */
export const bulkCheckRowSchema = z.strictObject({
  file: z.string().max(2000),
  agency: z.string().max(500).nullable(),
  year: z.number().int().nullable(),
  errors: z.number().int().min(0).nullable(),
  warnings: z.number().int().min(0).nullable(),
  problems: z.number().int().min(0).nullable(),
  unassessed: z.number().int().min(0).nullable(),
  note: z.string().max(100_000),
});

/** POST /api/oversight/bulk-checks — keep a browser bulk check's results on the server. */
export const bulkCheckRequest = z.strictObject({
  year: z.number().int().min(2008).max(2200),
  summary: z.array(bulkCheckRowSchema).min(1, '没有可保存的检查结果').max(10_000),
  /** What `nianbao check --json` prints for the files that could be read. */
  results: z.array(z.unknown()).max(10_000),
});
export type BulkCheckRequest = z.infer<typeof bulkCheckRequest>;

/** A kept bulk check as listed (GET /api/oversight/bulk-checks?year=). */
export interface BulkCheckInfo {
  id: string;
  year: number;
  savedAt: string;
  savedBy: { id: string; displayName: string };
  files: number;
  withErrors: number;
  unreadable: number;
}

/** GET /api/oversight/bulk-checks/:id */
export interface KeptBulkCheck {
  bulkCheck: BulkCheckInfo;
  summary: z.infer<typeof bulkCheckRowSchema>[];
  results: unknown[];
}
