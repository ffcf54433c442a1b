// A table section: guidance, tools (本节无数据, 不适用, last year's numbers), the focused cell's
// details, the grid and the section's findings.
import { useDeferredValue, useEffect, useState } from 'react';
import { cellInfo, formatCellValue, getTable, getTemplate } from '../../core/index.ts';
import { useConfirm } from '../confirm.tsx';
import { useSignal } from '../signal.ts';
import { useEditorSelector } from './editor-store.ts';
import { StepFindings } from './FindingsList.tsx';
import { cellField, INPUT_CELLS } from './form-model.ts';
import { LastYearSource } from './LastYearSource.tsx';
import { CellComments } from './ReviewComments.tsx';
import { useSession } from './session.ts';
import type { Step } from './steps.ts';
import { TableGrid, useCellComments } from './TableGrid.tsx';

/** The focused cell: its full name, last year's value, its findings, and the 不适用 switch. */
function CellBar() {
  const { store, focusedCell, mode } = useSession();
  // Drawn after the move to another cell, not inside its key press: at 4× CPU, redrawing the bar
  // there made Enter's key press → paint 40–56 ms in 20–35% of the moves.
  const id = useDeferredValue(useSignal(focusedCell));
  const marks = useEditorSelector(store, (s) => (id ? s.cellFindings(id) : undefined));
  const na = useEditorSelector(store, (s) => (id ? s.doc.notApplicable.includes(id) : false));
  const carried = useEditorSelector(store, (s) => (id ? s.doc.origin.cells[id] === 'carriedOver' : false));
  const comments = useCellComments(id);
  const empty = useEditorSelector(store, (s) => (id && !cellInfo(id).computed ? !s.text(cellField(id)).trim() : false));
  if (!id) return <div className="cell-bar muted">{mode === 'review' ? '选中一个格子后，可以对它提出审核意见。' : '选中一个格子后，这里显示它的名称、上年数和校验信息。'}</div>;
  const info = cellInfo(id);
  const previous = store.previous?.cells[id];
  const toggleNa = () => store.setNotApplicable(id, !na);
  return (
    <div className="cell-bar">
      <strong className="cell-bar-label">{info.label}</strong>
      {info.computed && <span className="tag computed">自动计算</span>}
      {carried && <span className="tag carried">由上年“结转下年度继续办理”带入</span>}
      {store.previous && <span className="tag">上年：{previous === null || previous === undefined ? '无' : formatCellValue(previous)}</span>}
      {!info.computed && mode === 'edit' && (
        <button type="button" className="small" onClick={toggleNa} disabled={!na && !empty} title={!na && !empty ? '先清空此格，才能标记为不适用' : undefined}>
          {na ? '取消“不适用”' : '标记为不适用'}
        </button>
      )}
      {marks?.messages.map((m) => (
        <span key={m} className={`cell-bar-msg ${marks.severity}`}>
          {m}
        </span>
      ))}
      <CellComments key={id} cell={id} cellName={info.label} comments={comments} />
    </div>
  );
}

export function TableStep({ step }: { step: Step }) {
  const session = useSession();
  const { store, announce, focusedCell } = session;
  // The cell bar speaks of this table only.
  useEffect(() => focusedCell.set(null), [focusedCell]);
  const table = getTable(getTemplate(), step.section!.table!);
  const [showPrevious, setShowPrevious] = useState(false);
  const [dialog, ask] = useConfirm();

  const zeroFill = async () => {
    const na = new Set(store.doc.notApplicable);
    const empty = INPUT_CELLS.filter((c) => c.table === table.id && !na.has(c.id) && !store.text(cellField(c.id)).trim());
    if (!empty.length) {
      announce.set(`表${table.number}没有空格`);
      return;
    }
    const ok = await ask({
      title: '本节无数据',
      body: (
        <p>
          将表{table.number}中 {empty.length} 个空格填为 0。已填写的格和标记为“不适用”的格保持不变。
        </p>
      ),
      confirm: `填入 0（${empty.length} 格）`,
    });
    if (!ok) return;
    store.batch(() => empty.forEach((c) => store.edit(cellField(c.id), '0')));
    announce.set(`已将 ${empty.length} 个空格填为 0`);
  };

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={`表${table.number}工具`}>
        {session.mode === 'edit' && (
          <button type="button" onClick={zeroFill}>
            本节无数据（空格填 0）
          </button>
        )}
        {store.previous && (
          <label className="check">
            <input type="checkbox" checked={showPrevious} onChange={(e) => setShowPrevious(e.target.checked)} /> 在格内显示上年数
          </label>
        )}
        {session.lastYear && <LastYearSource lastYear={session.lastYear} />}
        <span className="legend" aria-hidden="true">
          <span className="swatch computed" /> 自动计算
          <span className="swatch error" /> 错误
          <span className="swatch warning" /> 提示
          {store.previous && (
            <>
              <span className="swatch carried" /> 上年结转带入
            </>
          )}
          <span className="swatch na" /> 不适用
        </span>
      </div>
      <CellBar />
      <TableGrid table={table} showPrevious={showPrevious} />
      <p className="grid-help" hidden={session.mode !== 'edit'}>
        方向键、回车和 Tab 键在格子间移动；在空格中输入“/”标记为不适用（退格键取消）；可从 Excel 或 WPS 复制数据粘贴：带行标签（连同表头）复制时按标签对应到行，否则从选中的格开始填；Ctrl+Z
        撤销、Ctrl+Y 重做。
      </p>
      <StepFindings step={step.id} />
      {dialog}
    </>
  );
}
