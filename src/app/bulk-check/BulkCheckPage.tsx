// The office's bulk check: published reports (PDF, Word, web page, text, or a .zip of them) dropped
// on the page are read and checked in the browser with the importer and rules of `nianbao check`;
// one row per file, its findings one click away, the table exportable as CSV or as check --json, and
// the results kept on the server if the office chooses.
import { type DragEvent, Fragment, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { type SummaryRow, summaryCsv } from '../../import/check.ts';
import { download } from '../editor/exports.ts';
import { SEVERITY_LABEL } from '../editor/FindingsList.tsx';

/** The spreadsheet writer loads only when asked for. */
async function downloadXlsx(rows: SummaryRow[], filename: string) {
  const [{ summaryXlsx }, { XLSX_MEDIA_TYPE }] = await Promise.all([import('../../export/check-summary-xlsx.ts'), import('../../export/xlsx.ts')]);
  download(new Blob([summaryXlsx(rows) as BlobPart], { type: XLSX_MEDIA_TYPE }), filename);
}

import { BulkCheck, type CheckedFile, checkJson, FILE_TIME_LIMIT_MS, summaryRows } from './bulk-check.ts';
import { type CheckRequest, type CheckResponse, isCheckResponse } from './check-protocol.ts';
import { droppedFiles, pickedFiles } from './dropped-files.ts';
import { KeptChecks } from './KeptChecks.tsx';
import { WorkerPool } from './pool.ts';
import './bulk-check.css';

const ACCEPT = '.pdf,.docx,.html,.htm,.txt,.md,.json,.zip';
/** Leave one core to the page itself. */
const PARALLEL = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));

function useBulkCheck(): BulkCheck {
  const check = useMemo(() => {
    const pool = new WorkerPool<CheckRequest, CheckResponse>(
      () => new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'nianbao-check' }),
      PARALLEL,
      FILE_TIME_LIMIT_MS,
      isCheckResponse,
    );
    return { run: new BulkCheck(pool, PARALLEL), pool };
  }, []);
  useEffect(() => () => check.pool.dispose(), [check]);
  return check.run;
}

const count = (f: CheckedFile, severity: 'error' | 'warning') => f.result?.findings.filter((x) => x.severity === severity).length ?? 0;

