// DOCX export in the official layout (GB/T 9704 page, type and page numbers; the three tables in
// the template's exact structure). Runs in Node and in the browser: no Buffer, no fs.
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphOptions,
} from 'docx';
import { getTemplate, reportTitle, type FontRoleName, type ReportDocument } from '../../core/index.ts';
import { reportOutline, type Block } from '../outline.ts';
import { pageNumberFooters, footerDistance } from './footer.ts';
import { docxStyle, mmToTwips, ptToTwips, type DocxFontOptions, type DocxStyle } from './style.ts';
import { docxTable } from './table.ts';
import { signatureIndents } from '../signature.ts';
import { xmlText } from './xml-text.ts';

export type DocxOptions = DocxFontOptions;

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const style = docxStyle(getTemplate(doc.format).pageStyle, options);
  const { paper, marginsMm } = style.page;
  const body = style.role('body');
  const document = new Document({
    title: xmlText(reportTitle(doc)),
    creator: xmlText(doc.publication.signatory || doc.agency.name),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: body.font, size: body.size, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
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
        },
        footers: pageNumberFooters(style),
        children: reportOutline(doc).flatMap((block) => renderBlock(block, style)),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function renderBlock(block: Block, style: DocxStyle): FileChild[] {
  switch (block.kind) {
    case 'title':
      return block.lines.map((line, i) =>
        textParagraph(style, 'title', line, {
          alignment: AlignmentType.CENTER,
          // One blank line between the title and the text (GB/T 9704 §7.3.1).
          ...(i === block.lines.length - 1 ? { spacing: lineSpacing(style, 0, style.linePitch) } : {}),
        }),
      );
    case 'paragraph':
      return [textParagraph(style, 'body', block.text, { alignment: AlignmentType.BOTH })];
    case 'heading':
      return [textParagraph(style, block.level === 1 ? 'heading1' : 'heading2', block.text, { keepNext: true, keepLines: true })];
    case 'table':
      // A blank line after each table, as in published reports (and Word needs a paragraph there anyway).
      return [docxTable(block.table, block.text, style), new Paragraph({ spacing: lineSpacing(style) })];
    case 'signature':
      return signature(block, style);
  }
}

/** Every text line sits on the page style's fixed pitch (22 lines per page). */
function lineSpacing(style: DocxStyle, before = 0, after = 0) {
  return { line: style.linePitch, lineRule: LineRuleType.EXACT, before, after };
}

function textParagraph(style: DocxStyle, role: FontRoleName, text: string, extra: IParagraphOptions = {}): Paragraph {
  const run = style.role(role);
  const indentChars = style.page.roles[role].firstLineIndentChars;
  return new Paragraph({
    spacing: lineSpacing(style),
    // firstLineChars is what Word honours; the twips value is the fallback for LibreOffice and WPS.
    ...(indentChars ? { indent: { firstLine: run.charAdvance * indentChars, firstLineChars: indentChars * 100 } } : {}),
    ...extra,
    children: [new TextRun({ text: xmlText(text), font: run.font, size: run.size, ...(run.spacing ? { characterSpacing: run.spacing } : {}) })],
  });
}

/** 署名 and 成文日期 after one blank line, indented as GB/T 9704 §7.3.5.2 asks (see ../signature.ts). */
function signature(block: Extract<Block, { kind: 'signature' }>, style: DocxStyle): Paragraph[] {
  const em = style.role('body').charAdvance;
  const indents = signatureIndents(block.signatory, block.date);
  const line = (text: string, right: number, first: boolean) =>
    textParagraph(style, 'body', text, {
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * em) },
      spacing: lineSpacing(style, first ? style.linePitch : 0),
    });
  const out: Paragraph[] = [];
  if (block.signatory) out.push(line(block.signatory, indents.signatory, true));
  if (block.date) out.push(line(block.date, indents.date, !block.signatory));
  return out;
}
