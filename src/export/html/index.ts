// One self-contained HTML file for a government website CMS: semantic headings, real tables with
// rowspan/colspan and scoped header cells, print CSS after the official page layout, no external
// resources. Drawn from the same outline as the DOCX and PDF.
import { getTemplate, type PageStyle, type ReportDocument, reportTitle } from '../../core/index.ts';
import { type Block, reportOutline } from '../outline.ts';
import { signatureIndents } from '../signature.ts';
import { bodyGroups, type LayoutRow, layoutTable, type PlacedCell, type TableLayout } from '../table-layout.ts';
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
      return renderTable(layoutTable(block.table, page, block.text), headingId);
    case 'signature': {
      const indents = signatureIndents(block.signatory, block.date);
      const line = (text: string, right: number) => `<p class="signature" style="padding-right: ${right}em">${escapeHtml(text)}</p>`;
      return `<div class="signature">${block.signatory ? line(block.signatory, indents.signatory) : ''}${block.date ? line(block.date, indents.date) : ''}</div>`;
    }
  }
}

function renderTable(layout: TableLayout, labelledBy: string): string {
  const cols = layout.columnShares.map((share) => `<col style="width: ${(share * 100).toFixed(2)}%">`).join('');
  const height = layout.minRowHeightPt ? ` style="height: ${layout.minRowHeightPt.toFixed(1)}pt"` : '';
  const row = ({ cells, keepWithNext }: LayoutRow) => `<tr${keepWithNext ? ' class="keep-with-next"' : ''}${height}>${cells.map(renderCell).join('')}</tr>`;
  const head = layout.rows.filter((r) => r.header);
  return [
    '<div class="table-wrap">',
    `<table${labelledBy ? ` aria-labelledby="${labelledBy}"` : ''}>`,
    `<colgroup>${cols}</colgroup>`,
    head.length ? `<thead>\n${head.map(row).join('\n')}\n</thead>` : '',
    ...bodyGroups(layout).map((g) => `<tbody>\n${g.map(row).join('\n')}\n</tbody>`),
    '</table>',
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
}

function renderCell(cell: PlacedCell): string {
  const spans = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.fill ? ` style="background: #${cell.fill}"` : ''}`;
  if (cell.kind === 'data') return `<td${spans} data-cell="${escapeHtml(cell.cellId)}">${escapeHtml(cell.text)}</td>`;
  const text = escapeHtml(cell.text);
  // scope="col" on a spanning cell covers every column it spans (HTML's header-assignment algorithm).
  if (!cell.scope) return `<td${spans}>${text}</td>`;
  const cls = cell.stacked ? ' class="stack"' : cell.align === 'left' ? ' class="label"' : '';
  return `<th${spans} scope="${cell.scope}"${cls}>${text}</th>`;
}
