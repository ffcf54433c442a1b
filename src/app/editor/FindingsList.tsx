// A step's findings (or all of them, grouped by step, on the final page). Each entry takes the
// clerk to the cell or text it is about.
import { useId } from 'react';
import { cellLabel, type Finding } from '../../core/index.ts';
import { useEditorSelector } from './editor-store.ts';
import { useSession } from './session.ts';
import { findingTarget, STEPS, type StepId, stepOfFinding } from './steps.ts';

export const SEVERITY_LABEL = { error: '错误', warning: '提示' } as const;

/** Whether two lists show the same (the store builds new findings on every change). */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i]!;
      return f.rule === g.rule && f.severity === g.severity && f.message === g.message && f.focus === g.focus && f.prose === g.prose && f.field === g.field && f.cells.join() === g.cells.join();
    })
  );
}

export function countFindings(findings: readonly Finding[]) {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

function FindingItem({ f }: { f: Finding }) {
  const { goTo } = useSession();
  const target = findingTarget(f);
  const text = (
    <>
      <span className={`sev ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
      <span className="finding-message">{f.message}</span>
      {f.focus && !f.message.includes(cellLabel(f.focus)) && <span className="finding-suspect">自上次两边相等以来只改动了 {cellLabel(f.focus)}，请先核对此格</span>}
    </>
  );
  return (
    <li className={f.severity}>
      {target ? (
        <button type="button" className="finding-link" onClick={() => goTo(stepOfFinding(f), target)}>
          {text}
        </button>
      ) : (
        <span className="finding-link static">{text}</span>
      )}
    </li>
  );
}

/** Findings in order; empty-cell warnings (one per row) folded into one line that opens. */
function FindingItems({ findings }: { findings: Finding[] }) {
  const missing = findings.filter((f) => f.rule === 'cell.missing');
  const rest = findings.filter((f) => f.rule !== 'cell.missing');
  const cells = missing.reduce((n, f) => n + f.cells.length, 0);
  return (
    <ul className="finding-items">
      {rest.map((f, i) => (
        <FindingItem key={i} f={f} />
      ))}
      {missing.length > 0 && (
        <li className="warning">
          <details>
            <summary className="finding-link">
              <span className="sev warning">提示</span>
              <span className="finding-message">
                {missing.length} 行共 {cells} 个空格：没有发生的填 0（可用“本节无数据”一次填好），确实不适用的标记“不适用”。展开逐行查看
              </span>
            </summary>
            <ul className="finding-items nested">
              {missing.map((f, i) => (
                <FindingItem key={i} f={f} />
              ))}
            </ul>
          </details>
        </li>
      )}
    </ul>
  );
}

export function StepFindings({ step }: { step: StepId }) {
  const { store } = useSession();
  // A keystroke that changes none of this step's findings leaves the list alone.
  const findings = useEditorSelector(store, (s) => s.findings.filter((f) => stepOfFinding(f) === step), sameFindings);
  const unfilled = useEditorSelector(store, (s) => s.unfilled.filter((u) => stepOfFinding(u) === step).length);
  const headingId = useId();
  const { errors, warnings } = countFindings(findings);
  return (
    <section className="findings" aria-labelledby={headingId}>
      <h3 id={headingId}>
        本节校验
        <span className="findings-count" role="status">
          {findings.length === 0 ? '未发现问题' : `${errors} 个错误，${warnings} 个提示`}
        </span>
      </h3>
      {unfilled > 0 && <p className="unfilled">{unfilled} 项合计未填完：各格填完（没有发生的填 0，或用“本节无数据”）后再核对</p>}
      {findings.length > 0 && <FindingItems findings={findings} />}
    </section>
  );
}

export function AllFindings() {
  const { store } = useSession();
  useEditorSelector(store, (s) => s.version);
  // The final check judges the report as it would be submitted: empty cells count as 0.
  const all = store.finalFindings();
  const { errors, warnings } = countFindings(all);
  return (
    <section className="findings all" aria-label="全部校验结果">
      <p className={`check-summary ${errors ? 'has-errors' : ''}`} role="status">
        {all.length === 0 ? '全部校验通过，未发现问题。' : `共 ${errors} 个错误、${warnings} 个提示。错误须改正后才能正式导出；提示请逐条核对。`}
      </p>
      {STEPS.map((step) => {
        const findings = all.filter((f) => stepOfFinding(f) === step.id);
        if (!findings.length) return null;
        const c = countFindings(findings);
        return (
          <div key={step.id} className="finding-group">
            <h3>
              {step.label}
              <span className="findings-count">
                {c.errors} 个错误，{c.warnings} 个提示
              </span>
            </h3>
            <FindingItems findings={findings} />
          </div>
        );
      })}
    </section>
  );
}
