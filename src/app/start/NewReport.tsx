// Creating a report for the clerk's agency: blank, or from last year's report file (上年结转
// carried over, prose kept as a draft to rewrite). The importer is loaded only when a file is chosen;
// what it could not read and what the checks find in last year's file are shown before creating.
// The file's report is stored with the new one as its last year (cross-year checks, diff) when the
// years follow on.
import { type FormEvent, useId, useState } from 'react';
import { assessReport, type Finding, forAgency, getTemplate, nextYearDocument, openReportYear, type ReportDocument, sameAgencyName, type Unassessed, unassessedReasons } from '../../core/index.ts';
import { ApiError } from '../data/api.ts';
import { useCreateReport, useUser } from '../data/queries.ts';
import { href, navigate } from '../router.ts';
import { readReportFile } from './read-report-file.ts';

const ACCEPT = '.json,.docx,.pdf,.html,.htm,.txt,.md';

interface LastYear {
  name: string;
  document: ReportDocument;
  problems: string[];
  findings: Finding[];
  /** Rules the checks could not assess because the file's cells could not be read. */
  unassessed: Unassessed[];
  yearFound: boolean;
}

/** Today's date where the clerk is, as an ISO date. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The file is last year's report of `year`: its year as read, or (not found in the file) as the clerk chose. */
const follows = (p: LastYear, year: number) => !p.yearFound || p.document.year === year - 1;

export function NewReport() {
  const user = useUser();
  const create = useCreateReport();
  const ids = useId();
  // The year being worked on: the earliest whose deadline has not passed for this kind of agency.
  const [year, setYear] = useState(() => openReportYear(getTemplate(), localToday(), user.agency.kind));
  const [source, setSource] = useState<'blank' | 'lastYear'>('blank');
  const [previous, setPrevious] = useState<LastYear | null>(null);
  const [error, setError] = useState<{ message: string; existing?: string } | null>(null);
  const [reading, setReading] = useState(false);

  const readFile = async (file: File | undefined) => {
    setPrevious(null);
    setError(null);
    if (!file) return;
    setReading(true);
    const read = await readReportFile(file);
    setReading(false);
    if (!read.ok) return setError({ message: read.message });
    const { document, problems, yearFound } = read.result;
    // Checked as printed, like `nianbao check`: cells the importer could not read are not judged.
    const checked = assessReport(document, { totals: 'asPrinted' });
    const findings = checked.findings.filter((f) => f.rule !== 'cell.missing');
    setPrevious({ name: file.name, document, problems, findings, unassessed: checked.unassessed, yearFound });
    if (yearFound) setYear(document.year + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (source === 'lastYear' && !previous) return setError({ message: '请选择上年报告文件' });
    setError(null);
    let document: ReportDocument | undefined;
    let lastYear: { fileName: string; document: ReportDocument } | undefined;
    if (source === 'lastYear' && previous) {
      // The report belongs to the clerk's agency, whatever last year's file called it.
      document = { ...forAgency(nextYearDocument(previous.document), user.agency), year };
      if (follows(previous, year)) lastYear = { fileName: previous.name, document: { ...previous.document, year: year - 1 } };
    }
    try {
      const record = await create.mutateAsync({ year, document, previous: lastYear });
      navigate({ page: 'report', id: record.report.id, step: 'cover' });
    } catch (err) {
      const existing = err instanceof ApiError && err.code === 'duplicate' ? (err.body as { reportId?: string }).reportId : undefined;
      setError({ message: err instanceof Error ? err.message : String(err), existing });
    }
  };

  // Years whose reporting period has begun: never next year's.
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  const errors = previous?.findings.filter((f) => f.severity === 'error') ?? [];

  return (
    <form className="new-report" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`} noValidate>
      <h2 id={`${ids}-title`}>新建年度报告</h2>
      <p className="hint">发布机关：{user.agency.name}</p>
      <div className="radios" role="radiogroup" aria-label="报告来源">
        <label>
          <input type="radio" name="source" checked={source === 'blank'} onChange={() => setSource('blank')} /> 空白报告
        </label>
        <label>
          <input type="radio" name="source" checked={source === 'lastYear'} onChange={() => setSource('lastYear')} /> 以上年报告文件为基础
        </label>
      </div>
      {source === 'lastYear' && (
        <div className="file-pick">
          <label htmlFor={`${ids}-file`}>上年报告文件</label>
          <input id={`${ids}-file`} type="file" accept={ACCEPT} onChange={(e) => void readFile(e.target.files?.[0])} />
          <p className="hint">上年“结转下年度继续办理”会带入本年“上年结转”；上年正文作为参考草稿带入，并标明须按本年情况改写。</p>
          {reading && <p role="status">正在读取…</p>}
          {previous && (
            <p className="ok" role="status">
              已读取：{previous.document.agency.name} {previous.yearFound ? `${previous.document.year} 年报告` : '报告（未识别出年度，请核对下面的报告年度）'}
            </p>
          )}
          {previous && !sameAgencyName(previous.document.agency.name, user.agency.name) && (
            <p className="form-warning" role="alert">
              这份文件是「{previous.document.agency.name}」的报告，不是本单位（{user.agency.name}
              ）的。创建后：上年结转数字和正文作为标明的参考带入，须按本单位情况核对改写；封面、署名、联系方式和前言中的机关名称使用本单位的，不沿用文件中的。
            </p>
          )}
          {previous && previous.problems.length > 0 && (
            <div className="import-notes">
              <p>以下内容未能读取，请在新报告中核对：</p>
              <ul className="problems" aria-label="未能读取的内容">
                {previous.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {previous && previous.findings.length > 0 && (
            <details className="import-notes">
              <summary>
                上年报告本身的校验结果：{errors.length} 个错误，{previous.findings.length - errors.length} 个提示（带入的“上年结转”可能受影响）
              </summary>
              <ul className="problems" aria-label="上年报告的校验结果">
                {previous.findings.map((f, i) => (
                  <li key={i} className={f.severity}>
                    {f.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {previous && previous.unassessed.length > 0 && (
            <details className="import-notes">
              <summary>{previous.unassessed.length} 项无法核验（所需单元格未能读取，不算作错误）</summary>
              <ul className="problems" aria-label="无法核验的项目">
                {[...unassessedReasons(previous.unassessed)].map(([reason, count]) => (
                  <li key={reason}>
                    {count > 1 ? `${count} 项：` : ''}
                    {reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <div className="form-grid">
        <label htmlFor={`${ids}-year`}>报告年度</label>
        <select id={`${ids}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
      </div>
      {source === 'lastYear' && previous && !follows(previous, year) && (
        <p className="hint year-gap">
          上年报告文件是 {previous.document.year} 年度的，不是 {year - 1} 年度：仍以它为基础，但不作为本报告的上年报告（跨年度核对不进行）。
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
          {error.existing && (
            <>
              {' '}
              <a href={href({ page: 'report', id: error.existing, step: 'cover' })}>打开这份报告</a>
            </>
          )}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending || reading}>
        创建并开始填写
      </button>
    </form>
  );
}
