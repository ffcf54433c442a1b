// 催办: a short message to the clerks of the selected agencies; recorded on the server (who, when,
// to whom, text) and shown in the board's 最近催办 column.
import { useState } from 'react';
import { formatChineseDate } from '../../core/index.ts';
import { useSendReminder } from '../data/oversight.ts';

export function ReminderComposer({ year, agencyIds, deadline, label }: { year: number; agencyIds: string[]; deadline: string; label?: string }) {
  const [message, setMessage] = useState(`请抓紧完成${year}年度政府信息公开工作年度报告的填报和审核，法定发布期限为${formatChineseDate(deadline)}。`);
  const send = useSendReminder();
  const [sent, setSent] = useState<number | null>(null);
  return (
    <form
      className="reminder-composer"
      aria-label="催办"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(null);
        send.mutate(
          { year, agencyIds, message },
          {
            onSuccess: () => setSent(agencyIds.length),
          },
        );
      }}
    >
      <label htmlFor="reminder-message">
        {label ?? (
          <>
            催办已选择的 <strong>{agencyIds.length}</strong> 个单位
          </>
        )}
      </label>
      <textarea id="reminder-message" rows={2} maxLength={500} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
      <div className="composer-actions">
        <button type="submit" className="primary" disabled={!agencyIds.length || send.isPending}>
          {send.isPending ? '正在发送…' : '发送催办'}
        </button>
        <span className="hint">各单位填报员登录后在首页和编辑页看到催办消息。</span>
        {send.isError && (
          <span className="form-error" role="alert">
            发送失败：{send.error.message}
          </span>
        )}
        {sent !== null && (
          <span className="ok" role="status">
            已向 {sent} 个单位发送催办。
          </span>
        )}
      </div>
    </form>
  );
}
