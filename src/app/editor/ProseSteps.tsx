// The prose sections: 一 (an introduction and five conventional parts), 五 and 六.
import { sectionProse } from '../../core/index.ts';
import { useField } from './editor-store.ts';
import { StepFindings } from './FindingsList.tsx';
import { ProseField } from './ProseField.tsx';
import { useSession } from './session.ts';
import type { Step } from './steps.ts';

export function OverviewStep({ step }: { step: Step }) {
  return (
    <>
      <ProseField proseKey="overview.intro" title="总体情况概述（可选，写在五个方面之前）" rows={4} />
      {sectionProse(step.section!).flatMap(({ key, part }) => (part ? [<ProseField key={key} proseKey={key} title={`${part.number}${part.title}`} guidance={part.guidance} />] : []))}
      <StepFindings step={step.id} />
    </>
  );
}

export function SingleProseStep({ step }: { step: Step }) {
  const { store } = useSession();
  const closing = useField(store, 'closing');
  return (
    <>
      <ProseField proseKey={sectionProse(step.section!)[0]!.key} title={step.section!.title} rows={14} />
      {step.id === 'other' && (
        <div className="prose-field">
          <label htmlFor="closing">结尾（可选：如报告下载和联系方式说明，排在六之后）</label>
          <textarea id="closing" {...closing} rows={3} />
        </div>
      )}
      <StepFindings step={step.id} />
    </>
  );
}
