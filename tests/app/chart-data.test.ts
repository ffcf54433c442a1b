// The charts' numbers from roll-up cells, with the template's labels.
import { describe, expect, it } from 'vitest';
import { appeals, outcomes, requestSeries, requestsByYear } from '../../src/app/oversight/chart-data.ts';

const cells = {
  't3.granted.total': 5,
  't3.partlyGranted.total': 2,
  't3.withheld.stateSecret.total': 1,
  't3.withheld.thirdParty.total': 2,
  't3.unable.notHeld.total': 4,
  't3.new.total': 12,
  't3.carriedIn.total': 3,
  't3.carriedOut.total': 1,
  't4.reconsideration.upheld': 3,
  't4.reconsideration.corrected': 1,
  't4.reconsideration.pending': 2,
  't4.reconsideration.total': 6,
};

describe('chart data', () => {
  it('sums the outcome categories with their labels from the template', () => {
    expect(outcomes(cells)).toEqual([
      { label: '予以公开', value: 5 },
      { label: '部分公开', value: 2 },
      { label: '不予公开', value: 3 },
      { label: '无法提供', value: 4 },
      { label: '不予处理', value: 0 },
      { label: '其他处理', value: 0 },
    ]);
  });

  it('gives 纠错率 as corrected among decided cases, none without decided cases', () => {
    const [reconsideration, direct] = appeals(cells);
    expect(reconsideration!.label).toBe('行政复议');
    expect(reconsideration!.correctionRate).toBe(1 / 4);
    expect(direct!.correctionRate).toBeNull();
  });

  it('charts received, carried in and carried over by year', () => {
    expect(requestSeries).toEqual(['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理']);
    expect(requestsByYear([{ year: 2025, cells }])).toEqual([{ year: 2025, values: [12, 3, 1] }]);
  });
});
