// A prose part with its guidance, a character count, last year's-draft mark and the live
// checks of its numbers against the tables.
import { useId } from 'react';
import type { ProseKey } from '../../core/index.ts';
import { useEditorSelector, useField } from './editor-store.ts';
import { SEVERITY_LABEL } from './FindingsList.tsx';
import { proseField } from './form-model.ts';
import { useSession } from './session.ts';

function CharCount({ text }: { text: string }) {
  return <span className="char-count">{[...text.replace(/\s/g, '')].length} 字</span>;
}

export function ProseField({ proseKey, title, guidance, rows = 8 }: { proseKey: ProseKey; title: string; guidance?: string; rows?: number }) {
  const { store } = useSession();
  const id = useId();
  const lastYear = useEditorSelector(store, (s) => s.doc.origin.prose[proseKey] === 'lastYear');
  // One string per distinct set of findings keeps re-renders to actual changes.
  const notes = useEditorSelector(store, (s) =>
    s.findings
      .filter((f) => f.prose === proseKey)
      .map((f) => `${f.severity}\t${f.message}`)
      .join('\n'),
  );
  const field = useField(store, proseField(proseKey));
  const describedBy = [guidance && `${id}-guide`, lastYear && `${id}-lastyear`, notes && `${id}-notes`].filter(Boolean).join(' ');
  return (
    <div className="prose-field">
      <div className="prose-head">
        <label htmlFor={id}>{title}</label>
        <CharCount text={field.value} />
      </div>
      {guidance && (
        <p className="guidance" id={`${id}-guide`}>
          {guidance}
        </p>
      )}
      {lastYear && (
        <p className="last-year-note" id={`${id}-lastyear`}>
          以下是上年报告的原文，仅供参考：请按本年实际情况改写，改动后此提示消失。
        </p>
      )}
      <textarea id={id} {...field} data-prose={proseKey} rows={rows} className={lastYear ? 'last-year' : undefined} aria-describedby={describedBy || undefined} />
      {notes && (
        <ul className="prose-notes" id={`${id}-notes`}>
          {notes.split('\n').map((line, i) => {
            const [severity, message] = line.split('\t') as ['error' | 'warning', string];
            return (
              <li key={i} className={severity}>
                <span className={`sev ${severity}`}>{SEVERITY_LABEL[severity]}</span> {message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
