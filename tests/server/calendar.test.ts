// The office's calendar counts in China's time, whatever the server's zone.
import { describe, expect, it } from 'vitest';
import { chinaDate, currentReportYear, deadlineStatus } from '../../src/server/oversight/calendar.ts';

describe('office calendar', () => {
  it('dates in UTC+8', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('deadline, days left, overdue', () => {
    expect(deadlineStatus('department', 2026, false, '2027-01-31')).toEqual({ deadline: '2027-01-31', daysLeft: 0, overdue: false });
    expect(deadlineStatus('department', 2026, false, '2027-02-03')).toEqual({ deadline: '2027-01-31', daysLeft: -3, overdue: true });
    expect(deadlineStatus('department', 2026, true, '2027-02-03').overdue).toBe(false);
    expect(deadlineStatus('government', 2026, false, '2027-02-03')).toEqual({ deadline: '2027-03-31', daysLeft: 56, overdue: false });
  });

  it('the year being worked on: the later deadline counts', () => {
    expect(currentReportYear('2026-12-01')).toBe(2026);
    expect(currentReportYear('2027-02-15')).toBe(2026);
    expect(currentReportYear('2027-04-01')).toBe(2027);
  });
});
