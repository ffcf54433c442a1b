// Draws an official table from its template layout: header rows, merged cells, row labels.
// The editor puts inputs in the data cells, the preview puts printed text; the shape is the
// template's in both.
import type { ReactNode } from 'react';
import type { CellId, GridCell, TemplateTable } from '../../core/index.ts';

interface Props {
  table: TemplateTable;
  /** The content of a data cell. */
  renderCell: (id: CellId) => ReactNode;
  /** Extra attributes for a data cell's <td>. */
  cellProps?: (id: CellId) => Record<string, string | undefined>;
  className?: string;
  label?: string;
}

function TextCell({ g }: { g: Extract<GridCell, { text: string }> }) {
  const span = { colSpan: g.colSpan, rowSpan: g.rowSpan };
  if (g.role === 'header') return <th scope="col" {...span}>{g.text}</th>;
  if (g.role === 'rowLabel') return <th scope="row" className="row-label" {...span}>{g.text}</th>;
  if (g.role === 'caption') return <th scope="colgroup" className="caption" {...span}>{g.text}</th>;
  return <td className="corner" {...span}>{g.text}</td>;
}

function Row({ cells, renderCell, cellProps }: { cells: GridCell[] } & Pick<Props, 'renderCell' | 'cellProps'>) {
  return (
    <tr>
      {cells.map((g, i) =>
        'cell' in g ? (
          <td key={g.cell} className="data" colSpan={g.colSpan} rowSpan={g.rowSpan} {...cellProps?.(g.cell)}>
            {renderCell(g.cell)}
          </td>
        ) : (
          <TextCell key={i} g={g} />
        ),
      )}
    </tr>
  );
}

export function LayoutTable({ table, renderCell, cellProps, className, label }: Props) {
  const { columnWidths, header, body } = table.layout;
  const total = columnWidths.reduce((a, b) => a + b, 0);
  return (
    <table className={`official-table table-${table.id} ${className ?? ''}`} aria-label={label}>
      <colgroup>
        {columnWidths.map((w, i) => (
          <col key={i} style={{ width: `${((w / total) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      {header.length > 0 && (
        <thead>
          {header.map((cells, i) => (
            <Row key={i} cells={cells} renderCell={renderCell} cellProps={cellProps} />
          ))}
        </thead>
      )}
      <tbody>
        {body.map((cells, i) => (
          <Row key={i} cells={cells} renderCell={renderCell} cellProps={cellProps} />
        ))}
      </tbody>
    </table>
  );
}
