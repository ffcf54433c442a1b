// The GB/T 9704 page style
// of the 2021 format (国办公开办函〔2021〕30号), as data: written once, read by the core and every renderer.
import type { PageStyleSource } from '../schema.ts';

export default {
  standard: 'GB/T 9704-2012 党政机关公文格式',
  paper: { size: 'A4', widthMm: 210, heightMm: 297 },
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  grid: { linesPerPage: 22, charsPerLine: 28, linePitchPt: 28.95 },
  latinFont: 'Times New Roman',
  roles: {
    title: { font: '方正小标宋简体', sizePt: 22, sizeName: '二号', align: 'center' },
    body: { font: '仿宋_GB2312', sizePt: 16, sizeName: '三号', firstLineIndentChars: 2 },
    heading1: { font: '黑体', sizePt: 16, sizeName: '三号', firstLineIndentChars: 2 },
    heading2: { font: '楷体_GB2312', sizePt: 16, sizeName: '三号', firstLineIndentChars: 2 },
    heading3: { font: '仿宋_GB2312', sizePt: 16, sizeName: '三号', firstLineIndentChars: 2 },
    table: { font: '仿宋_GB2312', sizePt: 10.5, sizeName: '五号' },
    pageNumber: { font: '宋体', sizePt: 14, sizeName: '四号' },
  },
  pageNumber: { pattern: '— {n} —', offsetBelowTextMm: 7, oddAlign: 'right', evenAlign: 'left', indentChars: 1 },
  dateFormat: '{y}年{m}月{d}日',
} as const satisfies PageStyleSource;
