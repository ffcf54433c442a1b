// When a save is refused because someone saved first (409), the clerk chooses: review their
// change, merge both (three-way, conflicts listed — where both changed an item, theirs is shown
// and mine kept), or reload theirs. Nothing is saved until the clerk has chosen.
import { useState } from 'react';
import { type ChangeSummary, cellLabel, mergeDocuments } from '../../core/index.ts';
import { DiffTable, diffSize } from '../components/DiffTable.tsx';
import { useApiClient } from '../data/queries.ts';
import { fieldLabel, textLabel } from '../labels.ts';
import { useSaveState } from './autosave.ts';
import { useSession } from './session.ts';

function conflictNames(c: ChangeSummary): string[] {
  return [...c.fields.map(fieldLabel), ...c.cells.map(cellLabel), ...c.texts.map(textLabel)];
}

export function ConflictPanel() {
  const { saver, store, reportId } = useSession();
  const api = useApiClient();
  const state = useSaveState(saver);
  const [showTheirs, setShowTheirs] = useState(false);
  const [merged, setMerged] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (state.kind !== 'conflict') {
    if (!merged?.length) return null;
    return (
      <div className="conflict-panel notice" role="status">
        <p>已合并双方的修改并保存。以下内容双方都改过，保留了你的版本，请核对：{merged.join('、')}</p>
        <button type="button" className="small" onClick={() => setMerged(null)}>
          知道了
        </button>
      </div>
    );
  }
  const { current, theirChanges } = state.error;

  const merge = async () => {
    setBusy(true);
    setError('');
    try {
      const base = await api.revision(reportId, saver.revision);
      const result = mergeDocuments(base.document, store.derived, current.document);
      store.replace(result.document);
      setMerged(conflictNames(result.conflicts));
      saver.rebase(current.revision.number, current.revision.createdAt, true);
    } catch (e) {
      setError(`合并失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    store.replace(current.document);
    setMerged(null);
    saver.rebase(current.revision.number, current.revision.createdAt, false);
  };

  return (
    <section className="conflict-panel" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-message">
      <h2 id="conflict-title">报告已被他人修改，你的修改尚未保存</h2>
      <p id="conflict-message">
        {state.error.message}。{current.revision.author.displayName}改动了 {diffSize(theirChanges)} 处。你的修改仍在本页（也已暂存在本机），请选择：
      </p>
      <div className="conflict-actions">
        <button type="button" onClick={() => setShowTheirs((v) => !v)} aria-expanded={showTheirs}>
          查看对方的修改
        </button>
        <button type="button" className="primary" onClick={() => void merge()} disabled={busy}>
          合并双方修改并保存
        </button>
        <button type="button" className="danger" onClick={reload} disabled={busy}>
          放弃我的修改，载入最新版
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {showTheirs && <DiffTable diff={theirChanges} caption={`${current.revision.author.displayName}的修改（第 ${current.revision.number} 版）`} beforeLabel="修改前" afterLabel="对方改为" />}
    </section>
  );
}
