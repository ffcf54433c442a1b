// The editor for one report: the editor store, autosave to the server, the workflow bar,
// the navigator and the current step. The same screen serves the clerk (edit, or read-only while
// the report is with the reviewer) and the 审核员 (read-only, with comments and decisions).

import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, memo, useEffect, useMemo, useState } from 'react';
import { EDITABLE } from '../../api/workflow.ts';
import { type CellId, reportTitle } from '../../core/index.ts';
import { ApiError, NotEditableError } from '../data/api.ts';
import type { ReportRecord } from '../data/api-client.ts';
import { readPending } from '../data/pending.ts';
import { keys, useApiClient, useComments, useReport, useUser } from '../data/queries.ts';
import { ReminderBanner } from '../reminders/Reminders.tsx';
import { href, navigate } from '../router.ts';
import { Signal, useSignal } from '../signal.ts';
import { type Autosaver, useAutosave, useSaveState } from './autosave.ts';
import { CheckStep } from './CheckStep.tsx';
import { ConflictPanel } from './ConflictPanel.tsx';
import { CoverStep } from './CoverStep.tsx';
import { EMPTY_COMMENTS, indexComments, stepOfComment } from './comments.ts';
import { Deadline } from './Deadline.tsx';
import { EditorStore, useEditorSelector } from './editor-store.ts';
import { Navigator } from './Navigator.tsx';
import { OverviewStep, SingleProseStep } from './ProseSteps.tsx';
import { CommentItem } from './ReviewComments.tsx';
import { type EditorMode, type EditorSession, SessionContext, useSession } from './session.ts';
import { STEPS, type StepId } from './steps.ts';
import { TableStep } from './TableStep.tsx';
import { WorkflowBar } from './WorkflowBar.tsx';

/** Focuses an element once the step that holds it has rendered. */
function focusWhenReady(selector: string, framesLeft = 30) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    el.focus();
    el.scrollIntoView?.({ block: 'center' });
  } else if (framesLeft > 0) requestAnimationFrame(() => focusWhenReady(selector, framesLeft - 1));
}

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

function saveText(state: ReturnType<typeof useSaveState>): string {
  switch (state.kind) {
    case 'saved':
      return `已保存 ${hhmm(state.at)}${state.notice ? `（${state.notice}）` : ''}`;
    case 'saving':
      return '正在保存…';
    case 'pending':
      return '有未保存的修改';
    case 'offline':
      return state.local ? '离线：已暂存在本机，恢复连接后自动保存' : '离线：无法连接服务器，请勿关闭页面';
    case 'conflict':
      return '未保存：报告已被他人修改';
    case 'notEditable':
      return `未保存：${state.error.message}`;
    case 'failed':
      return `保存失败：${state.message}`;
  }
}

function SaveIndicator({ saver }: { saver: Autosaver }) {
  const state = useSaveState(saver);
  const loud = state.kind === 'failed' || state.kind === 'offline' || state.kind === 'conflict' || state.kind === 'notEditable';
  return (
    // Announced only when something is wrong: the routine states change with every keystroke.
    <span className={`save-state ${state.kind}`} role={loud ? 'alert' : undefined} data-save-state={state.kind}>
      {saveText(state)}
    </span>
  );
}

