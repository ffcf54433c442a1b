// The outline every renderer draws: sub-headings typed into the prose (（一）存在的主要问题 in 五)
// become level-2 headings; numbered paragraphs stay paragraphs.
import { describe, expect, it } from 'vitest';
import { createBlankDocument } from '../../src/core/index.ts';
import { type Block, isSubheading, reportOutline } from '../../src/export/outline.ts';
import { loadSeed } from './pdf-support.ts';

/** The blocks between section heading `title` and the next level-1 heading or the signature. */
function sectionBlocks(blocks: Block[], title: string): Block[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => (b.kind === 'heading' && b.level === 1) || b.kind === 'signature');
  return end < 0 ? rest : rest.slice(0, end);
}

const shape = (blocks: Block[]) => blocks.map((b) => (b.kind === 'heading' ? `h${b.level} ${b.text}` : b.kind === 'paragraph' ? `p ${Array.from(b.text).slice(0, 8).join('')}` : b.kind));

describe('sub-headings in the prose', () => {
  it('recognises short numbered lines without sentence-ending punctuation', () => {
    for (const line of ['（一）存在的主要问题', '（二）下一步改进措施', '(二)信息处理费收取情况', '（十二）其他', '（三）改进措施：']) {
      expect(isSubheading(line), line).toBe(true);
    }
  });

  it('keeps numbered paragraphs, long lines and lines that only look numbered as paragraphs', () => {
    for (const line of [
      '（三）收取信息处理费情况。本年度未收取信息处理费。',
      '（一）主动公开情况。主要通过政府门户网站主动公开政府信息',
      '（一）是否存在问题？',
      '（二）严格落实公开要求；加强审核',
      '（一）' + '甲'.repeat(28), // 31 characters
      '（一）',
      '一、存在的主要问题',
      '存在的主要问题（一）',
    ]) {
      expect(isSubheading(line), line).toBe(false);
    }
    expect(isSubheading('（一）' + '甲'.repeat(27))).toBe(true); // 30 characters
  });

  it('turns the sub-headings of seed 2022-zhongwei-spfw in 五 and 六 into level-2 headings', async () => {
    const blocks = reportOutline(await loadSeed('2022-zhongwei-spfw'));
    expect(shape(sectionBlocks(blocks, '五、存在的主要问题及改进情况'))).toEqual(['h2 （一）存在的主要问题', 'p 一是主动公开意识', 'h2 （二）下一步改进措施', 'p 一是提高思想认识']);
    const other = shape(sectionBlocks(blocks, '六、其他需要报告的事项'));
    expect(other[0]).toBe('h2 （一）政务公开工作要点落实情况');
    expect(other).toContain('h2 （二）信息处理费情况');
    expect(other.filter((s) => s.startsWith('h2'))).toHaveLength(2);
    expect(other.at(-1)).toMatch(/^p 2022年，市审/);
  });

  it('keeps the numbered paragraphs of seed 2022-shapotou-zwfwzx in 六 as paragraphs', async () => {
    const other = sectionBlocks(reportOutline(await loadSeed('2022-shapotou-zwfwzx')), '六、其他需要报告的事项');
    expect(other.filter((b) => b.kind === 'paragraph').length).toBeGreaterThanOrEqual(3);
    expect(other.filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('applies to the intro of 一 as well, and leaves the template’s own parts numbered as before', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    doc.prose['overview.intro'] = '（一）工作概况\n2024年，我局认真贯彻《条例》。';
    doc.prose['overview.proactive'] = '主动公开政府信息120条。';
    const overview = shape(sectionBlocks(reportOutline(doc), '一、总体情况'));
    expect(overview).toEqual(['h2 （一）工作概况', 'p 2024年，我局', 'h2 （一）主动公开', 'p 主动公开政府信息']);
  });

  it('prints 无。 for an empty section', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    expect(shape(sectionBlocks(reportOutline(doc), '五、存在的主要问题及改进情况'))).toEqual(['p 无。']);
  });
});
