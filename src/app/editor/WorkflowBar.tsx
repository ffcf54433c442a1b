// Where the report stands and what may happen next: the clerk submits (or withdraws); the 审核员
// returns it with a message, approves, publishes, reopens. Each step names the revision the person
// has seen; a refusal because of errors lists them. Also: comments, history and published files.
import { useId, useState } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../api/reports.ts';
import { ACTION_LABELS, type Action, actionsFor, type ReportStatus, STATUS_LABELS } from '../../api/workflow.ts';
import { checkDateAtPublish, type Finding } from '../../core/index.ts';
import { useConfirm } from '../confirm.tsx';
import { ApiError } from '../data/api.ts';
import { readPending } from '../data/pending.ts';
import { useAudit, usePublications, useReport, useTransition } from '../data/queries.ts';
import { href } from '../router.ts';
import { CommentsPanel } from './ReviewComments.tsx';
import { useSession } from './session.ts';

const EXPLAIN: Record<ReportStatus, { clerk: string; reviewer: string }> = {
  draft: { clerk: '草稿：可以修改，填好后提交审核。', reviewer: '填报员正在填写，尚未提交。' },
  returned: { clerk: '审核员已退回：请按审核意见修改后重新提交。', reviewer: '已退回填报员修改。' },
  submitted: { clerk: '已提交审核：审核期间不能修改；如需修改，请先撤回提交。', reviewer: '待审核：可以提出意见、退回修改或审核通过。' },
  approved: { clerk: '已审核通过，等待发布；不能修改。', reviewer: '已审核通过：可以发布，或退回修改。' },
  published: { clerk: '已发布：报告已定稿，不能修改；如需更正，请审核员重新打开。', reviewer: '已发布：文件已定稿保存；如需更正，可重新打开为草稿。' },
};