function TopBar() {
  const { store, announce, saver, mode } = useSession();
  const title = useEditorSelector(store, (s) => reportTitle(s.doc));
  const year = useEditorSelector(store, (s) => s.doc.year);
  const kind = useEditorSelector(store, (s) => s.doc.agency.kind);
  return (
    <header className="topbar">
      {mode === 'review' ? (
        <a href={href({ page: 'office', view: 'board', year })} className="back">
          ← 各单位进度
        </a>
      ) : (
        <a href={href({ page: 'list' })} className="back">
          ← 全部报告
        </a>
      )}
      <span className="doc-title">{title}</span>
      <Announcer signal={announce} />
      {mode === 'edit' && <Deadline year={year} kind={kind} />}
      {mode === 'edit' && <SaveIndicator saver={saver} />}
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

/** Open comments about this step's sections (cell comments show beside their cells). */
function StepComments({ step }: { step: StepId }) {
  const { comments } = useSession();
  const index = useSignal(comments);
  const here = index.all.filter((c) => !c.resolvedAt && !('cell' in c.target) && stepOfComment(c) === step);
  if (!here.length) return null;
  return (
    <ul className="step-comments" aria-label="本节审核意见">
      {here.map((c) => (
        <CommentItem key={c.id} comment={c} />
      ))}
    </ul>
  );
}

function StepPage({ step }: { step: StepId }) {
  const { mode } = useSession();
  // A new step starts at its heading, not wherever the last one was scrolled to.
  useEffect(() => {
    document.getElementById('step-title')?.scrollIntoView?.({ block: 'start' });
  }, []);
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
      {s.section && mode === 'edit' && <p className="guidance section-guidance">{s.section.guidance}</p>}
      <StepComments step={step} />
      {/* Outside the clerk's draft every field is read-only (table cells stay focusable for comments). */}
      <fieldset className="step-fields" disabled={mode !== 'edit' && step !== 'check' && s.section?.kind !== 'table'}>
        {body}
      </fieldset>
    </main>
  );
}

const EditorBody = memo(
  function EditorBody({ record, step, mode }: { record: ReportRecord; step: StepId; mode: EditorMode }) {
    const id = record.report.id;
    const [pending] = useState(() => (mode === 'edit' ? readPending(id) : null));
    const [store] = useState(() => new EditorStore(pending?.document ?? record.document, record.previous?.document ?? null));
    const api = useApiClient();
    const client = useQueryClient();
    const saver = useAutosave(
      store,
      id,
      { revision: pending?.baseRevision ?? record.revision.number, at: record.revision.createdAt, unsaved: pending !== null },
      async (document, baseRevision) => {
        const { revision, normalized } = await api.save(id, document, baseRevision).catch((e: unknown) => {
          // Signed out (the edits wait in this browser): sign in again. No longer the clerk's: show it read-only.
          if (e instanceof ApiError && e.status === 401) client.setQueryData(keys.session, null);
          if (e instanceof NotEditableError) void client.invalidateQueries({ queryKey: keys.report(id) });
          throw e;
        });
        // Keeps the cached report current, so reopening it (or turning read-only) shows what was saved.
        client.setQueryData<ReportRecord>(keys.report(id), (old) => old && { ...old, document, revision, report: { ...old.report, head: revision.number } });
        return { revision: revision.number, at: revision.createdAt, notice: normalized?.join('；') || undefined };
      },
      mode === 'edit',
    );
    const comments = useComments(id);
    const [commentSignal] = useState(() => new Signal(EMPTY_COMMENTS));
    useEffect(() => {
      if (comments.data) commentSignal.set(indexComments(comments.data, commentSignal.get()));
    }, [comments.data, commentSignal]);

    const session = useMemo<EditorSession>(
      () => ({
        reportId: id,
        mode,
        store,
        lastYear: record.previous,
        saver,
        comments: commentSignal,
        focusedCell: new Signal<CellId | null>(null),
        announce: new Signal(''),
        goTo(target, selector) {
          navigate({ page: 'report', id, step: target });
          if (selector) focusWhenReady(selector);
        },
      }),
      [store, record.previous, id, mode, saver, commentSignal],
    );

    // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo the clerk's edits; prose keeps the browser's own undo.
    const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
      const key = e.key.toLowerCase();
      if (mode !== 'edit' || !(e.ctrlKey || e.metaKey) || e.altKey || (key !== 'z' && key !== 'y') || e.target instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      const redo = key === 'y' || e.shiftKey;
      const done = redo ? store.redo() : store.undo();
      session.announce.set(done ? (redo ? '已重做' : '已撤销') : redo ? '没有可重做的修改' : '没有可撤销的修改');
    };

    return (
      <SessionContext.Provider value={session}>
        <div className={`editor mode-${mode}`} onKeyDown={onKeyDown}>
          <TopBar />
          <WorkflowBar />
          <ReminderBanner year={record.report.year} />
          {mode === 'edit' && <ConflictPanel />}
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
  (a, b) => a.record.report.id === b.record.report.id && a.step === b.step && a.mode === b.mode,
);

export function EditorPage({ id, step }: { id: string; step: StepId }) {
  const query = useReport(id);
  const user = useUser();
  if (query.isPending) return <p className="loading">正在打开报告…</p>;
  if (query.isError)
    return (
      <div className="page-error" role="alert">
        <p>{query.error.message}</p>
        <a href={href({ page: 'list' })}>返回报告列表</a>
      </div>
    );
  const mode: EditorMode = user.role === 'reviewer' ? 'review' : EDITABLE.includes(query.data.report.status) ? 'edit' : 'readOnly';
  // A new mode (submitted, withdrawn, returned) opens the report afresh.
  return <EditorBody key={mode} record={query.data} step={step} mode={mode} />;
}
