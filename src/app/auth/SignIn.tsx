// Signing in: user name and password; the server's Chinese message on failure (wrong password,
// too many attempts).
import { type FormEvent, useId, useState } from 'react';
import { useSignIn } from '../data/queries.ts';

export function SignIn() {
  const signIn = useSignIn();
  const ids = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };
  return (
    <div className="sign-in-page">
      <main className="sign-in">
        <h1>
          年报 <small>政府信息公开工作年度报告编制</small>
        </h1>
        <form onSubmit={submit} aria-labelledby={`${ids}-title`}>
          <h2 id={`${ids}-title`}>登录</h2>
          <label htmlFor={`${ids}-user`}>用户名</label>
          <input id={`${ids}-user`} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
          <label htmlFor={`${ids}-pw`}>密码</label>
          <input id={`${ids}-pw`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
          {signIn.isError && (
            <p className="form-error" role="alert">
              {signIn.error.message}
            </p>
          )}
          <button type="submit" className="primary" disabled={signIn.isPending || !username.trim() || !password}>
            {signIn.isPending ? '正在登录…' : '登录'}
          </button>
          <p className="hint">账号由本单位管理员创建。忘记密码请联系管理员重置。</p>
        </form>
      </main>
    </div>
  );
}