function Publications({ reportId, published }: { reportId: string; published: boolean }) {
  const list = usePublications(reportId);
  if (!list.data?.length) return null;
  return (
    <details className="publications" open={published || undefined}>
      <summary>已发布文件</summary>
      <ul>
        {list.data.map((p) => (
          <li key={p.id}>
            第 {p.revision} 版 · {new Date(p.publishedAt).toLocaleString('zh-CN', { hour12: false })}：
            {p.artifacts.map((a) => (
              <a key={a.kind} href={a.url} download={a.filename} title={`SHA-256 ${a.sha256}`} data-artifact={a.kind}>
                {a.kind.toUpperCase()}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The reviewer's message with the last return, shown while the report is back with the clerk. */
function ReturnMessage({ reportId }: { reportId: string }) {
  const audit = useAudit(reportId);
  const last = audit.data?.filter((e) => e.action === 'return').at(-1);
  if (!last?.detail.message) return null;
  return (
    <p className="return-message">
      {last.actor.displayName}退回时说明：{last.detail.message}
    </p>
  );
}

/** Today's date where the person is, as an ISO date. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const CONFIRM_TEXT: Partial<Record<Action, { title: string; body: string }>> = {
  submit: { title: '提交审核', body: '提交后，审核期间不能修改（可以撤回提交）。' },
  approve: { title: '审核通过', body: '审核通过后，报告等待发布，填报员不能再修改。' },
  publish: { title: '发布', body: '发布后报告定稿：生成并保存 JSON、DOCX、PDF 文件，之后只能由审核员重新打开更正。' },
};

function WarningList({ warnings }: { warnings: Finding[] }) {
  if (!warnings.length) return <p>没有未处理的提示。</p>;
  // Empty cells are one line (as in the findings list), so the list fits the dialog.
  const missing = warnings.filter((f) => f.rule === 'cell.missing');
  const rest = warnings.filter((f) => f.rule !== 'cell.missing');
  const empty = missing.reduce((n, f) => n + f.cells.length, 0);
  return (
    <>
      <p>还有 {warnings.length} 条提示，请确认已逐条核对：</p>
      <ul className="confirm-warnings">
        {rest.map((f, i) => (
          <li key={i}>{f.message}</li>
        ))}
        {missing.length > 0 && (
          <li>
            表格中 {missing.length} 行共 {empty} 个空格（没有发生的应填 0，确实不适用的标记“不适用”）
          </li>
        )}
      </ul>
    </>
  );
}

export function WorkflowBar() {
  const { reportId, mode, saver, store } = useSession();
  const report = useReport(reportId).data!.report;
  const transition = useTransition(reportId);
  const [returning, setReturning] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [dialog, ask] = useConfirm();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<{ message: string; findings: string[] } | null>(null);
  const messageId = useId();
  const reviewer = mode === 'review';
  const actions = actionsFor(reviewer ? 'reviewer' : 'clerk', report.status);

  /** Submitting, approving and publishing happen only after a confirmation that lists the remaining warnings. */
  const confirmFirst = async (action: Action) => {
    const text = CONFIRM_TEXT[action];
    if (!text) return run(action);
    const warnings = [...store.findings.filter((f) => f.severity === 'warning'), ...(action === 'publish' ? checkDateAtPublish(store.derived, localToday()) : [])];
    const ok = await ask({
      title: text.title,
      body: (
        <>
          <p>{text.body}</p>
          <WarningList warnings={warnings} />
        </>
      ),
      confirm: `确认${text.title}`,
    });
    if (ok) await run(action);
  };

  const run = async (action: Action) => {
    setError(null);
    let revision = report.head;
    if (action === 'submit') {
      // What the clerk sees is what gets submitted: save first, then submit that revision.
      await saver.flush();
      if (saver.unsaved) return setError({ message: '还有未保存的修改，保存后才能提交', findings: [] });
      revision = saver.revision;
    }
    try {
      await transition.mutateAsync({ action, revision, message: action === 'return' || action === 'reopen' ? message.trim() || undefined : undefined });
      setReturning(false);
      setReopening(false);
      setMessage('');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'has_errors') setError({ message: e.message, findings: e.findings.map((f) => f.message) });
      else setError({ message: e instanceof Error ? e.message : String(e), findings: [] });
    }
  };

  return (
    <div className="workflow-bar">
      <div className="workflow-row">
        <span className={`status-badge status-${report.status}`} data-status={report.status}>
          {STATUS_LABELS[report.status]}
        </span>
        <span className="status-explain">{EXPLAIN[report.status][reviewer ? 'reviewer' : 'clerk']}</span>
        <span className="revision-no">第 {report.head} 版</span>
        <a href={href({ page: 'history', id: reportId })}>历史版本</a>
        <span className="workflow-actions">
          {actions.map((a) =>
            a === 'return' ? (
              <button key={a} type="button" onClick={() => setReturning((v) => !v)} aria-expanded={returning}>
                {ACTION_LABELS[a]}…
              </button>
            ) : a === 'reopen' ? (
              <button key={a} type="button" onClick={() => setReopening((v) => !v)} aria-expanded={reopening}>
                {ACTION_LABELS[a]}…
              </button>
            ) : (
              <button key={a} type="button" className={a === 'withdraw' ? undefined : 'primary'} disabled={transition.isPending} onClick={() => void confirmFirst(a)}>
                {ACTION_LABELS[a]}
              </button>
            ),
          )}
        </span>
      </div>
      {report.status === 'returned' && <ReturnMessage key={report.updatedAt} reportId={reportId} />}
      {returning && (
        <div className="return-form">
          <label htmlFor={messageId}>退回说明（填报员会看到）</label>
          <textarea id={messageId} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={MESSAGE_MAX_LENGTH} />
          <button type="button" className="primary" disabled={transition.isPending} onClick={() => void run('return')}>
            确认退回
          </button>
        </div>
      )}
      {reopening && (
        <div className="return-form">
          <label htmlFor={`${messageId}-reopen`}>重新打开的原因（记入操作记录）</label>
          <textarea id={`${messageId}-reopen`} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={MESSAGE_MAX_LENGTH} />
          <button type="button" className="primary" disabled={transition.isPending || !message.trim()} onClick={() => void run('reopen')}>
            确认重新打开
          </button>
        </div>
      )}
      {transition.isPending && transition.variables?.action === 'publish' && (
        <p className="workflow-note" role="status">
          正在发布：生成 PDF、DOCX 和 JSON 文件并保存，请稍候…
        </p>
      )}
      {error && (
        <div className="workflow-error" role="alert">
          <p>{error.message}</p>
          {error.findings.length > 0 && (
            <ul>
              {error.findings.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {mode === 'readOnly' && readPending(reportId) && <p className="workflow-note">本机暂存有未能保存的修改（报告已不在填报员手中）；报告退回或撤回后再打开，会合并保存。</p>}
      {reviewer && store.findings.some((f) => f.severity === 'error') && report.status === 'submitted' && <p className="workflow-note">本报告有错误，不能审核通过；请退回修改。</p>}
      {dialog}
      <CommentsPanel />
      <Publications reportId={reportId} published={report.status === 'published'} />
    </div>
  );
}
