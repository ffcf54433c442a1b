// The review workflow as data (docs/api.md): 草稿 → 已提交 → 退回修改 / 已审核 → 已发布, and the
// explicit reopen. The server enforces it; the app offers the actions it allows and names them.
import type { Role } from './accounts.ts';

export const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type ReportStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  approved: '已审核',
  published: '已发布',
};

/** Clerks save only while the report is with them. */
export const EDITABLE: readonly ReportStatus[] = ['draft', 'returned'];

export interface Transition {
  from: readonly ReportStatus[];
  to: ReportStatus;
  role: Role;
  label: string;
  /** Refused while checkReport(doc, { totals: 'computed' }) has errors. */
  requiresNoErrors: boolean;
}

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', role: 'clerk', label: '提交审核', requiresNoErrors: true },
  withdraw: { from: ['submitted'], to: 'draft', role: 'clerk', label: '撤回提交', requiresNoErrors: false },
  return: { from: ['submitted', 'approved'], to: 'returned', role: 'reviewer', label: '退回修改', requiresNoErrors: false },
  approve: { from: ['submitted'], to: 'approved', role: 'reviewer', label: '审核通过', requiresNoErrors: true },
  publish: { from: ['approved'], to: 'published', role: 'reviewer', label: '发布', requiresNoErrors: true },
  reopen: { from: ['published'], to: 'draft', role: 'reviewer', label: '重新打开', requiresNoErrors: false },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];
export const ACTION_LABELS = Object.fromEntries(ACTIONS.map((a) => [a, TRANSITIONS[a].label])) as Record<Action, string>;

/** The actions a role may take on a report in this status, in the table's order. */
export function actionsFor(role: Role, status: ReportStatus): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].role === role && (TRANSITIONS[a].from as readonly ReportStatus[]).includes(status));
}
