// The report's named paragraph styles, so the DOCX edits like a document an office made in Word or
// WPS: 标题 / 一、 / （一） / 正文 / 署名 / 表格 each a style carrying its font, size, grid spacing,
// indent and line pitch (paragraphs carry only what is particular to them), headings with outline
// levels for the navigation pane, and the docx library's blue Heading 1–6 replaced by ours.
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions, LineRuleType } from 'docx';
import type { FontRoleName } from '../../core/index.ts';
import { type DocxStyle, ptToTwips } from './style.ts';

export const STYLE_IDS = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  body: 'BodyText',
  signature: 'Signature',
  table: 'TableText',
  footer: 'Footer',
} as const;

export function reportStyles(style: DocxStyle): IStylesOptions {
  const body = style.role('body');
  const exact = { line: style.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const run = (role: FontRoleName) => {
    const r = style.role(role);
    // Explicitly plain and black: LibreOffice otherwise keeps its own bold, coloured Heading defaults.
    return { font: r.font, size: r.size, bold: false, italics: false, color: '000000', ...(r.spacing ? { characterSpacing: r.spacing } : {}) };
  };
  const indent = (role: FontRoleName) => {
    const chars = style.page.roles[role].firstLineIndentChars;
    // firstLineChars is what Word honours; the twips value is the fallback for LibreOffice and WPS.
    return chars ? { indent: { firstLine: style.role(role).charAdvance * chars, firstLineChars: chars * 100 } } : {};
  };
  const heading = (id: string, name: string, role: FontRoleName, outlineLevel: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: STYLE_IDS.body,
    quickFormat: true,
    run: run(role),
    paragraph: { spacing: exact, ...indent(role), outlineLevel, keepNext: true, keepLines: true },
  });
  return {
    default: { document: { run: { font: body.font, size: body.size, language: { value: 'en-US', eastAsia: 'zh-CN' } } } },
    paragraphStyles: [
      {
        id: STYLE_IDS.title,
        name: 'Title',
        basedOn: 'Normal',
        next: STYLE_IDS.body,
        quickFormat: true,
        run: run('title'),
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact, keepNext: true },
      },
      heading(STYLE_IDS.heading1, 'heading 1', 'heading1', 0),
      heading(STYLE_IDS.heading2, 'heading 2', 'heading2', 1),
      // Levels 3–6 are not used by the format; defined (as body text) so no blue library default is left behind.
      ...[3, 4, 5, 6].map((n) => heading(`Heading${n}`, `heading ${n}`, 'body', n - 1)),
      { id: STYLE_IDS.body, name: 'Body Text', basedOn: 'Normal', quickFormat: true, run: run('body'), paragraph: { alignment: AlignmentType.BOTH, spacing: exact, ...indent('body') } },
      {
        id: STYLE_IDS.signature,
        name: 'Signature',
        basedOn: STYLE_IDS.body,
        next: STYLE_IDS.signature,
        run: run('body'),
        paragraph: { alignment: AlignmentType.RIGHT, spacing: exact, indent: { firstLine: 0, firstLineChars: 0 } },
      },
      // Page numbers: the style carries 宋体 四号, so the PAGE field's cached digits get it too.
      {
        id: STYLE_IDS.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: run('pageNumber'),
        paragraph: { spacing: { line: ptToTwips(style.role('pageNumber').sizePt), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      {
        id: STYLE_IDS.table,
        name: '表格文字',
        basedOn: 'Normal',
        quickFormat: true,
        run: run('table'),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
    ],
  };
}
