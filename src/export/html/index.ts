// One self-contained HTML file for a government website CMS: semantic headings, real tables with
// rowspan/colspan and scoped header cells, print CSS after the official page layout, no external
// resources. Drawn from the same outline as the DOCX and PDF.
import { getTemplate, reportTitle, type GridCell, type PageStyle, type ReportDocument, type TemplateTable } from '../../core/index.ts';
import { textBlockWidthPt } from '../page-grid.ts';
import { cellAlign, cellFill, cellWidthsPt, isStackedLabel, minRowHeightPt } from '../table-label.ts';
import { reportOutline, type Block } from '../outline.ts';
import { signatureIndents } from '../signature.ts';
import { reportCss } from './style.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function renderHtml(doc: ReportDocument): string {
  const title = reportTitle(doc);
  const out: string[] = [];
  const page = getTemplate(doc.format).pageStyle;
  let headingId = '';
  for (const [i, block] of reportOutline(doc).entries()) {
    if (block.kind === 'heading' && block.level === 1) headingId = `section-${i}`;
    out.push(renderBlock(block, headingId, page));
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${reportCss(page)}
</style>
</head>
<body>
<article class="nianbao-report">
${out.join('\n')}
</article>
</body>
</html>
`;
}

function renderBlock(block: Block, headingId: string, page: PageStyle): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${block.lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h1>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'heading':
      return block.level === 1 ? `<h2 id="${headingId}">${escapeHtml(block.text)}</h2>` : `<h3>${escapeHtml(block.text)}</h3>`;
    case 'table':
      return renderTable(block.table, block.text, headingId, page);
    case 'signature': {
      const indents = signatureIndents(block.signatory, block.date);
      const line = (text: string, right: number) => `<p class="signature" style="padding-right: ${right}em">${escapeHtml(text)}</p>`;
      return `<div class="signature">${block.signatory ? line(block.signatory, indents.signatory) : ''}${block.date ? line(block.date, indents.date) : ''}</div>`;
    }
  }
}

function renderTable(table: TemplateTable, cellText: (id: string) => string, labelledBy: string, page: PageStyle): string {
  const { columnWidths, header, body } = table.layout;
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const cols = columnWidths.map((w) => `<col style="width: ${((w / total) * 100).toFixed(2)}%">`).join('');
  const widths = cellWidthsPt(table, textBlockWidthPt(page));
  const minHeight = minRowHeightPt(table);
  const tr = minHeight ? `<tr style="height: ${minHeight.toFixed(1)}pt">` : '<tr>';
  const row = (cells: GridCell[]) => `${tr}${cells.map((c) => renderCell(table, c, cellText, isStackedLabel(c, widths.get(c)!, page.roles.table.sizePt))).join('')}</tr>`;
  // Table 二 is four captioned groups: each caption row opens its own <tbody>, which its scope="rowgroup" names.
  const groups: GridCell[][][] = [];
  for (const cells of body) {
    if (groups.length === 0 || isCaptionRow(cells)) groups.push([]);
    groups[groups.length - 1]!.push(cells);
  }
  return [
    '<div class="table-wrap">',
    `<table${labelledBy ? ` aria-labelledby="${labelledBy}"` : ''}>`,
    `<colgroup>${cols}</colgroup>`,
    header.length ? `<thead>\n${header.map(row).join('\n')}\n</thead>` : '',
    ...groups.map((g) => `<tbody>\n${g.map(row).join('\n')}\n</tbody>`),
    '</table>',
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
}

const isCaptionRow = (cells: GridCell[]) => cells.length === 1 && !('cell' in cells[0]!) && cells[0]!.role === 'caption';

function renderCell(table: TemplateTable, cell: GridCell, cellText: (id: string) => string, stacked: boolean): string {
  const fill = cellFill(table, cell);
  const spans = `${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${fill ? ` style="background: #${fill}"` : ''}`;
  if ('cell' in cell) return `<td${spans} data-cell="${escapeHtml(cell.cell)}">${escapeHtml(cellText(cell.cell))}</td>`;
  const text = escapeHtml(cell.text);
  const cls = stacked ? ' class="stack"' : cellAlign(table, cell) === 'left' ? ' class="label"' : '';
  switch (cell.role) {
    case 'header':
      // scope="col" on a spanning cell covers every column it spans (HTML's header-assignment algorithm).
      return `<th${spans} scope="col">${text}</th>`;
    case 'caption':
      return `<th${spans} scope="rowgroup"${cls}>${text}</th>`;
    case 'rowLabel':
      return `<th${spans} scope="row"${cls}>${text}</th>`;
    case 'corner':
      return `<td${spans}>${text}</td>`;
  }
}
