// Review comments: one comment (where it points, who wrote it, its thread of replies, resolve), the
// report's list of comments, the cell bar's threads, and the reviewer's forms to pin a comment to a
// cell or a section.
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { COMMENT_MAX_LENGTH, type CommentTarget, type ReviewComment } from '../../api/reports.ts';
import type { CellId } from '../../core/index.ts';
import { useAddComment, useReplyToComment, useResolveComment } from '../data/queries.ts';
import { SECTION_TARGETS, targetLabel } from '../labels.ts';
import { useSignal } from '../signal.ts';
import { commentSelector, stepOfComment } from './comments.ts';
import { useSession } from './session.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** The answers to a comment, oldest first, each with its author and time. */
function Replies({ comment }: { comment: ReviewComment }) {
  if (!comment.replies.length) return null;
  return (
    <ol className="comment-replies" aria-label="回复">
      {comment.replies.map((r) => (
        <li key={r.id}>
          <span className="comment-meta">
            {r.author.displayName} · {when(r.createdAt)}
          </span>
          <span className="comment-body">{r.body}</span>
        </li>
      ))}
    </ol>
  );
}

/** A reply to one comment; Escape or 取消 closes it. */
function ReplyForm({ comment, label, onDone }: { comment: ReviewComment; label: string; onDone: () => void }) {
  const { reportId } = useSession();
  const reply = useReplyToComment(reportId);
  const id = useId();
  const [body, setBody] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    await reply.mutateAsync({ commentId: comment.id, body: body.trim() });
    onDone();
  };
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onDone();
  };
  return (
    <form className="comment-form reply-form" onSubmit={(e) => void submit(e).catch(() => undefined)} onKeyDown={closeOnEscape}>
      <label htmlFor={id}>回复{label}的意见</label>
      {/* biome-ignore lint/a11y/noAutofocus: the form opens when the user clicks 回复; focus goes where they asked to type */}
      <textarea id={id} rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={COMMENT_MAX_LENGTH} autoFocus />
      {reply.isError && <p role="alert">{reply.error.message}</p>}
      <span className="form-buttons">
        <button type="submit" className="small primary" disabled={reply.isPending || !body.trim()}>
          发送回复
        </button>
        <button type="button" className="small" onClick={onDone}>
          取消
        </button>
      </span>
    </form>
  );
}

export function CommentItem({ comment: c }: { comment: ReviewComment }) {
  const { reportId, goTo } = useSession();
  const resolve = useResolveComment(reportId);
  const [replying, setReplying] = useState(false);
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
      <span className="comment-actions">
        <button type="button" className="small" onClick={() => setReplying((v) => !v)} aria-expanded={replying} aria-label={`回复：${label}的意见`}>
          回复
        </button>
        <button
          type="button"
          className="small"
          disabled={resolve.isPending}
          onClick={() => resolve.mutate({ commentId: c.id, resolved: !c.resolvedAt })}
          aria-label={`${c.resolvedAt ? '重新打开' : '标记为已处理'}：${label}的意见`}
        >
          {c.resolvedAt ? '重新打开' : '标记为已处理'}
        </button>
      </span>
      <Replies comment={c} />
      {replying && <ReplyForm comment={c} label={`“${label}”`} onDone={() => setReplying(false)} />}
    </li>
  );
}

/**
 * In the cell bar: the open comments on the focused cell, one line each with its number of replies.
 * The thread and the reply form float below the bar (as the reviewer's comment form does), so
 * opening them does not push the grid down.
 */
export function CellComments({ cell, cellName, comments }: { cell: CellId; cellName: string; comments: ReviewComment[] | undefined }) {
  const { mode } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const thread = comments?.find((c) => c.id === open);
  return (
    <>
      {comments?.map((c) => (
        <span key={c.id} className="cell-bar-msg comment">
          审核意见（{c.author.displayName}）：{c.body}
          <button type="button" className="link" onClick={() => setOpen(open === c.id ? null : c.id)} aria-expanded={open === c.id}>
            {c.replies.length ? `${c.replies.length} 条回复 · 回复` : '回复'}
          </button>
        </span>
      ))}
      {thread ? (
        <div className="comment-thread" role="group" aria-label={`“${cellName}”的审核意见及回复`}>
          <Replies comment={thread} />
          <ReplyForm comment={thread} label={`“${cellName}”`} onDone={() => setOpen(null)} />
        </div>
      ) : (
        mode === 'review' && <CommentForm target={{ cell }} label={`对“${cellName}”提出意见`} />
      )}
    </>
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
      <summary>审核意见{open.length > 0 ? `（${open.length} 条待处理）` : index.all.length ? '（均已处理）' : '（无）'}</summary>
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
