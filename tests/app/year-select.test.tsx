// @vitest-environment jsdom
// The office's year picker offers every year whose reporting period has begun: in February a
// government still gathers last year's reports while its departments have begun this year's.

import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultYear, YearSelect } from '../../src/app/oversight/YearPicker.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function offered(now: Date): { chosen: string; years: number[] } {
  vi.useFakeTimers({ toFake: ['Date'], now });
  render(<YearSelect year={defaultYear()} onChange={() => {}} />);
  const select = screen.getByLabelText('报告年度') as HTMLSelectElement;
  return { chosen: select.value, years: [...select.options].map((o) => Number(o.value)) };
}

describe('the office year picker', () => {
  it('in February shows last year, still open for governments, and offers this year too', () => {
    const { chosen, years } = offered(new Date('2027-02-15T10:00:00+08:00'));
    expect(chosen).toBe('2026');
    expect(years).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('in December shows this year and never one not yet begun', () => {
    const { chosen, years } = offered(new Date('2026-12-01T10:00:00+08:00'));
    expect(chosen).toBe('2026');
    expect(years).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });
});
