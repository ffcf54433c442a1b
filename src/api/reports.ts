// Wire contract of reports, revisions, review comments, the audit log and publications
// (docs/api.md), shared by the server and the app. Pure types and zod schemas: no React, no Node APIs.
import { z } from 'zod';
import { type AgencyKind, type CellId, type ChangeSummary, type DocumentDiff, type Finding, getTemplate, isCellId, PROSE_KEYS, type ReportDocument, reportYearSchema } from '../core/index.ts';
import type { ReportStatus } from './workflow.ts';

/** A document is at most a few hundred KB; 5 MB leaves room without inviting abuse. */
export const DOCUMENT_BODY_LIMIT = 5 * 1024 * 1024;

export interface ReportSummary {
  id: string;
  agency: { id: string; name: string; kind: AgencyKind };
  year: number;
  status: ReportStatus;
  statusLabel: string;
  /** Number of the newest revision. */
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

export type RevisionKind = 'create' | 'save' | 'reopen';

export interface Revision {
  number: number;
  kind: RevisionKind;
  author: { id: string; displayName: string };
  createdAt: string;
  /** Against the revision before it. */
  changes: ChangeSummary;
}

/** GET /api/reports/:id — the newest revision. */
export interface ReportAnswer {
  report: ReportSummary;
  revision: Revision;
  document: ReportDocument;
}

/** POST /api/reports (201); `normalized`: what was removed before storing (invisible characters), in Chinese. */
export interface CreatedAnswer extends ReportAnswer {
  normalized: string[];
}

/** PUT /api/reports/:id/document — `unchanged`: the document equals the newest revision, nothing was stored. */
export interface SaveAnswer {
  revision: Revision;
  unchanged: boolean;
  normalized: string[];
}

/** GET /api/reports/:id/revisions/:n */
export interface RevisionAnswer {
  revision: Revision;
  document: ReportDocument;
}

/** GET /api/reports/:id/previous-year: the agency's own report on the server, or the file uploaded when this report was created. */
export type LastYear = { document: ReportDocument } & (
  | { source: 'server'; report: ReportSummary; published: boolean; revision: Revision }
  | { source: 'uploaded'; fileName: string; uploadedAt: string }
);

/** One side of a diff: a revision of a report, or (from=previous-year) last year's report. */
export type DiffEnd =
  | { source?: undefined; reportId: string; year: number; revision: number }
  | { source: 'server'; reportId: string; year: number; revision: number }
  | { source: 'uploaded'; reportId: null; year: number; revision: null; fileName: string };

/** GET /api/reports/:id/diff */
export interface DiffAnswer {
  from: DiffEnd;
  to: { reportId: string; year: number; revision: number };
  diff: DocumentDiff;
}

/** Comment targets that are not cells: a template section id, a prose key, 'preamble' or 'closing'. */
export const SECTION_IDS: readonly string[] = [...getTemplate().format.sections.map((s) => s.id), ...PROSE_KEYS, 'preamble', 'closing'];
export type CommentTarget = { cell: CellId } | { section: string };

export interface ReviewComment {
  id: string;
  /** The revision the reviewer was looking at. */
  revision: number;
  author: { id: string; displayName: string };
  target: CommentTarget;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  /** Id of the user who resolved it. */
  resolvedBy: string | null;
  /** The thread: answers from the report's clerks and reviewers, in the order written. */
  replies: CommentReply[];
}

export interface CommentReply {
  id: number;
  author: { id: string; displayName: string };
  body: string;
  createdAt: string;
}

/** GET /api/reports/:id/audit — `action`: a workflow action or 'delete'; `detail.message`: the transition's message. */
export interface AuditEntry {
  id: number;
  action: string;
  actor: { id: string; displayName: string };
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  revision: number | null;
  detail: { message?: string; [k: string]: unknown };
  at: string;
}

/** A published file, stored once with its SHA-256. */
export interface Artifact {
  kind: string;
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
  url: string;
}

/** GET /api/reports/:id/publications */
export interface Publication {
  id: string;
  revision: number;
  publishedAt: string;
  publishedBy: { id: string; displayName: string };
  artifacts: Artifact[];
}

/** POST /api/reports/:id/<action> answers `{ report }`; publish (201) also `{ publication }`. */
export interface TransitionAnswer {
  report: ReportSummary;
}
export interface PublishAnswer extends TransitionAnswer {
  publication: Publication;
}

/** Extra fields of the error bodies the app acts on (beside `error: { code, message, details? }`). */
export interface StaleRevisionBody {
  /** A save: the newest revision and what changed since the save's base. */
  current: RevisionAnswer;
  theirChanges: DocumentDiff;
}
/** 409 not_editable, invalid_transition, not_deletable; a stale transition or deletion. */
export interface ReportStateBody {
  report: ReportSummary;
}
/** 422 has_errors */
export interface HasErrorsBody {
  findings: Finding[];
}
/** 409 duplicate on creating a report: the existing one. */
export interface DuplicateReportBody {
  reportId: string | undefined;
}

// Documents in a body are validated on their own (400 invalid_document, with details), so the body
// schemas take them as unknown; the app sends a ReportDocument.
const revisionSchema = z.number().int().min(1);

/** POST /api/reports — blank when `document` is omitted; `previous`: last year's report imported from its published file. */
export const createReportRequest = z.strictObject({
  year: reportYearSchema,
  document: z.unknown().optional(),
  previous: z.strictObject({ fileName: z.string().trim().min(1).max(255), document: z.unknown() }).optional(),
});
export type CreateReportRequest = z.input<typeof createReportRequest> & { document?: ReportDocument; previous?: { fileName: string; document: ReportDocument } };

/** DELETE /api/reports/:id — the newest revision the clerk has seen. */
export const deleteReportRequest = z.strictObject({ revision: revisionSchema });
export type DeleteReportRequest = z.input<typeof deleteReportRequest>;

/** PUT /api/reports/:id/document */
export const saveRequest = z.strictObject({ baseRevision: revisionSchema, document: z.unknown() });
export type SaveRequest = z.input<typeof saveRequest> & { document: ReportDocument };

export const MESSAGE_MAX_LENGTH = 2000;
/** POST /api/reports/:id/<action> — `revision`: the newest the actor has seen. */
export const transitionRequest = z.strictObject({ revision: revisionSchema, message: z.string().trim().max(MESSAGE_MAX_LENGTH).optional() });
export type TransitionRequest = z.input<typeof transitionRequest>;

export const COMMENT_MAX_LENGTH = 5000;
/** POST /api/reports/:id/comments */
export const commentRequest = z.strictObject({
  target: z.union([
    z.strictObject({ cell: z.string().refine(isCellId, { message: '未知的单元格编号' }) }),
    z.strictObject({ section: z.string().refine((s) => SECTION_IDS.includes(s), { message: '未知的章节编号' }) }),
  ]),
  body: z.string().trim().min(1, { message: '意见不能为空' }).max(COMMENT_MAX_LENGTH),
});
export type CommentRequest = z.input<typeof commentRequest>;

/** PATCH /api/reports/:id/comments/:commentId */
export const resolveCommentRequest = z.strictObject({ resolved: z.boolean() });
export type ResolveCommentRequest = z.input<typeof resolveCommentRequest>;

/** POST /api/reports/:id/comments/:commentId/replies */
export const replyRequest = z.strictObject({ body: z.string().trim().min(1, { message: '回复不能为空' }).max(COMMENT_MAX_LENGTH) });
export type ReplyRequest = z.input<typeof replyRequest>;
