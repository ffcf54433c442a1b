// Changing one's own password: the current one, the new one typed twice (compared here, so a typo
// never becomes the password); the server checks the current one and the length rule.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../api/accounts.ts';
import { useChangePassword } from '../data/queries.ts';

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const ids = useId();
  const first = useRef<HTMLInputElement>(null);
  const returnTo = useRef<Element | null>(document.activeElement);
  const [form, setForm] = useState({ current: '', next: '', again: '' });
  const [mismatch, setMismatch] = useState(false);
  useEffect(() => {
    first.current?.focus();
    const back = returnTo.current;
    return () => (back instanceof HTMLElement ? back.focus() : undefined);
  }, []);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [k]: e.target.value });
    setMismatch(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.next !== form.again) return setMismatch(true);
    change.mutate({ currentPassword: form.current, newPassword: form.next }, { onSuccess: () => setForm({ current: '', next: '', again: '' }) });
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={`${ids}-t`}>
        <h2 id={`${ids}-t`}>修改密码</h2>
        {change.isSuccess ? (
          <p role="status">密码已修改。其他设备上的登录已退出，下次登录请使用新密码。</p>
        ) : (
          <form id={`${ids}-f`} className="password-form" onSubmit={submit}>
            <label htmlFor={`${ids}-c`}>当前密码</label>
            <input id={`${ids}-c`} ref={first} type="password" value={form.current} onChange={set('current')} autoComplete="current-password" />
            <label htmlFor={`${ids}-n`}>新密码</label>
            <input id={`${ids}-n`} type="password" value={form.next} onChange={set('next')} autoComplete="new-password" aria-describedby={`${ids}-h`} />
            <span id={`${ids}-h`} className="hint">
              {`至少 ${PASSWORD_MIN_LENGTH} 个字符`}
            </span>
            <label htmlFor={`${ids}-a`}>再次输入新密码</label>
            <input id={`${ids}-a`} type="password" value={form.again} onChange={set('again')} autoComplete="new-password" aria-invalid={mismatch || undefined} />
            {mismatch && (
              <p className="form-error" role="alert">
                两次输入的新密码不一致
              </p>
            )}
            {change.isError && (
              <p className="form-error" role="alert">
                {change.error.message}
              </p>
            )}
          </form>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {change.isSuccess ? '关闭' : '取消'}
          </button>
          {!change.isSuccess && (
            <button type="submit" form={`${ids}-f`} className="primary" disabled={change.isPending || !form.current || !form.next || !form.again}>
              修改密码
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
