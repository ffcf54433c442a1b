// A template table as a DOCX table: the shared table layout (../table-layout.ts) drawn cell for cell,
// with horizontal merges as gridSpan and vertical merges written out explicitly as vMerge
// restart/continue cells (docx's own rowSpan bookkeeping has mishandled rowSpan + columnSpan
// combinations, dolanmiu/docx#514, #695).
import {
  AlignmentType,
  BorderStyle,
  CarriageReturn,
  HeightRule,
  type ITableCellOptions,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type PlacedCell, stackedLabelChars, type TableLayout, wholeColumnWidths } from '../table-layout.ts';
import { STYLE_IDS } from './paragraph-styles.ts';
import { type DocxStyle, mmToTwips, ptToTwips } from './style.ts';
import { xmlText } from './xml-text.ts';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
/** Side padding stays narrow (table 四 has 15 columns of about 10 mm); a little air above and below each line. */
const cellMargins = (sizePt: number) => ({ top: ptToTwips(sizePt * 0.3), bottom: ptToTwips(sizePt * 0.3), left: mmToTwips(1), right: mmToTwips(1) });

export function docxTable(layout: TableLayout, style: DocxStyle): Table {
  const widths = wholeColumnWidths(layout, style.textWidth);
  const margins = cellMargins(style.role('table').sizePt);
  // Centred is the style's alignment; only left-aligned labels say so. Lines after the first are
  // breaks within the one run.
  const paragraph = (lines: string[], alignment: 'left' | 'center', keepNext: boolean) =>
    new Paragraph({
      style: STYLE_IDS.table,
      ...(alignment === 'left' ? { alignment: AlignmentType.LEFT } : {}),
      ...(keepNext ? { keepNext } : {}),
      children: [new TextRun({ children: lines.flatMap((line, i) => (i > 0 ? [new CarriageReturn(), xmlText(line)] : [xmlText(line)])) })],
    });
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);

  const minHeight = ptToTwips(layout.minRowHeightPt);
  // Per grid column: rows still covered by a vertical merge from above, and that merge's width.
  const covered: { rows: number; colSpan: number }[] = widths.map(() => ({ rows: 0, colSpan: 1 }));

  const rows = layout.rows.map(({ cells, header, keepWithNext: keepNext }, r) => {
    const out: TableCell[] = [];
    const queue = [...cells];
    let col = 0;
    while (col < widths.length) {
      const cover = covered[col]!;
      const common: Pick<ITableCellOptions, 'verticalAlign' | 'margins'> = { verticalAlign: VerticalAlignTable.CENTER, margins };
      if (cover.rows > 0) {
        cover.rows--;
        out.push(
          new TableCell({
            ...common,
            children: [new Paragraph({ style: STYLE_IDS.table, ...(keepNext ? { keepNext } : {}) })],
            columnSpan: cover.colSpan,
            verticalMerge: VerticalMergeType.CONTINUE,
            width: { size: spanWidth(col, cover.colSpan), type: WidthType.DXA },
          }),
        );
        col += cover.colSpan;
        continue;
      }
      const cell = queue.shift();
      if (!cell) throw new Error(`${layout.table.id}: layout row ${r} does not fill the grid`);
      const { colSpan, rowSpan, fill } = cell;
      if (rowSpan > 1) covered[col] = { rows: rowSpan - 1, colSpan };
      out.push(
        new TableCell({
          ...common,
          ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
          children: [cellParagraph(cell, keepNext)],
          columnSpan: colSpan,
          ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          width: { size: spanWidth(col, colSpan), type: WidthType.DXA },
        }),
      );
      col += colSpan;
    }
    if (queue.length || col !== widths.length) throw new Error(`${layout.table.id}: layout row ${r} overflows the grid`);
    return new TableRow({ children: out, cantSplit: true, tableHeader: header, ...(minHeight ? { height: { value: minHeight, rule: HeightRule.ATLEAST } } : {}) });
  });

  function cellParagraph(cell: PlacedCell, keepNext: boolean): Paragraph {
    // A stacked label breaks after each character, in one run: Word and LibreOffice would otherwise
    // keep "三、" together (禁则) and squeeze or overflow the one-character column. (Vertical cell
    // text, tbRl, would be the Word way, but LibreOffice drops it in a merged cell.)
    if (cell.kind === 'label' && cell.stacked) return paragraph(stackedLabelChars(cell.text), 'center', keepNext);
    return paragraph([cell.text], cell.align, keepNext);
  }

  return new Table({
    rows,
    columnWidths: widths,
    width: { size: style.textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
  });
}
