// An in-page confirmation for destructive or sweeping actions (delete, 本节无数据 zero-fill).
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';

interface Ask {
  title: string;
  body: ReactNode;
  confirm: string;
  danger?: boolean;
}

export function useConfirm(): [ReactNode, (ask: Ask) => Promise<boolean>] {
  const [pending, setPending] = useState<(Ask & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback((a: Ask) => new Promise<boolean>((resolve) => setPending({ ...a, resolve })), []);
  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending ? <ConfirmDialog {...pending} onClose={close} /> : null;
  return [dialog, ask];
}

function ConfirmDialog({ title, body, confirm, danger, onClose }: Ask & { onClose: (ok: boolean) => void }) {
  const titleId = useId();
  const ok = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    // A destructive action is never one Enter away: focus starts on 取消.
    (danger ? cancel : ok).current?.focus();
    const back = returnTo.current;
    return () => (back instanceof HTMLElement ? back.focus() : undefined);
  }, [danger]);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose(false)}>
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={`${titleId}-body`}>
        <h2 id={titleId}>{title}</h2>
        <div className="modal-body" id={`${titleId}-body`}>
          {body}
        </div>
        <div className="modal-actions">
          <button type="button" ref={cancel} onClick={() => onClose(false)}>
            取消
          </button>
          <button type="button" ref={ok} className={danger ? 'danger' : 'primary'} onClick={() => onClose(true)}>
            {confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
