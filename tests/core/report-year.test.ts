import { describe, expect, it } from 'vitest';
import { GOV_2021, openReportYear } from '../../src/core/index.ts';

describe('openReportYear: the earliest report year whose statutory deadline has not passed', () => {
  it('after the January deadline a department works on the current year', () => {
    expect(openReportYear(GOV_2021, '2026-12-01', 'department')).toBe(2026);
    expect(openReportYear(GOV_2021, '2026-02-01', 'department')).toBe(2026);
  });
  it('up to and on the deadline day, last year is still open', () => {
    expect(openReportYear(GOV_2021, '2027-01-31', 'department')).toBe(2026);
    expect(openReportYear(GOV_2021, '2027-03-31', 'government')).toBe(2026);
    expect(openReportYear(GOV_2021, '2027-04-01', 'government')).toBe(2027);
  });
  it('without a kind the later (government) deadline counts, as for an office overseeing both', () => {
    expect(openReportYear(GOV_2021, '2027-02-15')).toBe(2026);
    expect(openReportYear(GOV_2021, '2027-02-15', 'department')).toBe(2027);
  });
});
