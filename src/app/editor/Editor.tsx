// The editor for one report: the form and editor store, autosave, the navigator and the
// current step.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { preambleText, reportTitle, type CellId } from '../../core/index.ts';
import { useReport, useSaveReport } from '../data/queries.ts';
import type { ReportRecord } from '../data/store.ts';
import { href, navigate } from '../router.ts';
import { Signal, useSignal } from '../signal.ts';
import { useAutosave, useSaveState, type Autosaver } from './autosave.ts';
import { CheckStep } from './CheckStep.tsx';
import { CoverStep } from './CoverStep.tsx';
import { Deadline } from './Deadline.tsx';
import { EditorStore, useEditorSelector } from './editor-store.ts';
import { applyFormValues, toFormValues, type FormValues } from './form-model.ts';
import { Navigator } from './Navigator.tsx';
import { OverviewStep, SingleProseStep } from './ProseSteps.tsx';
import { SessionContext, useSession, type EditorSession } from './session.ts';
import { STEPS, type StepId } from './steps.ts';
import { TableStep } from './TableStep.tsx';

/** Focuses an element once the step that holds it has rendered. */
function focusWhenReady(selector: string, framesLeft = 30) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    el.focus();
    el.scrollIntoView?.({ block: 'center' });
  } else if (framesLeft > 0) requestAnimationFrame(() => focusWhenReady(selector, framesLeft - 1));
}

function SaveIndicator({ saver }: { saver: Autosaver }) {
  const state = useSaveState(saver);
  const text =
    state.kind === 'saved'
      ? `已保存 ${new Date(state.at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false })}`
      : state.kind === 'failed'
        ? `保存失败：${state.message}`
        : state.kind === 'saving'
          ? '正在保存…'
          : '有未保存的修改';
  return (
    // Announced only when saving fails: the routine states change with every keystroke.
    <span className={`save-state ${state.kind}`} role={state.kind === 'failed' ? 'alert' : undefined} data-save-state={state.kind}>
      {text}
    </span>
  );
}

function TopBar({ saver }: { saver: Autosaver }) {
  const { store, announce } = useSession();
  const title = useEditorSelector(store, (s) => reportTitle(s.doc));
  const year = useEditorSelector(store, (s) => s.doc.year);
  const kind = useEditorSelector(store, (s) => s.doc.agency.kind);
  return (
    <header className="topbar">
      <a href={href({ page: 'list' })} className="back">
        ← 全部报告
      </a>
      <span className="doc-title">{title}</span>
      <Announcer signal={announce} />
      <Deadline year={year} kind={kind} />
      <SaveIndicator saver={saver} />
    </header>
  );
}

/** Short confirmations (paste, zero-fill): read out by screen readers, shown for a few seconds. */
function Announcer({ signal }: { signal: Signal<string> }) {
  const text = useSignal(signal);
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(() => signal.set(''), 6000);
    return () => clearTimeout(timer);
  }, [text, signal]);
  return (
    <div className="announcer" role="status" aria-live="polite">
      {text}
    </div>
  );
}

function StepPage({ step }: { step: StepId }) {
  const s = STEPS.find((x) => x.id === step)!;
  const body =
    step === 'cover' ? (
      <CoverStep />
    ) : step === 'check' ? (
      <CheckStep />
    ) : s.section?.kind === 'table' ? (
      <TableStep step={s} />
    ) : step === 'overview' ? (
      <OverviewStep step={s} />
    ) : (
      <SingleProseStep step={s} />
    );
  return (
    <main className="step" id="main" aria-labelledby="step-title">
      <h2 id="step-title">{s.section?.title ?? s.label}</h2>
      {s.section && <p className="guidance section-guidance">{s.section.guidance}</p>}
      {body}
    </main>
  );
}

const EditorBody = memo(
  function EditorBody({ record, step }: { record: ReportRecord; step: StepId }) {
    const [store] = useState(() => new EditorStore(record.document, record.previous));
    const [defaults] = useState<FormValues>(() => toFormValues(record.document, preambleText({ ...record.document, preamble: null })));
    const form = useForm<FormValues>({ defaultValues: defaults });
    const batching = useRef(false);
    const save = useSaveReport(record.id);
    const saver = useAutosave(store, record, (document, baseRevision) => save.mutateAsync({ document, baseRevision }));

    const session = useMemo<EditorSession>(() => {
      const sync = () => store.update(applyFormValues(store.doc, form.getValues()));
      return {
        reportId: record.id,
        store,
        form,
        focusedCell: new Signal<CellId | null>(null),
        announce: new Signal(''),
        batch(change) {
          batching.current = true;
          try {
            change();
          } finally {
            batching.current = false;
          }
          sync();
        },
        goTo(target, selector) {
          navigate({ page: 'report', id: record.id, step: target });
          if (selector) focusWhenReady(selector);
        },
      };
    }, [store, form, record.id]);

    useEffect(() => {
      const sub = form.watch(() => {
        if (!batching.current) store.update(applyFormValues(store.doc, form.getValues()));
      });
      return () => sub.unsubscribe();
    }, [form, store]);

    return (
      <SessionContext.Provider value={session}>
        <div className="editor">
          <TopBar saver={saver} />
          <div className="editor-body">
            <Navigator current={step} />
            <StepPage key={step} step={step} />
          </div>
        </div>
      </SessionContext.Provider>
    );
  },
  // The record is read once: afterwards the editor owns the document and autosave keeps the
  // query cache current, so a newer record from a save must not re-render the whole editor.
  (a, b) => a.record.id === b.record.id && a.step === b.step,
);

export function EditorPage({ id, step }: { id: string; step: StepId }) {
  const query = useReport(id);
  if (query.isPending) return <p className="loading">正在打开报告…</p>;
  if (query.isError)
    return (
      <div className="page-error" role="alert">
        <p>{query.error.message}</p>
        <a href={href({ page: 'list' })}>返回报告列表</a>
      </div>
    );
  return <EditorBody record={query.data} step={step} />;
}
