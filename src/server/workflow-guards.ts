// Checks every workflow transition makes: role, current status, the actor saw the newest revision,
// and (for submit, approve, publish) no errors in the report.
import type { HasErrorsBody, ReportStateBody } from '../api/reports.ts';
import { type Action, STATUS_LABELS, TRANSITIONS } from '../api/workflow.ts';
import { blockingFindings, checkReport, type Finding, type ReportDocument } from '../core/index.ts';
import type { ReportRow } from './access.ts';
import type { SessionUser } from './context.ts';
import { forbidden, HttpError } from './http/errors.ts';
import { reportSummary } from './serialize.ts';

export function errorFindings(doc: ReportDocument): Finding[] {
  return blockingFindings(checkReport(doc, { totals: 'computed' }));
}

export function assertNoErrors(doc: ReportDocument, what: string): void {
  const errors = errorFindings(doc);
  if (errors.length > 0) {
    throw new HttpError(422, 'has_errors', `报告还有 ${errors.length} 处错误或必填内容未填，不能${what}`, undefined, { findings: errors } satisfies HasErrorsBody);
  }
}

/** Checks shared by every transition: role, current status, and that the actor saw the newest revision. */
export function assertTransition(report: ReportRow, user: SessionUser, action: Action, revision: number): void {
  const t = TRANSITIONS[action];
  if (user.role !== t.role) throw forbidden(t.role === 'clerk' ? '只有本单位的填报员可以执行此操作' : '只有审核员可以执行此操作');
  if (!(t.from as readonly string[]).includes(report.status)) {
    throw new HttpError(409, 'invalid_transition', `报告当前为「${STATUS_LABELS[report.status]}」，不能${t.label}`, undefined, { report: reportSummary(report) } satisfies ReportStateBody);
  }
  if (revision !== report.head) {
    throw new HttpError(409, 'stale_revision', `报告已更新为第 ${report.head} 版，请查看最新内容后再${t.label}`, undefined, { report: reportSummary(report) } satisfies ReportStateBody);
  }
}
