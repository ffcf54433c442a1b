// 署名 and 成文日期 placed once (GB/T 9704 §7.3.5.2) for every medium.
import { describe, expect, it } from 'vitest';
import { signatureIndents, textEms } from '../../src/export/signature.ts';

describe('signature placement', () => {
  it('puts the signatory two characters in and the date two characters right of its start', () => {
    // 中卫市审批服务管理局: 10 ems; 2023年1月31日: 6.5 ems.
    expect(textEms('2023年1月31日')).toBe(6.5);
    const at = signatureIndents('中卫市审批服务管理局', '2023年1月31日');
    expect(at).toEqual({ signatory: 2, date: 3.5 });
    // The date's first character: 2 ems right of the signatory's.
    expect(at.date + 6.5 - (at.signatory + 10)).toBe(-2);
  });

  it('sets a date longer than that two characters in and moves the signatory left of it', () => {
    expect(signatureIndents('办公室', '2023年12月31日')).toEqual({ signatory: 8, date: 2 });
    expect(signatureIndents('', '2023年12月31日')).toEqual({ signatory: 11, date: 2 });
  });

  it('sets a signatory without a date two characters in, however short', () => {
    expect(signatureIndents('某局', null).signatory).toBe(2);
    expect(signatureIndents('局', null).signatory).toBe(2);
  });

  it('works in the unit the medium measures: points with the width of one character', () => {
    const widths: Record<string, number> = { sig: 157.5, date: 102.4 };
    const at = signatureIndents('sig', 'date', (t) => widths[t]!, 15.75);
    expect(at.signatory).toBe(31.5);
    expect(at.date).toBeCloseTo(157.5 - 102.4, 9);
  });
});
