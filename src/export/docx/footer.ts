// Page numbers per GB/T 9704 §7.5: "— N —" in 四号 宋体, odd pages right and even pages left, one
// character in from the text block's edge. Word shows the even footer only when the document sets
// evenAndOddHeaderAndFooters.
import { AlignmentType, Footer, Paragraph, SimpleField, TextRun } from 'docx';
import { STYLE_IDS } from './paragraph-styles.ts';
import { type DocxStyle, mmToTwips, ptToTwips } from './style.ts';

export function pageNumberFooters(style: DocxStyle): { default: Footer; even: Footer } {
  const { pageNumber } = style.page;
  const run = style.role('pageNumber');
  const [before = '', after = ''] = pageNumber.pattern.split('{n}');
  const inset = ptToTwips(run.sizePt * pageNumber.indentChars);
  const footer = (side: 'left' | 'right') =>
    new Footer({
      children: [
        // The Footer style is 宋体 四号, exactly one em high, so the footer distance below places the line where the standard says.
        new Paragraph({
          style: STYLE_IDS.footer,
          alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'right' ? { right: inset } : { left: inset },
          // A simple field with a cached value: viewers that do not update fields still show a number.
          children: [new TextRun({ text: before }), new SimpleField('PAGE', '1'), new TextRun({ text: after })],
        }),
      ],
    });
  return { default: footer(pageNumber.oddAlign), even: footer(pageNumber.evenAlign) };
}

/** Footer distance from the page's bottom edge: the number's top sits offsetBelowTextMm under the text block. */
export function footerDistance(style: DocxStyle): number {
  const { marginsMm, pageNumber } = style.page;
  return mmToTwips(marginsMm.bottom - pageNumber.offsetBelowTextMm) - ptToTwips(style.role('pageNumber').sizePt);
}
