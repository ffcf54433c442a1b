import { describe, expect, it } from 'vitest';
import { normalizeDigits, parseCellInput } from '../../src/core/index.ts';

describe('parseCellInput (counts)', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['12', 12],
    ['１２', 12],
    [' 7 ', 7],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%j → %j', (text, value) => {
    expect(parseCellInput(text, 'count')).toEqual({ ok: true, value });
  });

  it.each([
    ['12.5', '件数应为整数，不能有小数'],
    ['-3', '件数不能为负数'],
    ['－3', '件数不能为负数'],
    ['1e30', '请输入非负整数（件数）'],
    ['12a', '请输入非负整数（件数）'],
    ['1,2', '请输入非负整数（件数）'],
    ['五', '请输入非负整数（件数）'],
    ['9007199254740993', '数字过大，请核对'],
  ])('%j is refused: %s', (text, message) => {
    expect(parseCellInput(text, 'count')).toEqual({ ok: false, message });
  });
});

describe('parseCellInput (fees in 万元)', () => {
  it.each([
    ['0', 0],
    ['1.25', 1.25],
    ['０．０００１', 0.0001],
    ['1,234.5', 1234.5],
  ])('%j → %j', (text, value) => {
    expect(parseCellInput(text, 'money')).toEqual({ ok: true, value });
  });

  it.each([
    ['0.00001', '金额最多保留4位小数（单位：万元）'],
    ['-1', '金额不能为负数'],
    ['1.2.3', '请输入金额（单位：万元），如 1.25'],
    ['Infinity', '请输入金额（单位：万元），如 1.25'],
  ])('%j is refused: %s', (text, message) => {
    expect(parseCellInput(text, 'money')).toEqual({ ok: false, message });
  });
});

it('normalizeDigits folds full-width digits and ideographic spaces', () => {
  expect(normalizeDigits('\u3000１２３\u3000')).toBe('123');
});
