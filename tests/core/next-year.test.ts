import { describe, expect, it } from 'vitest';
import { createBlankDocument, forAgency, nextYearDocument } from '../../src/core/index.ts';

describe('nextYearDocument', () => {
  const previous = createBlankDocument({ agency: '测试市测试局', year: 2023, kind: 'government' });
  previous.cells['t3.carriedOut.natural'] = 4;
  previous.cells['t3.carriedOut.business'] = 0;
  previous.prose['problems'] = '信息发布不够及时。';
  previous.publication = { signatory: '测试市人民政府办公室', date: '2024-03-01' };

  const next = nextYearDocument(previous, new Date('2025-01-20T00:00:00Z'));

  it('is the following year for the same agency, undated', () => {
    expect(next.year).toBe(2024);
    expect(next.agency.kind).toBe('government');
    expect(next.publication).toEqual({ signatory: '测试市人民政府办公室', date: null });
  });

  it("carries last year's 结转下年度 into 上年结转 per column, marked carried over", () => {
    expect(next.cells['t3.carriedIn.natural']).toBe(4);
    expect(next.cells['t3.carriedIn.business']).toBe(0);
    expect(next.cells['t3.carriedIn.research']).toBeNull();
    expect(next.cells['t3.carriedIn.total']).toBeNull();
    expect(next.origin.cells).toEqual({ 't3.carriedIn.natural': 'carriedOver', 't3.carriedIn.business': 'carriedOver' });
    expect(next.cells['t3.new.natural']).toBeNull();
  });

  it("copies non-empty prose as last year's draft and nothing else", () => {
    expect(next.prose['problems']).toBe('信息发布不够及时。');
    expect(next.origin.prose).toEqual({ problems: 'lastYear' });
  });

  it('rolls the report year forward in a custom preamble, leaving other numbers alone', () => {
    const custom = { ...previous, preamble: '现发布《测试市测试局 2023 年政府信息公开工作年度报告》，本报告统计数据从2023年1月1日至12月31日。（国办公开办函〔2021〕30号；电话：0955-20231234）' };
    expect(nextYearDocument(custom).preamble).toBe('现发布《测试市测试局 2024 年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日。（国办公开办函〔2021〕30号；电话：0955-20231234）');
    expect(nextYearDocument(previous).preamble).toBeNull();
  });
});

describe("forAgency: a report started from another agency's file", () => {
  const hongze = createBlankDocument({ agency: '淮安市洪泽区人民政府', year: 2023, kind: 'government' });
  hongze.contact.phone = '0517-87220000';
  hongze.preamble = '本报告由淮安市洪泽区人民政府办公室根据《条例》编制。';
  hongze.publication = { signatory: '淮安市洪泽区人民政府', date: '2024-01-20' };
  hongze.prose.problems = '洪泽区信息发布不够及时。';
  hongze.cells['t3.carriedOut.natural'] = 2;

  it("keeps the carry-over and the marked prose, takes cover, signature, contact and the preamble's agency name from this agency", () => {
    const doc = forAgency(nextYearDocument(hongze), { name: '中卫市沙坡头区人民政府', kind: 'government' });
    expect(doc.agency).toEqual({ name: '中卫市沙坡头区人民政府', kind: 'government', level: null, parent: null });
    expect(doc.publication).toEqual({ signatory: '中卫市沙坡头区人民政府', date: null });
    expect(doc.contact.phone).toBe('');
    expect(doc.preamble).toBe('本报告由中卫市沙坡头区人民政府办公室根据《条例》编制。');
    expect(doc.cells['t3.carriedIn.natural']).toBe(2);
    expect(doc.prose.problems).toBe('洪泽区信息发布不够及时。');
    expect(doc.origin.prose.problems).toBe('lastYear');
  });

  it('the same agency keeps its own cover details', () => {
    const doc = forAgency(nextYearDocument(hongze), { name: '淮安市洪泽区人民政府', kind: 'government' });
    expect(doc.contact.phone).toBe('0517-87220000');
    expect(doc.publication.signatory).toBe('淮安市洪泽区人民政府');
  });
});
