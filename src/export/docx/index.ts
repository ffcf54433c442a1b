// DOCX export in the official layout (GB/T 9704 page, type and page numbers; the three tables in
// the template's exact structure). Runs in Node and in the browser: no Buffer, no fs.
import { Document, type FileChild, type IParagraphOptions, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { getTemplate, type ReportDocument } from '../../core/index.ts';
import { reportMetadata } from '../metadata.ts';
import { type Block, reportOutline } from '../outline.ts';
import { signatureIndents } from '../signature.ts';
import { layoutTable } from '../table-layout.ts';
import { footerDistance, pageNumberFooters } from './footer.ts';
import { reportStyles, STYLE_IDS } from './paragraph-styles.ts';
import { type DocxFontOptions, type DocxStyle, docxStyle, mmToTwips } from './style.ts';
import { docxTable } from './table.ts';
import { xmlText } from './xml-text.ts';

export type DocxOptions = DocxFontOptions;

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const style = docxStyle(getTemplate(doc.format).pageStyle, options);
  const { paper, marginsMm } = style.page;
  const meta = reportMetadata(doc);
  const blocks = reportOutline(doc);
  const document = new Document({
    title: xmlText(meta.title),
    subject: xmlText(meta.subject),
    keywords: xmlText(meta.keywords.join(' ')),
    creator: xmlText(meta.author),
    lastModifiedBy: xmlText(meta.author),
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(style),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(paper.widthMm), height: mmToTwips(paper.heightMm) },
            margin: {
              top: mmToTwips(marginsMm.top),
              bottom: mmToTwips(marginsMm.bottom),
              left: mmToTwips(marginsMm.left),
              right: mmToTwips(marginsMm.right),
              footer: footerDistance(style),
            },
          },
          // No w:docGrid: LibreOffice snaps table rows to it (a paragraph-level snapToGrid off, which
          // the docx library cannot write, would be needed). The 22 lines come from the styles'
          // exact pitch, the 28 characters from their character spacing.
        },
        footers: pageNumberFooters(style),
        children: blocks.flatMap((block, i) => renderBlock(block, style, blocks[i + 1])),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function renderBlock(block: Block, style: DocxStyle, next: Block | undefined): FileChild[] {
  switch (block.kind) {
    case 'title':
      return block.lines.map((line, i) =>
        textParagraph(STYLE_IDS.title, line, {
          // One blank line between the title and the text (GB/T 9704 §7.3.1).
          ...(i === block.lines.length - 1 ? { spacing: lineSpacing(style, 0, style.linePitch) } : {}),
        }),
      );
    case 'paragraph':
      // No first line alone at the foot of a page, no last line alone at the head of the next, as
      // the PDF and HTML set paragraphs (Word applies it only when the paragraph says so; the docx
      // library's styles cannot). The signature never stands alone on the last page: the closing
      // lines go with it.
      return [textParagraph(STYLE_IDS.body, block.text, { widowControl: true, ...(next?.kind === 'signature' ? { keepNext: true } : {}) })];
    case 'heading':
      return [textParagraph(block.level === 1 ? STYLE_IDS.heading1 : STYLE_IDS.heading2, block.text)];
    case 'table':
      // A blank line after each table, as in published reports (and Word needs a paragraph there anyway).
      return [docxTable(layoutTable(block.table, style.page, block.text), style), new Paragraph({ spacing: lineSpacing(style) })];
    case 'signature':
      return signature(block, style);
  }
}

/** Every text line sits on the page style's fixed pitch (22 lines per page). */
function lineSpacing(style: DocxStyle, before = 0, after = 0) {
  return { line: style.linePitch, lineRule: LineRuleType.EXACT, before, after };
}

/** A paragraph in one of the report's styles: fonts, sizes, pitch and indents all come from the style. */
function textParagraph(styleId: string, text: string, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ style: styleId, ...extra, children: [new TextRun({ text: xmlText(text) })] });
}

/** 署名 and 成文日期 after one blank line, indented as GB/T 9704 §7.3.5.2 asks (see ../signature.ts). */
function signature(block: Extract<Block, { kind: 'signature' }>, style: DocxStyle): Paragraph[] {
  const em = style.role('body').charAdvance;
  const indents = signatureIndents(block.signatory, block.date);
  const line = (text: string, right: number, first: boolean, keepNext: boolean) =>
    textParagraph(STYLE_IDS.signature, text, {
      indent: { right: Math.round(right * em) },
      ...(keepNext ? { keepNext } : {}),
      ...(first ? { spacing: lineSpacing(style, style.linePitch) } : {}),
    });
  const out: Paragraph[] = [];
  if (block.signatory) out.push(line(block.signatory, indents.signatory, true, !!block.date));
  if (block.date) out.push(line(block.date, indents.date, !block.signatory, false));
  return out;
}
