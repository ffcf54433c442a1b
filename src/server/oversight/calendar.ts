// The office's calendar: statutory deadlines count in China's civil time (UTC+8), whatever the
// server's time zone.
import { type AgencyKind, getTemplate, openReportYear, statutoryDeadline } from '../../core/index.ts';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO date in China at `at`. */
export function chinaDate(at: Date = new Date()): string {
  return CHINA_DATE.format(at);
}

/** The report year the office works on today (no kind: the later deadline counts). */
export function currentReportYear(today = chinaDate()): number {
  return openReportYear(getTemplate(), today);
}

const DAY_MS = 86_400_000;

export interface DeadlineStatus {
  deadline: string;
  /** Negative once passed; 0 on the day itself. */
  daysLeft: number;
  overdue: boolean;
}

export function deadlineStatus(kind: AgencyKind, year: number, published: boolean, today = chinaDate()): DeadlineStatus {
  const deadline = statutoryDeadline(getTemplate(), kind, year);
  const daysLeft = Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS);
  return { deadline, daysLeft, overdue: daysLeft < 0 && !published };
}
