// Placing a block pasted from Excel/WPS: by the rows' labels when the block carries them (header
// rows and label text skipped, computed totals left alone), from the focused cell otherwise; text
// never lands in a number cell.
import { describe, expect, it } from 'vitest';
import { gridGeometry, parseTsv } from '../../src/app/editor/grid-geometry.ts';
import { describePaste, planPaste } from '../../src/app/editor/paste.ts';
import { getTable, getTemplate } from '../../src/core/index.ts';
import { EXCEL_T3 } from '../support/excel.ts';

const t3 = getTable(getTemplate(), 't3');
const geometry = gridGeometry(t3);

describe('placing a pasted block', () => {
  it('places each row by its label, skipping the header, the label text and the computed totals', () => {
    const plan = planPaste(t3, geometry, 't3.granted.business', parseTsv(EXCEL_T3));
    const placed = Object.fromEntries(plan.cells.map((c) => [c.id, c.text]));
    expect(placed).toMatchObject({
      't3.new.natural': '5',
      't3.new.business': '1',
      't3.carriedIn.natural': '1',
      't3.granted.natural': '3',
      't3.granted.business': '1',
      't3.withheld.stateSecret.natural': '1',
    });
    expect(plan.cells).toHaveLength(5 * 6);
    expect(Object.keys(placed).some((id) => id.endsWith('.total'))).toBe(false);
    expect(plan.cells.every((c) => /^\d*$/.test(c.text))).toBe(true);
    expect(plan).toMatchObject({ byLabel: 5, headerRows: 3, computedSkipped: 5, outside: 0 });
    expect(describePaste(plan, plan.cells.length)).toBe('已按行标签粘贴 30 格（5 行），跳过表头 3 行，跳过文字 10 处，跳过 5 个自动计算或不适用的格');
  });

  it('without labels fills from the focused cell, and never writes text into a number cell', () => {
    const plan = planPaste(t3, geometry, 't3.granted.natural', parseTsv('1\t2\n合计\t4\n'));
    expect(plan.cells).toEqual([
      { id: 't3.granted.natural', text: '1' },
      { id: 't3.granted.business', text: '2' },
      { id: 't3.partlyGranted.business', text: '4' },
    ]);
    expect(plan.textSkipped).toBe(1);
  });

  it('says what fell outside the table', () => {
    const plan = planPaste(t3, geometry, 't3.new.otherOrg', parseTsv('1\t2\t3\t4'));
    // 其他 and then the computed 总计: two more values have no cell.
    expect(plan.cells).toEqual([{ id: 't3.new.otherOrg', text: '1' }]);
    expect(plan.computedSkipped).toBe(1);
    expect(describePaste(plan, 1)).toBe('已粘贴 1 格，跳过 1 个自动计算或不适用的格，2 个数字超出表格，未粘贴');
  });
});
