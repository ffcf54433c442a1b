// One official table as an editable grid: inputs bound to the editor store, each subscribing
// only to its own text and findings, computed totals read-only. Arrow keys, Enter and Tab move
// between cells; a block pasted from Excel/WPS fills the grid from the focused cell.
import { type ClipboardEvent, type FocusEvent, type KeyboardEvent, memo, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { type CellId, cellInfo, formatCellValue, isCellId, parseCellInput, type TemplateTable } from '../../core/index.ts';
import { LayoutTable } from '../components/LayoutTable.tsx';
import { useCellSelector } from './editor-store.ts';
import { cellField, type FieldName } from './form-model.ts';
import { type Direction, gridGeometry, parseTsv } from './grid-geometry.ts';
import { describePaste, planPaste } from './paste.ts';
import { useSession } from './session.ts';

const cellSelector = (id: CellId) => `[data-cell="${id}"]`;
/**
 * The id of the <form> a cell's input belongs to: one per table row. Chromium's autofill reads every
 * field of the form a typed input belongs to on each keystroke, and a field in no form belongs to one
 * made of every such field on the page: ~175 inputs of table 三, read (styles and layout included)
 * after each character — half of what a keystroke cost the browser. A row's form holds at most 7.
 */
const rowForm = (table: string, row: string) => `cells-${table}.${row}`;
/** The cell an input of the grid stands for (its data-cell). */
const cellOf = (el: EventTarget): CellId | undefined => {
  const id = (el as HTMLElement).dataset.cell;
  return id !== undefined && isCellId(id) ? id : undefined;
};

function focusCell(root: HTMLElement, id: CellId) {
  const el = root.querySelector<HTMLInputElement>(cellSelector(id));
  el?.focus();
  el?.select();
}

function PreviousValue({ id }: { id: CellId }) {
  const { store } = useSession();
  const v = store.previous?.cells[id];
  if (v === null || v === undefined) return null;
  return (
    <span className="prev-value" aria-hidden="true">
      上年 {formatCellValue(v)}
    </span>
  );
}

/** The open review comments on a cell; the same array until they change. */
export function useCellComments(id: CellId | null) {
  const { comments } = useSession();
  return useSyncExternalStore(comments.subscribe, () => (id === null ? undefined : comments.get().byCell.get(id)));
}

/** Findings and review comments: the cell's accessible description. They are shown in the cell
 *  bar above the table, never over the grid, where they would cover the cells being checked. */
function CellMessage({ id }: { id: CellId }) {
  const { store } = useSession();
  const marks = useCellSelector(store, id, (s) => s.cellFindings(id));
  const comments = useCellComments(id);
  if (!marks && !comments) return null;
  return (
    <span className="visually-hidden" id={`msg-${id}`}>
      {marks?.messages.map((m, i) => (
        <span key={i}>{m}</span>
      ))}
      {comments?.map((c) => (
        <span key={c.id}>
          审核意见（{c.author.displayName}）：{c.body}
        </span>
      ))}
    </span>
  );
}

/**
 * Keeps an input showing its field's text without rendering: a keystroke is already in the input, so
 * typing renders nothing (without that render a keystroke's main-thread time at 4× CPU fell by
 * ~15%); text put there by anything else (paste, undo, the server's newest) is written in.
 */
function useFieldText(field: FieldName) {
  const { store } = useSession();
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const show = () => {
      const text = store.text(field);
      if (ref.current && ref.current.value !== text) ref.current.value = text;
    };
    show();
    return store.subscribeField(field)(show);
  }, [store, field]);
  return ref;
}

const InputCell = memo(function InputCell({ id }: { id: CellId }) {
  const { store, mode } = useSession();
  const info = cellInfo(id);
  const field = cellField(id);
  const ref = useFieldText(field);
  const marks = useCellSelector(store, id, (s) => s.cellFindings(id));
  const comments = useCellComments(id);
  const na = useCellSelector(store, id, (s) => s.doc.notApplicable.includes(id));
  const carried = useCellSelector(store, id, (s) => s.doc.origin.cells[id]);
  const classes = ['cell-input', marks?.severity, comments && 'commented', na && 'na', carried && 'carried'].filter(Boolean).join(' ');
  return (
    <>
      <input
        ref={ref}
        onChange={(e) => store.edit(field, e.target.value)}
        className={classes}
        data-cell={id}
        aria-label={info.label}
        aria-invalid={marks?.severity === 'error' || undefined}
        aria-describedby={marks || comments ? `msg-${id}` : undefined}
        inputMode={info.value === 'money' ? 'decimal' : 'numeric'}
        readOnly={na || mode !== 'edit'}
        placeholder={na ? '不适用' : undefined}
        maxLength={500}
        autoComplete="off"
        spellCheck={false}
        form={rowForm(info.table, info.row.id)}
      />
      <CellMessage id={id} />
      <PreviousValue id={id} />
    </>
  );
});

