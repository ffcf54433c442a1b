// The statutory deadline (条例第四十九条) for this agency kind and year, with days left.
import { type AgencyKind, formatChineseDate, getTemplate, statutoryDeadline } from '../../core/index.ts';

const DAY_MS = 86_400_000;

export function daysUntil(isoDate: string, today: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.UTC(y, m - 1, d) - start) / DAY_MS);
}

export function Deadline({ year, kind, today = new Date() }: { year: number; kind: AgencyKind; today?: Date }) {
  const template = getTemplate();
  const deadline = statutoryDeadline(template, kind, year);
  const days = daysUntil(deadline, today);
  const basis = template.format.deadlines[kind].basis;
  const left = days > 0 ? `还有 ${days} 天` : days === 0 ? '今天截止' : `已超过 ${-days} 天`;
  return (
    <span className={`deadline ${days < 0 ? 'late' : days <= 10 ? 'soon' : ''}`} title={basis}>
      法定公布期限 {formatChineseDate(deadline)}（{left}）
    </span>
  );
}
