// Invisible characters are removed with a note of where; characters the shipped fonts cannot draw
// are a finding (text.unprintable) naming the character and where it is; the table of printable
// characters is the one the shipped fonts give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINTABLE_CHARS_FILE, printableCharsModule } from '../../scripts/printable-chars.ts';
import { checkReport, createBlankDocument, describeRemoved, stripInvisible } from '../../src/core/index.ts';

const blank = () => createBlankDocument({ agency: '市司法局', year: 2024 });

describe('stripInvisible', () => {
  it('removes zero-width, BOM, soft hyphen, bidi and control characters; keeps line breaks and tabs', () => {
    const doc = blank();
    doc.prose['overview.onRequest'] = '收到\u200b申请\ufeff 3 件\u00ad。\n第二段\t\u0007完\u202e';
    doc.contact.phone = '0951-\u200d1234567';
    const { document, removed } = stripInvisible(doc);
    expect(document.prose['overview.onRequest']).toBe('收到申请 3 件。\n第二段\t完');
    expect(document.contact.phone).toBe('0951-1234567');
    expect(doc.prose['overview.onRequest']).toContain('\u200b'); // the input is not changed
    expect(describeRemoved(removed)).toEqual([
      '已删除“一、总体情况（二）依申请公开”中的 5 个不可见或控制字符（U+200B、U+FEFF、U+00AD、U+0007、U+202E）',
      '已删除“电话”中的 1 个不可见或控制字符（U+200D）',
    ]);
  });

  it('leaves a clean document as it is', () => {
    const doc = blank();
    expect(stripInvisible(doc)).toEqual({ document: doc, removed: [] });
  });
});

describe('text.unprintable', () => {
  it('an emoji in the prose is an error naming it and where it is; ordinary text is not', () => {
    const doc = blank();
    doc.prose.problems = '整改工作已完成👍，公开质量持续提升。©';
    const found = checkReport(doc, { totals: 'asPrinted' }).filter((f) => f.rule === 'text.unprintable');
    expect(found).toEqual([
      {
        rule: 'text.unprintable',
        severity: 'error',
        cells: [],
        prose: 'problems',
        message: '“五、存在的主要问题及改进情况”中有字体无法显示的字符：“👍”（U+1F44D，在“改工作已完成👍，公开质量持”处），发布的 PDF 会缺字；请删去或换成通用规范汉字',
      },
    ]);
    doc.prose.problems = '整改工作已完成，公开质量持续提升（第1—3项）。“㈠”①';
    expect(checkReport(doc, { totals: 'asPrinted' }).filter((f) => f.rule === 'text.unprintable')).toEqual([]);
  });

  it('says nothing about a published report being checked: what our export could print is not its fault', () => {
    const doc = blank();
    doc.prose.problems = '整改工作已完成👍，公开质量持续提升。';
    expect(checkReport(doc, { totals: 'asPrinted' }).some((f) => f.rule === 'text.unprintable')).toBe(true);
    expect(checkReport(doc, { totals: 'asPrinted', published: true }).some((f) => f.rule === 'text.unprintable')).toBe(false);
  });

  it('the printable table is what the shipped fonts draw', () => {
    expect(readFileSync(PRINTABLE_CHARS_FILE, 'utf8')).toBe(printableCharsModule());
  });
});