const ComputedCell = memo(function ComputedCell({ id }: { id: CellId }) {
  const { store } = useSession();
  const info = cellInfo(id);
  const value = useCellSelector(store, id, (s) => s.derived.cells[id] ?? null);
  const marks = useCellSelector(store, id, (s) => s.cellFindings(id));
  const comments = useCellComments(id);
  return (
    <>
      <input
        className={`cell-input computed ${marks?.severity ?? ''}${comments ? ' commented' : ''}`}
        data-cell={id}
        aria-label={`${info.label}（自动计算）`}
        aria-describedby={marks || comments ? `msg-${id}` : undefined}
        value={formatCellValue(value)}
        form={rowForm(info.table, info.row.id)}
        readOnly
        tabIndex={-1}
      />
      <CellMessage id={id} />
      <PreviousValue id={id} />
    </>
  );
});

function renderCell(id: CellId) {
  return cellInfo(id).computed ? <ComputedCell id={id} /> : <InputCell id={id} />;
}

const KEY_DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down' };

export const TableGrid = memo(function TableGrid({ table, showPrevious }: { table: TemplateTable; showPrevious: boolean }) {
  const session = useSession();
  const geometry = useMemo(() => gridGeometry(table), [table]);

  // Last year's number on hover (the cell bar and the toggle show it too).
  const previous = session.store.previous;
  const previousTitle = useMemo(
    () => (id: CellId) => {
      const v = previous?.cells[id];
      return { title: v === null || v === undefined ? undefined : `上年：${formatCellValue(v)}` };
    },
    [previous],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const input = e.target as HTMLInputElement;
    const id = cellOf(input);
    if (!id || e.altKey || e.ctrlKey || e.metaKey) return;
    // "/" is how printed reports show 不适用: typed into an empty cell it marks the cell so.
    const { store, announce } = session;
    const na = store.doc.notApplicable.includes(id);
    if (session.mode === 'edit' && !cellInfo(id).computed && ((e.key === '/' && !na && input.value === '') || (na && (e.key === 'Backspace' || e.key === 'Delete')))) {
      e.preventDefault();
      store.setNotApplicable(id, !na);
      announce.set(na ? '已取消“不适用”' : `已将 ${cellInfo(id).label} 标记为不适用`);
      return;
    }
    let dir: Direction | undefined = KEY_DIRECTIONS[e.key];
    if (e.key === 'Enter') dir = e.shiftKey ? 'up' : 'down';
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      // Only these keys leave the cell at its edge; a digit asks nothing of the caret.
      const caret = input.selectionStart === input.selectionEnd ? input.selectionStart : null;
      if (e.key === 'ArrowLeft' && caret === 0) dir = 'left';
      if (e.key === 'ArrowRight' && caret === input.value.length) dir = 'right';
    }
    if (!dir) return;
    const next = geometry.move(id, dir);
    if (!next) return;
    e.preventDefault();
    focusCell(e.currentTarget, next);
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const start = cellOf(e.target);
    const text = e.clipboardData.getData('text/plain');
    if (!start || session.mode !== 'edit' || !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    const { store, announce } = session;
    const plan = planPaste(table, geometry, start, parseTsv(text));
    let written = 0;
    store.batch(() => {
      for (const { id, text: value } of plan.cells) {
        if (store.doc.notApplicable.includes(id)) {
          plan.computedSkipped += 1;
          continue;
        }
        if (value === '/') {
          if (!store.text(cellField(id)).trim()) store.setNotApplicable(id, true);
          written += 1;
          continue;
        }
        store.edit(cellField(id), value);
        written += 1;
      }
    });
    announce.set(describePaste(plan, written));
  };

  // Accepted input is shown as it will print: "１２" → "12", "1,000" → "1000" once the cell is left.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const id = cellOf(e.target);
    if (!id || session.mode !== 'edit' || cellInfo(id).computed) return;
    const text = session.store.text(cellField(id));
    const parsed = parseCellInput(text, cellInfo(id).value);
    if (parsed.ok) session.store.edit(cellField(id), formatCellValue(parsed.value));
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const id = cellOf(e.target);
    if (id) session.focusedCell.set(id);
  };

  return (
    <div className={`grid-wrap${showPrevious ? ' show-prev' : ''}`} onKeyDown={onKeyDown} onPaste={onPaste} onFocus={onFocus} onBlur={onBlur}>
      <LayoutTable table={table} renderCell={renderCell} cellProps={previousTitle} label={`表${table.number}`} />
      {table.rows.map((row) => (
        // Enter in a row's only input would submit its form (and reload the page).
        <form key={row.id} id={rowForm(table.id, row.id)} onSubmit={(e) => e.preventDefault()} />
      ))}
    </div>
  );
});
