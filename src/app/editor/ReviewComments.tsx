// Review comments: one comment (where it points, who wrote it, resolve), the report's list of
// comments, and the reviewer's forms to pin a comment to a cell or a section.
import { useId, useState, type FormEvent } from 'react';
import { useAddComment, useResolveComment } from '../data/queries.ts';
import { COMMENT_MAX_LENGTH, type CommentTarget, type ReviewComment } from '../../api/reports.ts';
import { SECTION_TARGETS, targetLabel } from '../labels.ts';
import { useSignal } from '../signal.ts';
import { commentSelector, stepOfComment } from './comments.ts';
import { useSession } from './session.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function CommentItem({ comment: c }: { comment: ReviewComment }) {
  const { reportId, goTo } = useSession();
  const resolve = useResolveComment(reportId);
  const label = targetLabel(c.target);
  return (
    <li className={`review-comment${c.resolvedAt ? ' resolved' : ''}`}>
      <button type="button" className="link" onClick={() => goTo(stepOfComment(c), commentSelector(c))}>
        {label}
      </button>
      <span className="comment-meta">
        {c.author.displayName} · {when(c.createdAt)}
        {c.resolvedAt && ' · 已处理'}
      </span>
      <p className="comment-body">{c.body}</p>
      <button
        type="button"
        className="small"
        disabled={resolve.isPending}
        onClick={() => resolve.mutate({ commentId: c.id, resolved: !c.resolvedAt })}
        aria-label={`${c.resolvedAt ? '重新打开' : '标记为已处理'}：${label}的意见`}
      >
        {c.resolvedAt ? '重新打开' : '标记为已处理'}
      </button>
    </li>
  );
}

function CommentForm({ target, label, onDone }: { target: CommentTarget; label: string; onDone?: () => void }) {
  const { reportId } = useSession();
  const add = useAddComment(reportId);
  const id = useId();
  const [body, setBody] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    await add.mutateAsync({ target, body: body.trim() });
    setBody('');
    onDone?.();
  };
  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={COMMENT_MAX_LENGTH} />
      {add.isError && <p role="alert">{add.error.message}</p>}
      <button type="submit" className="small primary" disabled={add.isPending || !body.trim()}>
        发表意见
      </button>
    </form>
  );
}

/** In the cell bar: the reviewer's comment on the focused cell. */
export function CellCommentForm({ cell, cellName }: { cell: string; cellName: string }) {
  return <CommentForm key={cell} target={{ cell }} label={`对“${cellName}”提出意见`} />;
}

/** All comments of the report, open first; the reviewer can add one about a section. */
export function CommentsPanel() {
  const { comments, mode } = useSession();
  const index = useSignal(comments);
  const [section, setSection] = useState(SECTION_TARGETS[0]!.id);
  const id = useId();
  const open = index.all.filter((c) => !c.resolvedAt);
  const resolved = index.all.filter((c) => c.resolvedAt);
  return (
    <details className="comments-panel" open={open.length > 0 || undefined}>
      <summary>
        审核意见{open.length > 0 ? `（${open.length} 条待处理）` : index.all.length ? '（均已处理）' : '（无）'}
      </summary>
      {index.all.length > 0 && (
        <ul className="comment-list">
          {[...open, ...resolved].map((c) => (
            <CommentItem key={c.id} comment={c} />
          ))}
        </ul>
      )}
      {mode === 'review' && (
        <details className="section-comment">
          <summary>对某一部分提出意见（对单个格子的意见：在表格中选中该格）</summary>
          <div className="section-target">
            <label htmlFor={id}>意见针对</label>
            <select id={id} value={section} onChange={(e) => setSection(e.target.value)}>
              {SECTION_TARGETS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <CommentForm target={{ section }} label="对所选部分的意见" />
        </details>
      )}
    </details>
  );
}
