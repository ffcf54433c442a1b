// Print and screen CSS for the HTML export, built from the template's page style so the printed page
// follows the same GB/T 9704 layout as the DOCX: A4, the same margins, sizes, fonts and line pitch.
import type { FontRoleName, PageStyle } from '../../core/index.ts';
import { charAdvancePt, gridTrackingPt } from '../page-grid.ts';

/** Names the same faces go by on Windows, macOS and Linux, then the generic family. */
const FALLBACKS: Record<string, string[]> = {
  方正小标宋简体: ['方正小标宋_GBK', '小标宋', 'STZhongsong', '华文中宋', 'SimSun', '宋体', 'serif'],
  仿宋_GB2312: ['仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'serif'],
  楷体_GB2312: ['楷体', 'KaiTi', 'STKaiti', '华文楷体', 'serif'],
  黑体: ['SimHei', 'STHeiti', 'Heiti SC', 'sans-serif'],
  宋体: ['SimSun', 'STSong', 'Songti SC', 'serif'],
};

/** Below this viewport width the report takes its phone layout. */
const NARROW_SCREEN_PX = 600;

/** Digits and Latin only (as the DOCX's ascii slot): Chinese punctuation such as “” stays in the CJK face. */
const LATIN_FACE = 'nianbao-latin';
const latinFace = (page: PageStyle) => `@font-face { font-family: ${LATIN_FACE}; src: local("${page.latinFont}"); unicode-range: U+0020-007E, U+00A0-00FF; }`;

function fontStack(page: PageStyle, role: FontRoleName): string {
  const font = page.roles[role].font;
  // Page numbers are half-width 宋体 digits: no Latin face in front.
  return [...(role === 'pageNumber' ? [] : [LATIN_FACE]), font, ...(FALLBACKS[font] ?? ['serif'])].map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ');
}

const font = (page: PageStyle, role: FontRoleName) => `font-family: ${fontStack(page, role)}; font-size: ${page.roles[role].sizePt}pt;`;
/**
 * Text on the GB/T 9704 grid: condensed like the DOCX and PDF (28 characters per line, see
 * ../page-grid.ts), indented by whole condensed characters, commas and stops hanging where the
 * browser supports it.
 */
const grid = (page: PageStyle, role: FontRoleName) =>
  `letter-spacing: ${gridTrackingPt(page, role)}pt; text-indent: ${(page.roles[role].firstLineIndentChars ?? 0) * charAdvancePt(page, role)}pt; hanging-punctuation: allow-end;`;

export function reportCss(page: PageStyle): string {
  const m = page.marginsMm;
  const textWidth = page.paper.widthMm - m.left - m.right;
  const pn = page.pageNumber;
  const [before = '', after = ''] = pn.pattern.split('{n}');
  const pageNumber = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "${before}" counter(page) "${after}"; ${font(page, 'pageNumber')} vertical-align: top; padding-top: ${pn.offsetBelowTextMm}mm; padding-${side}: ${pn.indentChars}em; }`;
  return `
${latinFace(page)}
@page { size: ${page.paper.size}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@page :right { ${pageNumber(pn.oddAlign)} }
@page :left { ${pageNumber(pn.evenAlign)} }
.nianbao-report { max-width: ${textWidth}mm; margin: 0 auto; ${font(page, 'body')} line-height: ${page.grid.linePitchPt}pt; color: #000; }
.nianbao-report h1 { ${font(page, 'title')} font-weight: normal; text-align: center; line-height: ${page.grid.linePitchPt}pt; margin: 0 0 ${page.grid.linePitchPt}pt; }
.nianbao-report h1 span { display: block; }
.nianbao-report h2 { ${font(page, 'heading1')} ${grid(page, 'heading1')} font-weight: normal; margin: 0; break-after: avoid; }
.nianbao-report h3 { ${font(page, 'heading2')} ${grid(page, 'heading2')} font-weight: normal; margin: 0; break-after: avoid; }
.nianbao-report p { ${grid(page, 'body')} text-align: justify; margin: 0; }
.nianbao-report table { width: 100%; table-layout: fixed; border-collapse: collapse; ${font(page, 'table')} line-height: 1.3; margin: 0 0 ${page.grid.linePitchPt}pt; }
.nianbao-report th, .nianbao-report td { border: 1px solid #000; padding: 0.3em 1mm; font-weight: normal; text-align: center; vertical-align: middle; overflow-wrap: anywhere; }
.nianbao-report th { text-wrap: balance; }
.nianbao-report th.label { text-align: left; }
.nianbao-report th.stack { writing-mode: vertical-rl; text-orientation: upright; }
.nianbao-report .table-wrap { overflow-x: auto; }
/* Page breaks as in the PDF: no row split, a 第二十条 caption or head row never last on a page,
   a heading kept with its text, no line alone at the foot or head of a page. */
.nianbao-report tr { break-inside: avoid; }
.nianbao-report tr.keep-with-next { break-after: avoid; }
.nianbao-report p { orphans: 2; widows: 2; }
.nianbao-report div.signature { margin-top: ${page.grid.linePitchPt}pt; break-before: avoid; }
.nianbao-report p.signature { text-align: right; text-indent: 0; }
/* Phones: body text off the print grid, tables scroll sideways at a readable size, the stacked label horizontal. */
@media screen and (max-width: ${NARROW_SCREEN_PX}px) {
  .nianbao-report { font-size: 12pt; line-height: 1.7; }
  .nianbao-report h1 { font-size: 16pt; line-height: 1.5; }
  .nianbao-report h2, .nianbao-report h3, .nianbao-report p { font-size: 12pt; letter-spacing: normal; text-indent: 2em; }
  .nianbao-report p.signature { text-indent: 0; }
  .nianbao-report table { table-layout: auto; min-width: 36em; font-size: 9pt; }
  .nianbao-report th.stack { writing-mode: horizontal-tb; min-width: 4em; }
}
`.trim();
}
