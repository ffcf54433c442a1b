// Says where last year's numbers (上年数, 上年结转, the cross-year checks) come from: the agency's
// report in this system, or the file uploaded when this report was created.
import type { LastYear } from '../../api/reports.ts';

export function lastYearSource(l: LastYear): string {
  if (l.source === 'uploaded') return `上年报告：已上传的文件（${l.fileName}）`;
  const state = l.published ? '已发布' : `${l.report.statusLabel}，第 ${l.revision.number} 版`;
  return `上年报告：本系统中的上年报告（${l.report.year} 年度，${state}）`;
}

export function LastYearSource({ lastYear }: { lastYear: LastYear | null }) {
  if (!lastYear) return <span className="last-year-source none">没有上年报告，跨年度核对不进行</span>;
  return (
    <span className={`last-year-source ${lastYear.source}`} title={lastYear.source === 'uploaded' ? '创建本报告时从上年报告文件读取；本系统中录入上年报告后改用系统中的' : undefined}>
      {lastYearSource(lastYear)}
    </span>
  );
}
