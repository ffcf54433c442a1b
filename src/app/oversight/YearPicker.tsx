// The report year an office screen shows; changing it changes the URL (#/office/<view>/<year>).
import { getTemplate, openReportYear } from '../../core/index.ts';
import { navigate, type OfficeView } from '../router.ts';

const chinaToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Default: the earliest report year whose statutory deadline has not passed (today in China). */
export function defaultYear(): number {
  return openReportYear(getTemplate(), chinaToday());
}

/**
 * Every year whose reporting period has begun, from this year (departments start it in January, while
 * governments still finish last year's until March) back to five before the open year, and `year`.
 */
export function YearSelect({ year, onChange, className }: { year: number; onChange: (year: number) => void; className?: string }) {
  const newest = Number(chinaToday().slice(0, 4));
  const years = Array.from({ length: newest - defaultYear() + 6 }, (_, i) => newest - i);
  if (!years.includes(year)) years.push(year);
  return (
    <label className={className}>
      报告年度{' '}
      <select value={year} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {years
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
      </select>
    </label>
  );
}

export function YearPicker({ view, year }: { view: OfficeView; year: number }) {
  return <YearSelect className="year-picker" year={year} onChange={(y) => navigate({ page: 'office', view, year: y })} />;
}
