// What changed between two versions of a report, as a person reads it: each cell named by its row
// and column labels, texts and fields by their titles, before → after.
import { type CellState, cellLabel, type DocumentDiff, formatCellValue } from '../../core/index.ts';
import { fieldLabel, textLabel } from '../labels.ts';

function cellText(s: CellState): string {
  if (s.notApplicable) return '不适用';
  if (s.text !== null) return s.text;
  return s.value === null ? '（空）' : formatCellValue(s.value);
}

const clip = (t: string | null, max = 120) => (t === null || t === '' ? '（空）' : t.length > max ? `${t.slice(0, max)}…` : t);

export function diffSize(diff: DocumentDiff): number {
  return diff.cells.length + diff.texts.length + diff.fields.length;
}

export function DiffTable({ diff, caption, beforeLabel = '原', afterLabel = '现' }: { diff: DocumentDiff; caption: string; beforeLabel?: string; afterLabel?: string }) {
  if (diffSize(diff) === 0) return <p className="empty">没有差异。</p>;
  return (
    <table className="data-table diff-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">位置</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {diff.fields.map((f) => (
          <tr key={f.path}>
            <th scope="row">{fieldLabel(f.path)}</th>
            <td className="before">{clip(f.before === null ? null : String(f.before))}</td>
            <td className="after">{clip(f.after === null ? null : String(f.after))}</td>
          </tr>
        ))}
        {diff.cells.map((c) => (
          <tr key={c.id} data-diff-cell={c.id}>
            <th scope="row">{cellLabel(c.id)}</th>
            <td className="before num">{cellText(c.before)}</td>
            <td className="after num">{cellText(c.after)}</td>
          </tr>
        ))}
        {diff.texts.map((t) => (
          <tr key={t.key}>
            <th scope="row">{textLabel(t.key)}</th>
            <td className="before text">{clip(t.before)}</td>
            <td className="after text">{clip(t.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
