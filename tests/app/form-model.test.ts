import { describe, expect, it } from 'vitest';
import { applyFormField, applyFormValues, cellField, INPUT_CELLS, proseField, toFormValues } from '../../src/app/editor/form-model.ts';
import { createBlankDocument, nextYearDocument } from '../../src/core/index.ts';

const get = (values: Record<string, unknown>, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], values);
function set(values: Record<string, unknown>, path: string, v: string) {
  const keys = path.split('.');
  const last = keys.pop()!;
  (keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], values) as Record<string, unknown>)[last] = v;
}

describe('form values ↔ report document', () => {
  const base = createBlankDocument({ agency: '测试市测试局', year: 2024 });

  it('round-trips numbers, invalid text and the preamble mode', () => {
    const doc = { ...base, cells: { ...base.cells, 't3.new.natural': 12, 't2.fees.amount': 0.0125 }, cellText: { 't3.new.business': '十二' } };
    const values = toFormValues(doc, '标准前言');
    expect(get(values as never, cellField('t3.new.natural'))).toBe('12');
    expect(get(values as never, cellField('t3.new.business'))).toBe('十二');
    expect(get(values as never, cellField('t2.fees.amount'))).toBe('0.0125');
    expect(values.preambleMode).toBe('standard');
    expect(applyFormValues(doc, values)).toEqual(doc);
  });

  it('accepts full-width digits and thousands separators, keeps anything else as typed text', () => {
    const values = toFormValues(base, '');
    set(values as never, cellField('t3.new.natural'), '１２');
    set(values as never, cellField('t3.new.business'), '1,234');
    set(values as never, cellField('t3.new.research'), '3.5');
    set(values as never, cellField('t2.fees.amount'), '1.23456');
    const doc = applyFormValues(base, values);
    expect(doc.cells['t3.new.natural']).toBe(12);
    expect(doc.cells['t3.new.business']).toBe(1234);
    expect(doc.cells['t3.new.research']).toBeNull();
    expect(doc.cellText).toEqual({ 't3.new.research': '3.5', 't2.fees.amount': '1.23456' });
  });

  it('drops the carried-over and last-year marks once the clerk changes that cell or text', () => {
    const last = createBlankDocument({ agency: '测试市测试局', year: 2023 });
    last.cells['t3.carriedOut.natural'] = 4;
    last.cells['t3.carriedOut.business'] = 1;
    last.prose.problems = '去年的问题。';
    last.prose.other = '无。';
    const doc = nextYearDocument(last);
    const values = toFormValues(doc, '');
    set(values as never, cellField('t3.carriedIn.natural'), '5');
    set(values as never, proseField('problems'), '今年的问题。');
    const edited = applyFormValues(doc, values);
    expect(edited.origin.cells).toEqual({ 't3.carriedIn.business': 'carriedOver' });
    expect(edited.origin.prose).toEqual({ other: 'lastYear' });
  });

  it('a custom preamble is kept verbatim; the standard one is stored as null', () => {
    const values = toFormValues(base, '标准前言');
    values.preambleMode = 'custom';
    values.preamble = '本机关自行撰写的前言。';
    expect(applyFormValues(base, values).preamble).toBe('本机关自行撰写的前言。');
    values.preambleMode = 'standard';
    expect(applyFormValues(base, values).preamble).toBeNull();
  });

  it('applying only the edited field gives the same document as applying the whole form', () => {
    const last = createBlankDocument({ agency: '测试市测试局', year: 2023 });
    last.cells['t3.carriedOut.natural'] = 4;
    let whole = nextYearDocument(last);
    let field = whole;
    const values = toFormValues(whole, '');
    // Seeded walk over cells and prose: numbers, invalid text, the same text again, emptying.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const texts = ['', '3', '１２', '1,000', '3.5', '两件', '0', '/x'];
    for (let i = 0; i < 400; i++) {
      const path = next(5) === 0 ? proseField('problems') : cellField(INPUT_CELLS[next(INPUT_CELLS.length)]!.id);
      set(values as never, path, path.startsWith('prose') ? `问题${next(3)}` : texts[next(texts.length)]!);
      whole = applyFormValues(whole, values);
      field = applyFormField(field, values, path);
      expect(field).toEqual(whole);
    }
  });
});
