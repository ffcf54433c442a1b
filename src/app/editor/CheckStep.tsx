// 校验与导出: every finding grouped by section, the exports, and a print-style preview.
import { useRef, useState } from 'react';
import { blockingFindings, reportTitle } from '../../core/index.ts';
import { type ExportFormat, PUBLISHED_FORMATS } from '../../export/formats.ts';
import { useEditorSelector } from './editor-store.ts';
import { download, renderExport } from './exports.ts';
import { AllFindings } from './FindingsList.tsx';
import { LastYearSource } from './LastYearSource.tsx';
import { PdfFonts } from './PdfFonts.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { useSession } from './session.ts';

export function CheckStep() {
  const { store, lastYear } = useSession();
  useEditorSelector(store, (s) => s.version);
  const [status, setStatus] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const doc = store.derived;
  const blockers = blockingFindings(store.finalFindings());
  const blocked = blockers.length > 0;

  const run = async (format: ExportFormat) => {
    const draft = blocked;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(format.id);
    setStatus(`正在生成${format.label}…`);
    try {
      const blob = await renderExport(format, doc, { onProgress: setStatus, signal: controller.signal });
      download(blob, `${reportTitle(doc)}${draft ? '（草稿）' : ''}${format.extension}`);
      setStatus(`已导出${draft ? '草稿' : ''}${format.label}`);
    } catch (e) {
      setStatus(controller.signal.aborted ? '已取消导出' : `导出失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      abort.current = null;
      setRunning(null);
    }
  };

  return (
    <>
      <h3 className="sub">全部校验</h3>
      <p className="hint">
        <LastYearSource lastYear={lastYear} />
      </p>
      <AllFindings />
      <section className="exports" aria-labelledby="exports-title">
        <h3 id="exports-title" className="sub">
          导出
        </h3>
        {blocked && <p className="export-blocked">还有 {blockers.length} 处错误或必填内容未填：改正前只能导出标明“草稿”的年报文档（JSON），不能导出正式文件。保存不受影响。</p>}
        <div className="export-buttons">
          {/* The formats a report is published in; CSV is a data extract for the command line. */}
          {PUBLISHED_FORMATS.map((f) => {
            const disabled = blocked && !f.draftAllowed;
            return (
              <button key={f.id} type="button" className={disabled ? '' : 'primary'} disabled={disabled || running !== null} onClick={() => void run(f)} data-export={f.id}>
                {blocked && f.draftAllowed ? `导出草稿：${f.label}` : `导出${f.label}`}
              </button>
            );
          })}
          <button type="button" onClick={() => window.print()}>
            打印
          </button>
          {running && (
            <button type="button" onClick={() => abort.current?.abort(new DOMException('cancelled', 'AbortError'))}>
              取消导出
            </button>
          )}
        </div>
        <p className="export-status" role="status">
          {status}
        </p>
        <PdfFonts />
      </section>
      <section aria-labelledby="preview-title">
        <h3 id="preview-title" className="sub">
          打印预览
        </h3>
        <ReportPreview doc={doc} />
      </section>
    </>
  );
}
