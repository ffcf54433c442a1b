// 封面与前言: who publishes, for which year, contact details, signature and the preamble.
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { AGENCY_KINDS, agencyKindLabel, contactFields, getTemplate, preambleText } from '../../core/index.ts';
import { Deadline } from './Deadline.tsx';
import { useEditorSelector } from './editor-store.ts';
import { useSession } from './session.ts';
import { StepFindings } from './FindingsList.tsx';

const LEVELS = [
  ['', '未选择'],
  ['national', '国务院部门（中央）'],
  ['provincial', '省级'],
  ['prefecture', '设区的市级'],
  ['county', '县级'],
  ['township', '乡镇级'],
] as const;

const CONTACT = contactFields();

function PreamblePreview() {
  const { store } = useSession();
  const text = useEditorSelector(store, (s) => preambleText({ ...s.derived, preamble: null }));
  return (
    <p className="preamble-preview" role="note" aria-label="标准前言预览">
      {text}
    </p>
  );
}

export function CoverStep() {
  const { form, store } = useSession();
  const { register } = form;
  const year = useEditorSelector(store, (s) => s.doc.year);
  const kind = useEditorSelector(store, (s) => s.doc.agency.kind);
  const mode = useWatch({ control: form.control, name: 'preambleMode' });
  // Switching to 自行撰写 starts from the standard text as it reads now (click precedes change).
  const startCustom = () => {
    if (form.getValues('preambleMode') !== 'custom') form.setValue('preamble', preambleText({ ...store.doc, preamble: null }));
  };
  return (
    <>
      <fieldset className="form-grid">
        <legend>发布机关与年度</legend>
        <label htmlFor="agency-name">机关全称</label>
        <input id="agency-name" {...register('agency.name')} placeholder="如：某某市某某局" autoComplete="organization" />
        <span className="field-label" id="kind-label">机关类别</span>
        <div className="radios" role="radiogroup" aria-labelledby="kind-label">
          {AGENCY_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" value={k} {...register('agency.kind')} /> {agencyKindLabel(k)}
            </label>
          ))}
        </div>
        <label htmlFor="agency-level">行政层级</label>
        <select id="agency-level" {...register('agency.level')}>
          {LEVELS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="report-year">报告年度</label>
        <span>
          <input id="report-year" className="fixed-value" value={`${year} 年`} readOnly aria-describedby="report-year-note" />
          <span className="hint" id="report-year-note">
            报告创建后年度不能更改；其他年度的报告请在报告列表中新建
          </span>
        </span>
        <span className="field-label">公布期限</span>
        <span>
          <Deadline year={year} kind={kind} />
        </span>
      </fieldset>

      <fieldset className="form-grid">
        <legend>联系方式（用于前言）</legend>
        {CONTACT.map(({ field, label }) => (
          <FieldPair key={field} id={`contact-${field}`} label={label}>
            <input id={`contact-${field}`} {...register(`contact.${field}`)} />
          </FieldPair>
        ))}
      </fieldset>

      <fieldset className="form-grid">
        <legend>署名与成文日期</legend>
        <label htmlFor="signatory">署名机关</label>
        <input id="signatory" {...register('publication.signatory')} />
        <label htmlFor="publication-date">成文（发布）日期</label>
        <input id="publication-date" type="date" {...register('publication.date')} />
      </fieldset>

      <fieldset className="preamble">
        <legend>前言</legend>
        <p className="guidance">{getTemplate().format.preamble.guidance}</p>
        <div className="radios">
          <label>
            <input type="radio" value="standard" {...register('preambleMode')} /> 使用标准写法（随机关名称、年度和联系方式自动生成）
          </label>
          <label>
            <input type="radio" value="custom" {...register('preambleMode')} onClick={startCustom} /> 自行撰写
          </label>
        </div>
        {mode === 'custom' ? <textarea id="preamble" aria-label="前言" {...register('preamble')} rows={8} /> : <PreamblePreview />}
      </fieldset>
      <StepFindings step="cover" />
    </>
  );
}

function FieldPair({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}
