// @vitest-environment jsdom
// The history view: revisions with who changed what, and the difference between two revisions or
// against last year's report, cells named by their row and column labels.

import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlankDocument } from '../../src/core/index.ts';
import { createReport, renderApp, withAppServer } from './render-app.tsx';

afterEach(cleanup);
const world = withAppServer();

describe('history', () => {
  it('lists revisions and shows diffs between revisions and against last year', async () => {
    const user = userEvent.setup();
    const store = await world.store();
    const last = createBlankDocument({ agency: '测试市交通运输局', year: 2023 });
    last.cells['t3.new.natural'] = 8;
    const record = await createReport(store, createBlankDocument({ agency: '测试市交通运输局', year: 2024 }), last);
    const id = record.report.id;
    const changed = structuredClone(record.document);
    changed.cells['t3.new.natural'] = 5;
    changed.prose.problems = '栏目更新不及时。';
    // Consistent and dated, so that it can be submitted.
    changed.cells['t3.carriedOut.natural'] = 5;
    changed.publication.date = '2025-01-20';
    await store.save(id, changed, 1);

    // A workflow event appears in the same timeline, with its message.
    await store.transition(id, 'submit', 2);
    await world.store(world.reviewer).then((r) => r.transition(id, 'return', 2, '请补充正文'));
    renderApp(store, `#/report/${id}/history`);
    const revisions = await screen.findByRole('table', { name: '版本' });
    await waitFor(() =>
      expect(
        within(revisions)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual([
        expect.stringContaining('版本'),
        expect.stringMatching(/^第 2 版退回修改.*说明：请补充正文$/),
        expect.stringMatching(/^第 2 版提交审核张填报/),
        expect.stringMatching(/^第 2 版保存张填报.*2 格、1 段文字、1 项信息$/),
        expect.stringMatching(/^第 1 版创建张填报.*—$/),
      ]),
    );
    const diff = await screen.findByRole('table', { name: '第 1 版 → 第 2 版' });
    expect(within(diff).getByRole('row', { name: /三、一、本年新收·自然人/ }).textContent).toBe('三、一、本年新收·自然人（空）5');
    expect(within(diff).getByRole('rowheader', { name: '五、存在的主要问题及改进情况' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('从'), 'previous-year');
    const yearDiff = await screen.findByRole('table', { name: `${record.report.year - 1} 年报告（第 1 版） → 第 2 版` });
    expect(within(yearDiff).getByRole('row', { name: /三、一、本年新收·自然人/ }).textContent).toBe('三、一、本年新收·自然人85');
  });
});
