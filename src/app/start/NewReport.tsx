// Creating a report: blank, or from last year's report file (上年结转 carried over, prose kept
// as a draft to rewrite). The importer is loaded only when a file is chosen.
import { useId, useState, type FormEvent } from 'react';
import { createBlankDocument, nextYearDocument, type AgencyKind, type ReportDocument } from '../../core/index.ts';
import { useCreateReport } from '../data/queries.ts';
import { navigate } from '../router.ts';
import { readReportFile } from './read-report-file.ts';

const ACCEPT = '.json,.docx,.pdf,.html,.htm,.txt,.md';

export function NewReport() {
  const create = useCreateReport();
  const ids = useId();
  const [agency, setAgency] = useState('');
  const [kind, setKind] = useState<AgencyKind>('department');
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [source, setSource] = useState<'blank' | 'lastYear'>('blank');
  const [previous, setPrevious] = useState<{ name: string; document: ReportDocument; problems: string[]; yearFound: boolean } | null>(null);
  const [error, setError] = useState('');
  const [reading, setReading] = useState(false);

  const readFile = async (file: File | undefined) => {
    setPrevious(null);
    setError('');
    if (!file) return;
    setReading(true);
    const read = await readReportFile(file);
    setReading(false);
    if (!read.ok) return setError(read.message);
    const { document, problems, yearFound } = read.result;
    setPrevious({ name: file.name, document, problems, yearFound });
    setAgency(document.agency.name);
    setKind(document.agency.kind);
    if (yearFound) setYear(document.year + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agency.trim()) return setError('请填写机关全称');
    if (source === 'lastYear' && !previous) return setError('请选择上年报告文件');
    setError('');
    let document: ReportDocument;
    if (source === 'lastYear' && previous) {
      document = nextYearDocument(previous.document);
      document.agency = { ...document.agency, name: agency.trim(), kind };
      document.year = year;
    } else {
      document = createBlankDocument({ agency: agency.trim(), year, kind });
    }
    const record = await create.mutateAsync({ document, previous: source === 'lastYear' ? previous!.document : null });
    navigate({ page: 'report', id: record.id, step: 'cover' });
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);

  return (
    <form className="new-report" onSubmit={submit} aria-labelledby={`${ids}-title`} noValidate>
      <h2 id={`${ids}-title`}>新建年度报告</h2>
      <div className="radios" role="radiogroup" aria-label="报告来源">
        <label>
          <input type="radio" name="source" checked={source === 'blank'} onChange={() => setSource('blank')} /> 空白报告
        </label>
        <label>
          <input type="radio" name="source" checked={source === 'lastYear'} onChange={() => setSource('lastYear')} /> 以上年报告为基础
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
          {previous && previous.problems.length > 0 && (
            <ul className="problems" aria-label="未能读取的内容">
              {previous.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-grid">
        <label htmlFor={`${ids}-agency`}>机关全称</label>
        <input id={`${ids}-agency`} value={agency} onChange={(e) => setAgency(e.target.value)} placeholder="如：某某市某某局" autoComplete="organization" />
        <label htmlFor={`${ids}-kind`}>机关类别</label>
        <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
          <option value="department">人民政府部门（1月31日前）</option>
          <option value="government">人民政府（3月31日前）</option>
        </select>
        <label htmlFor={`${ids}-year`}>报告年度</label>
        <select id={`${ids}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending || reading}>
        创建并开始填写
      </button>
    </form>
  );
}
