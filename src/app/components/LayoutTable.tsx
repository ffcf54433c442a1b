// Draws an official table from the shared table layout (src/export/table-layout.ts): header rows,
// merged cells, row labels, stacked labels and column widths as every export draws them. The editor
// puts inputs in the data cells, the preview puts printed text; the shape is the template's in both.
import { type CSSProperties, type ReactNode, useMemo } from 'react';
import { type CellId, getTemplate, type TemplateTable } from '../../core/index.ts';
import { bodyGroups, type LayoutRow, layoutTable, type PlacedCell } from '../../export/table-layout.ts';

interface Props {
  table: TemplateTable;
  /** The content of a data cell. */
  renderCell: (id: CellId) => ReactNode;
  /** Extra attributes for a data cell's <td>. */
  cellProps?: (id: CellId) => Record<string, string | undefined>;
  className?: string;
  label?: string;
}

const page = getTemplate().pageStyle;

const LABEL_CLASS = { header: undefined, rowLabel: 'row-label', caption: 'caption', corner: 'corner' } as const;

/**
 * Where a row label or corner starts, as a share of the table's width: a scrolling grid keeps it in
 * view at that place (the editor's CSS, --col-start).
 */
function labelStart(cell: PlacedCell, columnShares: readonly number[]): CSSProperties | undefined {
  if (cell.kind !== 'label' || (cell.role !== 'rowLabel' && cell.role !== 'corner')) return undefined;
  const start = columnShares.slice(0, cell.col).reduce((a, b) => a + b, 0);
  return { '--col-start': start.toFixed(4) } as CSSProperties;
}

function LabelCell({ cell, shares }: { cell: Extract<PlacedCell, { kind: 'label' }>; shares: readonly number[] }) {
  const span = { colSpan: cell.colSpan, rowSpan: cell.rowSpan, style: labelStart(cell, shares) };
  const className = cell.stacked ? `${LABEL_CLASS[cell.role]} stack` : LABEL_CLASS[cell.role];
  if (!cell.scope)
    return (
      <td className={className} {...span}>
        {cell.text}
      </td>
    );
  return (
    <th scope={cell.scope} className={className} {...span}>
      {cell.text}
    </th>
  );
}

function Row({ row, shares, renderCell, cellProps }: { row: LayoutRow; shares: readonly number[] } & Pick<Props, 'renderCell' | 'cellProps'>) {
  return (
    <tr>
      {row.cells.map((c, i) =>
        c.kind === 'data' ? (
          <td key={c.cellId} className="data" colSpan={c.colSpan} rowSpan={c.rowSpan} {...cellProps?.(c.cellId)}>
            {renderCell(c.cellId)}
          </td>
        ) : (
          <LabelCell key={i} cell={c} shares={shares} />
        ),
      )}
    </tr>
  );
}

export function LayoutTable({ table, renderCell, cellProps, className, label }: Props) {
  const layout = useMemo(() => layoutTable(table, page), [table]);
  const header = layout.rows.filter((r) => r.header);
  return (
    <table className={`official-table table-${table.id} ${className ?? ''}`} aria-label={label}>
      <colgroup>
        {layout.columnShares.map((share, i) => (
          <col key={i} style={{ width: `${(share * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      {header.length > 0 && (
        <thead>
          {header.map((r, i) => (
            <Row key={i} row={r} shares={layout.columnShares} renderCell={renderCell} cellProps={cellProps} />
          ))}
        </thead>
      )}
      {bodyGroups(layout).map((g, k) => (
        <tbody key={k}>
          {g.map((r, i) => (
            <Row key={i} row={r} shares={layout.columnShares} renderCell={renderCell} cellProps={cellProps} />
          ))}
        </tbody>
      ))}
    </table>
  );
}
