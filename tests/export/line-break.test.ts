import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedLines, breakLines, breakPositions, HANGING, NO_LINE_END, NO_LINE_START, wordBreaks } from '../../src/export/text/line-break.ts';

/** A monospace model of the page: ideographs and full-width punctuation 1 em, Latin and digits ½ em. */
const measure = (s: string) => Array.from(s).reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
const lines = (text: string, width: number, firstLineIndent = 0) => breakLines(text, { width, measure, firstLineIndent }).map((l) => l.text);

describe('禁则 (Chinese line-breaking rules)', () => {
  it('never starts a line with closing punctuation: carries the previous character along', () => {
    expect(lines('一二三四五，六七', 5)).toEqual(['一二三四', '五，六七']);
    expect(lines('一二三四五。”六七', 5)).toEqual(['一二三四', '五。”六七']);
    expect(lines('一二三四五、六', 5)).toEqual(['一二三四', '五、六']);
    expect(lines('一二三四五……六', 5)).toEqual(['一二三四', '五……六']);
    expect(lines('一二三四五）》六', 5)).toEqual(['一二三四', '五）》六']);
  });

  it('never ends a line with opening punctuation: moves it to the next line', () => {
    expect(lines('一二三四（五六）', 5)).toEqual(['一二三四', '（五六）']);
    expect(lines('一二三《条例》', 4)).toEqual(['一二三', '《条例》']);
    expect(lines('一二三四“五六”', 5)).toEqual(['一二三四', '“五六”']);
  });

  it('breaks before an opening and after a closing quotation mark like around any ideograph', () => {
    const allowed = breakPositions('按照“三校三审”要求');
    expect(allowed.has(2)).toBe(true); // before “
    expect(allowed.has(8)).toBe(true); // after ”
    expect(allowed.has(3)).toBe(false); // after “
    expect(allowed.has(7)).toBe(false); // before ”
  });

  it('keeps runs of Latin letters and digits together', () => {
    expect(lines('公开信息1136条', 5)).toEqual(['公开信息', '1136条']);
    expect(lines('邮箱hzzwgk@126.com。', 9)).toEqual(['邮箱hzzwgk@126.', 'com。']);
    expect(lines('共计1.5万元', 3)).toEqual(['共计', '1.5万', '元']);
  });

  it('breaks web addresses, e-mails and long digit runs at sensible points, never inside "//"', () => {
    expect(wordBreaks('http://www.nx.gov.cn/zwgk/index.html?id=3&p=1')).toEqual([7, 11, 14, 18, 21, 26, 32, 37, 40, 42]);
    expect(wordBreaks('0517-87222589')).toEqual([5]);
    expect(wordBreaks('13812345678')).toEqual([3, 7]);
    expect(wordBreaks('2952686')).toEqual([]);
    expect(wordBreaks('1.5')).toEqual([]);
    expect(lines('电话0517-87222589', 8)).toEqual(['电话0517-', '87222589']);
  });

  it('never spreads a line beyond the stretch limit: the line stays short instead', () => {
    const out = breakLines('一二三四http://a.cn/abcdefghijklmn', { width: 10, measure, maxStretch: 0.1 });
    for (const line of out.slice(0, -1)) {
      const xs = line.units.map((u) => u.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]! - line.units[i - 1]!.width).toBeLessThanOrEqual(0.1 + 1e-9);
    }
    expect(out.map((l) => l.text).join('')).toBe('一二三四http://a.cn/abcdefghijklmn');
  });

  it('squeezes punctuation (标点挤压) rather than carry a character over and spread the line', () => {
    const squeezed = breakLines('一“二”三四。五', { width: 6, measure, squeeze: true, maxStretch: 0.1 });
    expect(squeezed.map((l) => l.text)).toEqual(['一“二”三四。', '五']);
    const line = squeezed[0]!;
    const last = line.units.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(6);
    // The opening quote's glyph moves left into its blank half; the closing marks lose their right half.
    expect(line.units[1]!.x).toBeCloseTo(1 - 1 / 3);
    expect(breakLines('一“二”三四。五', { width: 6, measure, maxStretch: 0.1 }).map((l) => l.text)).toEqual(['一“二”三', '四。五']);
    // A line that fits without spreading keeps its characters at full width (the 28-character grid).
    expect(breakLines('一“二”三四五六', { width: 6, measure, squeeze: true, maxStretch: 0.1 }).map((l) => l.text)).toEqual(['一“二”三四', '五六']);
  });

  it('breaks a word wider than the column between its characters instead of overflowing', () => {
    const out = breakLines('abcdefghij', { width: 2, measure });
    expect(out.map((l) => l.text)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('indents the first line and justifies every line but the last', () => {
    const out = breakLines('一二三四五，六七八九十一二', { width: 7, measure, firstLineIndent: 2 });
    // 五 cannot end the first line alone (，must not start the next), so the first line is short and stretched.
    expect(out.map((l) => l.text)).toEqual(['一二三四', '五，六七八九十', '一二']);
    expect(out[0]!.units[0]!.x).toBe(2);
    expect(out[0]!.justified).toBe(true);
    const firstLast = out[0]!.units.at(-1)!;
    expect(firstLast.x + firstLast.width).toBeCloseTo(7);
    expect(out[2]!.justified).toBe(false);
    expect(out[2]!.units.map((u) => u.x)).toEqual([0, 1]);
  });
});

describe('balanced labels', () => {
  it('never strands one character on the last line: the lines are evened out instead', () => {
    const text = (lines: ReturnType<typeof balancedLines>) => lines.map((l) => l.text);
    expect(text(breakLines('2.其他法律行政法规禁止公开', { width: 12, measure, justify: false }))).toEqual(['2.其他法律行政法规禁止公', '开']);
    expect(text(balancedLines('2.其他法律行政法规禁止公开', 12, measure))).toEqual(['2.其他法律行政', '法规禁止公开']);
    // A last line of two or more characters is left as the greedy break put it.
    expect(text(balancedLines('（三）不予公开', 5, measure))).toEqual(['（三）不予', '公开']);
    expect(text(balancedLines('属于国家秘密', 6, measure))).toEqual(['属于国家秘密']);
  });
});

describe('justification', () => {
  it('stretches between ideographs but keeps Latin text split into several units tight', () => {
    const [first] = breakLines('网站（http://www.a.cn）下载', { width: 9, measure });
    expect(first!.units.map((u) => u.text)).toEqual(['网', '站', '（', 'http', ':', '/', '/', 'www.']);
    expect(first!.justified).toBe(true);
    const x = first!.units.map((u) => u.x);
    // "http://www." stays as wide as its letters; the 0.5 units of stretch go to the gaps around the ideographs.
    expect([x[4]! - x[3]!, x[5]! - x[4]!, x[6]! - x[5]!, x[7]! - x[6]!]).toEqual([2, 0.5, 0.5, 0.5]);
    expect(x[1]! - x[0]!).toBeCloseTo(1 + 0.5 / 3);
    expect(x[7]! + 2).toBeCloseTo(9);
  });
});

describe('hanging punctuation (标点溢出边界)', () => {
  const hung = (text: string, width: number) => breakLines(text, { width, measure, hang: true });

  it('lets a comma or full stop hang past the edge instead of carrying a character over', () => {
    const out = hung('一二三四五，六七八九十。', 5);
    expect(out.map((l) => l.text)).toEqual(['一二三四五，', '六七八九十。']);
    expect(out[0]!.hangs).toBe(true);
    expect(out[0]!.naturalWidth).toBe(5);
    // Justified to the edge without the mark, which sits just outside it.
    expect(out[0]!.units.at(-1)!.x).toBe(5);
    expect(out[1]!.hangs).toBe(true);
  });

  it('does not hang other punctuation, or a mark another 禁则 character must follow', () => {
    expect(hung('一二三四五）六', 5).map((l) => l.text)).toEqual(['一二三四', '五）六']);
    expect(hung('一二三四五。”六', 5).map((l) => l.text)).toEqual(['一二三四', '五。”六']);
    expect(breakLines('一二三四五，六', { width: 5, measure }).map((l) => l.text)).toEqual(['一二三四', '五，六']);
  });
});

describe('line breaking invariants (property-based)', () => {
  const alphabet = Array.from('政府信息公开年度报告，。、；：？！）」》（「《“”ab12 ');
  const paragraph = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 120 }).map((a) => a.join(''));

  it('no break opportunity violates 禁则', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        for (const p of breakPositions(text)) {
          expect(NO_LINE_START.has(Array.from(text.slice(p))[0]!)).toBe(false);
          expect(NO_LINE_END.has(Array.from(text.slice(0, p)).at(-1)!)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is lossless, fits the width (a hanging mark aside), breaks only at legal positions unless a line has none, justifies all but the last line', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 6, max: 30 }), fc.boolean(), (text, width, hang) => {
        const legal = breakPositions(text);
        const out = breakLines(text, { width, measure, firstLineIndent: 2, hang });
        expect(out.map((l) => l.text).join('')).toBe(text);
        let start = 0;
        out.forEach((line, i) => {
          const avail = i === 0 ? width - 2 : width;
          expect(line.naturalWidth).toBeLessThanOrEqual(avail + 1e-9);
          const end = start + line.text.length;
          if (i < out.length - 1 && !legal.has(end)) {
            // An emergency break: the line offered no legal break at all.
            expect([...legal].some((p) => p > start && p < end)).toBe(false);
          }
          if (line.hangs) expect(hang && HANGING.has(line.units.at(-1)!.text)).toBe(true);
          if (line.justified) {
            const last = line.units.filter((u) => u.text.trim()).at(line.hangs ? -2 : -1)!;
            expect(last.x + last.width).toBeCloseTo(width, 6);
          }
          start = end;
        });
        expect(out.at(-1)!.justified).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
