// The report year an office screen shows; changing it changes the URL (#/office/<view>/<year>).
import { getTemplate, openReportYear } from '../../core/index.ts';
import { navigate, type OfficeView } from '../router.ts';

/** Default: the earliest report year whose statutory deadline has not passed (today in China). */
export function defaultYear(): number {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return openReportYear(getTemplate(), today);
}

export function YearPicker({ view, year }: { view: OfficeView; year: number }) {
  const open = defaultYear();
  const years = Array.from({ length: 6 }, (_, i) => open - i);
  if (!years.includes(year)) years.push(year);
  return (
    <label className="year-picker">
      报告年度{' '}
      <select value={year} onChange={(e) => navigate({ page: 'office', view, year: Number(e.currentTarget.value) })}>
        {years.sort((a, b) => b - a).map((y) => (
          <option key={y} value={y}>
            {y} 年
          </option>
        ))}
      </select>
    </label>
  );
}
