// The section navigator: every step with its progress and finding counts; free movement.
import { href } from '../router.ts';
import { useSignal } from '../signal.ts';
import { stepOfComment } from './comments.ts';
import { useEditorSelector } from './editor-store.ts';
import { countFindings } from './FindingsList.tsx';
import { stepProgress } from './progress.ts';
import { useSession } from './session.ts';
import { STEPS, type StepId, stepOfFinding } from './steps.ts';

export function Navigator({ current }: { current: StepId }) {
  const { store, reportId, comments } = useSession();
  useEditorSelector(store, (s) => s.version);
  const openComments = useSignal(comments).all.filter((c) => !c.resolvedAt);
  return (
    <nav className="step-nav" aria-label="报告章节">
      <ol>
        {STEPS.map((step) => {
          const { errors, warnings } = countFindings(store.findings.filter((f) => stepOfFinding(f) === step.id));
          const progress = stepProgress(store.doc, step.id);
          // A section with errors is not done, however full it is.
          const state = !progress ? '' : progress.lastYear > 0 ? '含上年原文待改写' : !progress.begun ? '未填写' : progress.filled < progress.total || errors > 0 ? '填写中' : '已填写';
          const commentCount = openComments.filter((c) => stepOfComment(c) === step.id).length;
          const counts = [errors && `${errors} 个错误`, warnings && `${warnings} 个提示`].filter(Boolean).join('，');
          return (
            <li key={step.id} className={step.id === current ? 'current' : undefined}>
              <a href={href({ page: 'report', id: reportId, step: step.id })} aria-current={step.id === current ? 'step' : undefined}>
                <span className="step-label">{step.label}</span>
                <span className="step-meta">
                  {progress && (
                    <span className={`progress ${state === '已填写' ? 'done' : progress.lastYear ? 'draft' : ''}`}>
                      {state}
                      {progress.total > 3 && progress.filled > 0 && progress.filled < progress.total && ` ${progress.filled}/${progress.total}`}
                    </span>
                  )}
                  {errors > 0 && (
                    <span className="badge error" aria-hidden="true">
                      {errors}
                    </span>
                  )}
                  {warnings > 0 && (
                    <span className="badge warning" aria-hidden="true">
                      {warnings}
                    </span>
                  )}
                  {counts && <span className="visually-hidden">（{counts}）</span>}
                  {commentCount > 0 && <span className="badge comment">{commentCount} 条审核意见</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
