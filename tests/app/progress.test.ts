import { describe, expect, it } from 'vitest';
import { stepProgress } from '../../src/app/editor/progress.ts';
import { stepOfFinding } from '../../src/app/editor/steps.ts';
import { finding } from '../../src/core/finding.ts';
import { createBlankDocument, nextYearDocument } from '../../src/core/index.ts';

describe('step progress and where findings belong', () => {
  it('counts typed, invalid and 不适用 cells as filled; computed totals not at all', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    doc.cells['t4.reconsideration.upheld'] = 0;
    doc.cellText['t4.reconsideration.other'] = 'x';
    doc.notApplicable = ['t4.litigationDirect.pending'];
    expect(stepProgress(doc, 'appeals')).toEqual({ filled: 3, total: 12, lastYear: 0, begun: true });
    expect(stepProgress(doc, 'requests')!.total).toBe(144);
    expect(stepProgress(doc, 'check')).toBeNull();
  });

  it("tells prose still holding last year's text apart", () => {
    const last = createBlankDocument({ agency: '测试局', year: 2023 });
    last.prose['overview.proactive'] = '去年的主动公开情况。';
    const doc = nextYearDocument(last);
    expect(stepProgress(doc, 'overview')).toEqual({ filled: 1, total: 5, lastYear: 1, begun: true });
  });

  it('does not count the optional introduction of 一 as a part to fill, but as a beginning (issue 14 item 11)', () => {
    const doc = createBlankDocument({ agency: '测试局', year: 2024 });
    expect(stepProgress(doc, 'overview')).toEqual({ filled: 0, total: 5, lastYear: 0, begun: false });
    doc.prose['overview.intro'] = '概述。';
    expect(stepProgress(doc, 'overview')).toEqual({ filled: 0, total: 5, lastYear: 0, begun: true });
    for (const k of ['proactive', 'onRequest', 'management', 'platform', 'oversight'] as const) doc.prose[`overview.${k}`] = '已写。';
    expect(stepProgress(doc, 'overview')).toEqual({ filled: 5, total: 5, lastYear: 0, begun: true });
    expect(stepProgress(doc, 'problems')).toEqual({ filled: 0, total: 1, lastYear: 0, begun: false });
  });

  it('files findings under the step that can fix them', () => {
    expect(stepOfFinding(finding('t3.balance', ['t3.new.natural'], ''))).toBe('requests');
    expect(stepOfFinding(finding('cell.missing', ['t2.fees.amount'], ''))).toBe('proactive');
    expect(stepOfFinding(finding('text.mismatch', ['t3.new.total'], '', 'overview.onRequest'))).toBe('overview');
    expect(stepOfFinding(finding('fee.mismatch', [], '', 'other'))).toBe('other');
    expect(stepOfFinding(finding('deadline.late', [], ''))).toBe('cover');
    expect(stepOfFinding(finding('text.period', [], ''))).toBe('cover');
    expect(stepOfFinding(finding('text.period', [], '', 'overview.intro'))).toBe('overview');
    expect(stepOfFinding(finding('content.copied', [], ''))).toBe('check');
  });
});
