// 封面与前言: who publishes, for which year, contact details, signature and the preamble.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { AGENCY_KINDS, agencyKindLabel, contactFields, getTemplate, preambleText } from '../../core/index.ts';
import { Deadline } from './Deadline.tsx';
import { useEditorSelector, useField } from './editor-store.ts';
import { StepFindings } from './FindingsList.tsx';
import type { FieldName } from './form-model.ts';
import { useSession } from './session.ts';

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

/** An input showing a field's text; what is typed goes to the store. */
function FieldInput({ field, ...props }: { field: FieldName } & InputHTMLAttributes<HTMLInputElement>) {
  const { store } = useSession();
  return <input {...props} {...useField(store, field)} />;
}

/** A radio button choosing `value` for a field. */
function FieldRadio({ field, value, onClick }: { field: FieldName; value: string; onClick?: () => void }) {
  const { store } = useSession();
  const { value: chosen, ...bound } = useField(store, field);
  return <input type="radio" name={field} {...bound} value={value} checked={chosen === value} onClick={onClick} />;
}

export function CoverStep() {
  const { store } = useSession();
  const level = useField(store, 'agency.level');
  const preamble = useField(store, 'preamble');
  const year = useEditorSelector(store, (s) => s.doc.year);
  const kind = useEditorSelector(store, (s) => s.doc.agency.kind);
  const mode = useEditorSelector(store, (s) => s.values.preambleMode);
  // Switching to 自行撰写 starts from the standard text as it reads now (click precedes change).
  const startCustom = () => {
    if (store.values.preambleMode !== 'custom') store.edit('preamble', preambleText({ ...store.doc, preamble: null }));
  };
  return (
    <>
      <fieldset className="form-grid">
        <legend>发布机关与年度</legend>
        <label htmlFor="agency-name">机关全称</label>
        <FieldInput id="agency-name" field="agency.name" placeholder="如：某某市某某局" autoComplete="organization" />
        <span className="field-label" id="kind-label">
          机关类别
        </span>
        <div className="radios" role="radiogroup" aria-labelledby="kind-label">
          {AGENCY_KINDS.map((k) => (
            <label key={k}>
              <FieldRadio field="agency.kind" value={k} /> {agencyKindLabel(k)}
            </label>
          ))}
        </div>
        <label htmlFor="agency-level">行政层级</label>
        <select id="agency-level" {...level}>
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
            <FieldInput id={`contact-${field}`} field={`contact.${field}`} />
          </FieldPair>
        ))}
      </fieldset>

      <fieldset className="form-grid">
        <legend>署名与成文日期</legend>
        <label htmlFor="signatory">署名机关</label>
        <FieldInput id="signatory" field="publication.signatory" />
        <label htmlFor="publication-date">成文（发布）日期</label>
        <FieldInput id="publication-date" type="date" field="publication.date" />
      </fieldset>

      <fieldset className="preamble">
        <legend>前言</legend>
        <p className="guidance">{getTemplate().format.preamble.guidance}</p>
        <div className="radios">
          <label>
            <FieldRadio field="preambleMode" value="standard" /> 使用标准写法（随机关名称、年度和联系方式自动生成）
          </label>
          <label>
            <FieldRadio field="preambleMode" value="custom" onClick={startCustom} /> 自行撰写
          </label>
        </div>
        {mode === 'custom' ? <textarea id="preamble" aria-label="前言" {...preamble} rows={8} /> : <PreamblePreview />}
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
