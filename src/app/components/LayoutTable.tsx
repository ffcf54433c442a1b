// Draws an official table from its template layout: header rows, merged cells, row labels.
// The editor puts inputs in the data cells, the preview puts printed text; the shape is the
// template's in both.
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { getTemplate, placeGrid, type CellId, type GridCell, type TemplateTable } from '../../core/index.ts';
import { textBlockWidthPt } from '../../export/page-grid.ts';
import { cellWidthsPt, isStackedLabel } from '../../export/table-label.ts';

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

/** Labels the printed report stacks one character per line (the exporters' rule, src/export/table-label.ts). */
function useStackedLabels(table: TemplateTable): Set<GridCell> {
  return useMemo(() => {
    const widths = cellWidthsPt(table, textBlockWidthPt(page));
    return new Set([...widths].filter(([g, w]) => isStackedLabel(g, w, page.roles.table.sizePt)).map(([g]) => g));
  }, [table]);
}

/**
 * Where each row label and corner starts, as a share of the table's width: a scrolling grid keeps
 * them in view at that place (the editor's CSS, --col-start).
 */
function useLabelStarts(table: TemplateTable): Map<GridCell, CSSProperties> {
  return useMemo(() => {
    const widths = table.layout.columnWidths;
    const total = widths.reduce((a, b) => a + b, 0);
    const starts = new Map<GridCell, CSSProperties>();
    for (const { cell, col } of placeGrid(table)) {
      if ('cell' in cell || (cell.role !== 'rowLabel' && cell.role !== 'corner')) continue;
      const start = widths.slice(0, col).reduce((a, b) => a + b, 0) / total;
      starts.set(cell, { '--col-start': start.toFixed(4) } as CSSProperties);
    }
    return starts;
  }, [table]);
}

interface Looks {
  stacked: Set<GridCell>;
  starts: Map<GridCell, CSSProperties>;
}

function TextCell({ g, looks }: { g: Extract<GridCell, { text: string }>; looks: Looks }) {
  const span = { colSpan: g.colSpan, rowSpan: g.rowSpan };
  if (g.role === 'header') return <th scope="col" {...span}>{g.text}</th>;
  if (g.role === 'rowLabel')
    return (
      <th scope="row" className={looks.stacked.has(g) ? 'row-label stack' : 'row-label'} style={looks.starts.get(g)} {...span}>
        {g.text}
      </th>
    );
  if (g.role === 'caption') return <th scope="colgroup" className="caption" {...span}>{g.text}</th>;
  return (
    <td className="corner" style={looks.starts.get(g)} {...span}>
      {g.text}
    </td>
  );
}

function Row({ cells, renderCell, cellProps, looks }: { cells: GridCell[]; looks: Looks } & Pick<Props, 'renderCell' | 'cellProps'>) {
  return (
    <tr>
      {cells.map((g, i) =>
        'cell' in g ? (
          <td key={g.cell} className="data" colSpan={g.colSpan} rowSpan={g.rowSpan} {...cellProps?.(g.cell)}>
            {renderCell(g.cell)}
          </td>
        ) : (
          <TextCell key={i} g={g} looks={looks} />
        ),
      )}
    </tr>
  );
}

export function LayoutTable({ table, renderCell, cellProps, className, label }: Props) {
  const { columnWidths, header, body } = table.layout;
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const stacked = useStackedLabels(table);
  const starts = useLabelStarts(table);
  const looks = useMemo(() => ({ stacked, starts }), [stacked, starts]);
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
            <Row key={i} cells={cells} renderCell={renderCell} cellProps={cellProps} looks={looks} />
          ))}
        </thead>
      )}
      <tbody>
        {body.map((cells, i) => (
          <Row key={i} cells={cells} renderCell={renderCell} cellProps={cellProps} looks={looks} />
        ))}
      </tbody>
    </table>
  );
}