function FileFindings({ file }: { file: CheckedFile }) {
  if (!file.result) return <p className="form-error">{file.message}</p>;
  const { problems } = file.result;
  // Errors first, as `nianbao check` prints them.
  const findings = [...file.result.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (!findings.length && !problems.length) return <p className="ok">未发现问题。</p>;
  return (
    <ul className="file-findings">
      {findings.map((f, i) => (
        <li key={i} className={f.severity}>
          <span className={`sev ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.message} <code>{f.rule}</code>
        </li>
      ))}
      {problems.map((p, i) => (
        <li key={`p${i}`} className="problem">
          <span className="sev problem">未读取</span> {p}
        </li>
      ))}
    </ul>
  );
}

function ResultRow({ file, open, toggle }: { file: CheckedFile; open: boolean; toggle: () => void }) {
  const r = file.result;
  const errors = count(file, 'error');
  const warnings = count(file, 'warning');
  const state = file.state === 'waiting' ? '检查中…' : file.state === 'cancelled' ? '已取消' : file.state === 'unreadable' ? '无法读取' : null;
  return (
    <Fragment>
      <tr data-file={file.file} className={file.state === 'unreadable' ? 'unreadable' : errors ? 'has-errors' : undefined}>
        <th scope="row" className="file-name">
          {file.file}
        </th>
        <td>{r ? (r.agency ?? '（未识别）') : state}</td>
        <td className="num">{r ? (r.year ?? '未识别') : ''}</td>
        <td className={`num${errors ? ' error' : ''}`}>{r ? errors : ''}</td>
        <td className={`num${warnings ? ' warning' : ''}`}>{r ? warnings : ''}</td>
        <td className="num">{r ? r.problems.length : ''}</td>
        <td>
          {file.state !== 'waiting' && file.state !== 'cancelled' && (
            <button type="button" className="small" aria-expanded={open} onClick={toggle} aria-label={`${open ? '收起' : '查看'}${file.file}的检查结果`}>
              {open ? '收起' : '查看'}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="file-detail">
          <td colSpan={7}>
            <FileFindings file={file} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

export function BulkCheckPage({ year }: { year: number }) {
  const check = useBulkCheck();
  const files = useSyncExternalStore(check.subscribe, check.snapshot);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [dragging, setDragging] = useState(false);
  const done = files.filter((f) => f.state !== 'waiting').length;
  const running = done < files.length;
  const read = files.filter((f) => f.result);
  const withErrors = read.filter((f) => count(f, 'error') > 0).length;
  const unreadable = files.filter((f) => f.state === 'unreadable').length;

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    check.add(await droppedFiles(e.dataTransfer));
  };
  const toggle = (key: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <main className="bulk-check">
      <h2>批量检查已发布的年报</h2>
      <p className="hint">
        各单位已发布的年度报告（PDF、Word 文档、网页、文本，或它们的 .zip 压缩包，也可以是整个文件夹）拖到下面即可检查，规则与命令行 <code>nianbao check</code> 相同。
        文件只在本机浏览器中读取和检查，不会上传到服务器；检查结果（不含文件）可以选择保存到服务器。
      </p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p>把文件或文件夹拖放到这里，或</p>
        <label className="button">
          选择文件
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(e) => {
              check.add(pickedFiles(e.currentTarget.files!));
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {files.length > 0 && (
        <section className="bulk-results" aria-labelledby="bulk-results-title">
          <div className="bulk-status">
            <h3 id="bulk-results-title">检查结果</h3>
            <progress value={done} max={files.length} aria-label="检查进度" />
            <span role="status" data-bulk-state={running ? 'running' : 'done'}>
              {running ? `正在检查：已完成 ${done} / ${files.length} 个文件` : `共 ${files.length} 个文件：${withErrors} 个有错误，${unreadable} 个无法读取`}
            </span>
            {running ? (
              <button type="button" onClick={() => check.cancel()}>
                取消
              </button>
            ) : (
              <>
                <button type="button" onClick={() => download(new Blob([summaryCsv(summaryRows(files))], { type: 'text/csv;charset=utf-8' }), `年报检查汇总-${stamp}.csv`)}>
                  导出 CSV
                </button>
                <button type="button" onClick={() => void downloadXlsx(summaryRows(files), `年报检查汇总-${stamp}.xlsx`)}>
                  导出 Excel
                </button>
                <button type="button" onClick={() => download(new Blob([checkJson(files)], { type: 'application/json' }), `年报检查结果-${stamp}.json`)}>
                  导出 JSON
                </button>
                <button type="button" onClick={() => check.clear()}>
                  清空
                </button>
              </>
            )}
          </div>
          <table className="data-table bulk-table">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col">机关</th>
                <th scope="col" className="num">
                  年度
                </th>
                <th scope="col" className="num">
                  错误
                </th>
                <th scope="col" className="num">
                  提示
                </th>
                <th scope="col" className="num">
                  未能读取
                </th>
                <th scope="col">
                  <span className="visually-hidden">详情</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <ResultRow key={f.key} file={f} open={open.has(f.key)} toggle={() => toggle(f.key)} />
              ))}
            </tbody>
          </table>
          <p className="hint">
            每个文件限时 {FILE_TIME_LIMIT_MS / 1000} 秒，同时检查 {PARALLEL} 个。
          </p>
        </section>
      )}
      <KeptChecks finished={files.length > 0 && !running ? { rows: summaryRows(files), results: files.flatMap((f) => (f.result ? [f.result] : [])) } : null} defaultYear={year} />
    </main>
  );
}
