import { describe, expect, it } from 'vitest';
import { blockingFindings, checkDateAtPublish, checkReport, createBlankDocument, type ReportDocument, RULES } from '../../src/core/index.ts';
import { consistentDocument } from '../support/documents.ts';

const zeros = {
  t3: Array.from({ length: 6 }, () => ({ results: Array(21).fill(0), carriedIn: 0, carriedOut: 0 })),
  t4: [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ],
  t2: Array(9).fill(0),
  fee: 0,
};

/** A consistent report: 5 natural-person requests, 3 granted, 1 not held, 1 carried out; 2 reconsiderations. */
function sample(): ReportDocument {
  const s = structuredClone(zeros);
  s.t3[0]!.results[0] = 3; // granted
  s.t3[0]!.results[10] = 1; // unable.notHeld
  s.t3[0]!.carriedOut = 1;
  s.t4[0] = [1, 1, 0, 0];
  return consistentDocument(s);
}

const set = (doc: ReportDocument, cells: Record<string, number | null>): ReportDocument => ({ ...doc, cells: { ...doc.cells, ...cells } });
const rules = (doc: ReportDocument, previous?: ReportDocument) => checkReport(doc, { totals: 'asPrinted', previous: previous ?? null });
const only = (doc: ReportDocument, rule: string, previous?: ReportDocument) => rules(doc, previous).filter((f) => f.rule === rule);

describe('table sums', () => {
  it('sample is consistent', () => {
    expect(sample().cells['t3.new.natural']).toBe(5);
    expect(rules(sample())).toEqual([]);
  });

  it('t3.rowTotal names the row total, the expected sum and the printed value', () => {
    const [f, ...rest] = only(set(sample(), { 't3.new.total': 4 }), 't3.rowTotal');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe('三、一、本年新收·总计 应为 5（自然人至其他六列之和），实为 4');
    expect(f!.cells).toEqual(['t3.new.natural', 't3.new.business', 't3.new.research', 't3.new.publicInterest', 't3.new.legalService', 't3.new.otherOrg', 't3.new.total']);
  });

  it('t3.resultTotal names （七）总计 of the column', () => {
    const [f] = only(set(sample(), { 't3.granted.natural': 2, 't3.granted.total': 2 }), 't3.resultTotal');
    expect(f!.message).toBe('三、（七）总计·自然人 应为 3（各办理结果之和），实为 4');
    expect(f!.cells).toHaveLength(22);
  });

  it('t3.balance states both sides, marks all four cells and blames no single one', () => {
    const [f, ...rest] = only(set(sample(), { 't3.carriedOut.natural': 3, 't3.carriedOut.total': 3 }), 't3.balance');
    expect(f!.message).toBe('三、自然人列：一、本年新收 + 二、上年结转 = 5，（七）总计 + 四、结转下年度 = 7，两者应相等；请逐格核对');
    expect(f!.message).not.toContain('应为');
    expect(f!.cells).toEqual(['t3.new.natural', 't3.carriedIn.natural', 't3.total.natural', 't3.carriedOut.natural']);
    expect(f!.focus).toBeUndefined();
    // The 总计 column is off only by the 自然人 column's gap: one slip, one finding.
    expect(rest).toEqual([]);
  });

  it('t3.balance reports the 总计 column when that column itself is off', () => {
    // A row total that does not add up puts the 总计 column off by more than the columns' gaps.
    const found = only(set(sample(), { 't3.new.total': 9 }), 't3.balance');
    expect(found.map((f) => f.cells[0])).toEqual(['t3.new.total']);
  });

  it('t3.balance names 上年结转 when it alone explains the gap (it differs from last year by exactly that)', () => {
    const previous = set(sample(), { 't3.carriedOut.natural': 1 });
    const doc = set(sample(), { 't3.carriedIn.natural': 2, 't3.carriedIn.total': 2, 't3.new.natural': 4, 't3.new.total': 4, 't3.carriedOut.natural': 1 });
    // 4 + 2 = 6 against 4 + 1 = 5: last year carried out 1, this year says 2.
    const [f] = only(doc, 't3.balance', previous);
    expect(f!.focus).toBe('t3.carriedIn.natural');
    expect(f!.message).toContain('三、二、上年结转·自然人 与上年报告的结转下年度 1 不符');
    // Without last year's report nothing singles it out.
    expect(only(doc, 't3.balance')[0]!.focus).toBeUndefined();
  });

  it('t4.groupTotal: the real hongze-2023 error (10 + 1 printed as 总计 0)', () => {
    const [f] = only(set(sample(), { 't4.reconsideration.upheld': 10, 't4.reconsideration.corrected': 1, 't4.reconsideration.total': 0 }), 't4.groupTotal');
    expect(f!.message).toBe('四、行政复议·总计 应为 11（结果维持、结果纠正、其他结果、尚未审结之和），实为 0');
  });

  it('empty cells count as 0 and say so; an all-empty line is not checked', () => {
    const doc = set(sample(), { 't3.new.research': null, 't3.new.total': 6 });
    const [f] = only(doc, 't3.rowTotal');
    expect(f!.message).toContain('（空格按 0 计）');
    expect(only(createBlankDocument({ agency: 'x', year: 2024 }), 't3.rowTotal')).toEqual([]);
  });
});

describe('cell values', () => {
  it('cell.invalid for negatives, fractions, unsafe integers, bad fees and kept text', () => {
    const doc = { ...set(sample(), { 't3.new.business': -3, 't3.new.research': 1.5, 't2.penalty.decisions': 2 ** 60, 't2.fees.amount': 0.00001 }), cellText: { 't4.reconsideration.pending': '两件' } };
    const msgs = only(doc, 'cell.invalid').map((f) => f.message);
    expect(msgs).toEqual([
      '四、行政复议·尚未审结：「两件」：请输入非负整数（件数）',
      '二、行政处罚·本年处理决定数量：1152921504606847000：数字过大，请核对',
      '二、行政事业性收费·本年收费金额：0.00001：金额最多保留4位小数（单位：万元）',
      '三、一、本年新收·商业企业：-3：件数不能为负数',
      '三、一、本年新收·科研机构：1.5：件数应为整数，不能有小数',
    ]);
  });

  it('a fee with up to 4 decimals is valid', () => {
    expect(only(set(sample(), { 't2.fees.amount': 12.3456 }), 'cell.invalid')).toEqual([]);
  });

  it('cell.missing groups empty cells by row and skips 不适用 cells', () => {
    const doc: ReportDocument = { ...set(sample(), { 't3.new.research': null, 't3.new.otherOrg': null, 't2.fees.amount': null }), notApplicable: ['t2.fees.amount'] };
    const found = only(doc, 'cell.missing');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.cells).toEqual(['t3.new.research', 't3.new.otherOrg']);
    expect(found[0]!.message).toContain('三、一、本年新收 有 2 个空格（科研机构、其他）');
  });
});

describe('cover rules', () => {
  it('an incomplete cover is named field by field: warnings while drafting, the required ones block submitting', () => {
    const doc = sample();
    const bare = { ...doc, agency: { ...doc.agency, name: ' ', level: null }, contact: { ...doc.contact, phone: '' }, publication: { signatory: '', date: null } };
    const found = rules(bare).filter((f) => f.rule.startsWith('cover.'));
    expect(found.map((f) => [f.rule, f.field, f.severity])).toEqual([
      ['cover.required', 'agency.name', 'warning'],
      ['cover.required', 'publication.signatory', 'warning'],
      ['cover.required', 'publication.date', 'warning'],
      ['cover.incomplete', 'agency.level', 'warning'],
      ['cover.incomplete', 'contact', 'warning'],
    ]);
    expect(found[2]!.message).toBe('成文日期未填写：报告末尾须有成文日期，提交审核前须填写');
    expect(blockingFindings(found).map((f) => f.field)).toEqual(['agency.name', 'publication.signatory', 'publication.date']);
    expect(rules(doc).filter((f) => f.rule.startsWith('cover.'))).toEqual([]);
  });

  it('at publication, a 成文日期 after that day is a warning', () => {
    const doc = sample();
    expect(checkDateAtPublish(doc, '2025-01-19')[0]!.message).toContain('成文日期 2025-01-20 晚于发布当天（2025-01-19）');
    expect(checkDateAtPublish(doc, '2025-01-20')).toEqual([]);
  });
});

describe('cross-year rules', () => {
  const last = () => ({ ...sample(), year: 2023 });

  it('carryOver.mismatch names this year cell and last year value', () => {
    const doc = sample();
    const [f, total, ...rest] = only(doc, 'carryOver.mismatch', last());
    expect(rest).toEqual([]);
    expect(total!.cells).toEqual(['t3.carriedIn.total']);
    expect(f!.message).toBe('三、二、上年结转·自然人 应为 1（上年报告“三、四、结转下年度·自然人”），实为 0');
    expect(f!.cells).toEqual(['t3.carriedIn.natural']);
  });

  it('carry-over that matches gives nothing', () => {
    const doc = sample();
    const s = structuredClone(zeros);
    s.t3[0]!.carriedIn = 1;
    s.t3[0]!.results[0] = 1;
    const thisYear = consistentDocument(s);
    expect(thisYear.cells['t3.carriedIn.natural']).toBe(1);
    expect(only(thisYear, 'carryOver.mismatch', doc)).toEqual([]);
  });

  it('t2.inForceContinuity: last in force + issued − repealed', () => {
    const prev = set(last(), { 't2.normativeDocs.inForce': 14 });
    const doc = set(sample(), { 't2.normativeDocs.issued': 3, 't2.normativeDocs.repealed': 1, 't2.normativeDocs.inForce': 20 });
    const [f] = only(doc, 't2.inForceContinuity', prev);
    expect(f!.message).toContain('应约为 16，实为 20');
    expect(only(set(doc, { 't2.normativeDocs.inForce': 16 }), 't2.inForceContinuity', prev)).toEqual([]);
  });

  it('content.copied when the prose repeats last year sentence for sentence (years masked)', () => {
    const para = (y: number) =>
      `${y}年，本机关严格落实政府信息公开制度，持续加强政府网站和政务新媒体建设。全年通过门户网站主动公开各类政府信息，及时回应社会关切，保障人民群众知情权。组织开展政务公开业务培训，不断提升工作人员业务能力和服务水平。严格执行信息发布审核制度，确保发布内容准确规范。`;
    const problems = (y: number) => `${y}年工作中仍存在一些不足，主要是政策解读的形式还不够丰富，基层工作人员的业务能力有待提升。下一步将加强业务培训，创新解读方式，推动政务公开工作提质增效。`;
    const prev = { ...last(), prose: { ...last().prose, 'overview.proactive': para(2023), problems: problems(2023) } };
    const doc = { ...sample(), prose: { ...sample().prose, 'overview.proactive': para(2024), problems: problems(2024) } };
    const copiedProse = (d: ReportDocument) => only(d, 'content.copied', prev).filter((f) => f.message.includes('语句'));
    expect(copiedProse(doc).map((f) => f.message)).toEqual([expect.stringContaining('100% 的语句与上年报告相同')]);
    const fresh = {
      ...doc,
      prose: { ...doc.prose, 'overview.proactive': '本年度新建政务公开专区三处，开展政府开放日活动两场，群众参与积极。', problems: '存在的主要问题是政策解读形式单一，下一步将增加图解和视频解读。' },
    };
    expect(copiedProse(fresh)).toEqual([]);
  });

  it('content.copied when every number equals last year', () => {
    expect(only(sample(), 'content.copied', last()).map((f) => f.message)).toEqual(['表格中的全部数字与上年报告完全相同，请核对是否沿用了上年数据']);
  });
});

describe('prose against tables', () => {
  const withProse = (key: keyof ReportDocument['prose'], text: string, doc = sample()) => ({ ...doc, prose: { ...doc.prose, [key]: text } });

  it.each([
    ['2024年，我局共收到政府信息公开申请5件，办结4件，结转下年度继续办理1件。', 0],
    ['全年受理政府信息公开申请5件，均在法定期限内答复。', 0],
    ['本年共收到6件政府信息公开申请。', 1],
    ['全年受理政府信息公开申请4件，办结4件。', 1],
    ['全年新收依申请公开申请 ７ 件。', 1],
  ])('%s → %i text.mismatch', (text, n) => {
    expect(only(withProse('overview.onRequest', text), 'text.mismatch')).toHaveLength(n);
  });

  it('names the sentence, the cell and the table value', () => {
    const [f] = only(withProse('overview.onRequest', '全年受理政府信息公开申请4件。'), 'text.mismatch');
    expect(f!.message).toBe('一、总体情况（二）依申请公开写“受理政府信息公开申请4件”，但表中三、一、本年新收·总计 为 5');
    expect(f!.prose).toBe('overview.onRequest');
    expect(f!.cells).toEqual(['t3.new.total']);
  });

  it('受理 may count last year carried-over requests too', () => {
    const s = structuredClone(zeros);
    s.t3[0]!.results[0] = 4;
    s.t3[0]!.carriedIn = 1;
    const doc = consistentDocument(s);
    expect(doc.cells['t3.new.total']).toBe(3);
    expect(only(withProse('overview.onRequest', '全年受理政府信息公开申请4件（含上年结转1件）。', doc), 'text.mismatch')).toEqual([]);
  });

  it('办结 and 结转 outside a request sentence are not read (12345 hotline figures)', () => {
    expect(only(withProse('other', '转办市民有效诉求件6798件，办结6739件，正在办理59件。'), 'text.mismatch')).toEqual([]);
  });

  it('未收到 and 未发生 statements need zero tables', () => {
    const none = withProse('overview.onRequest', '本年度未收到政府信息公开申请，未发生行政复议、行政诉讼案件。');
    const found = only(none, 'text.mismatch');
    expect(found.map((f) => f.cells)).toEqual([['t3.new.total'], ['t4.reconsideration.total']]);
    expect(found[1]!.message).toContain('应为 0');
  });

  it('行政复议 and 行政诉讼 counts against table 四', () => {
    expect(only(withProse('overview.onRequest', '因政府信息公开被申请行政复议2件，被提起行政诉讼0件。'), 'text.mismatch')).toEqual([]);
    const [f] = only(withProse('overview.onRequest', '因政府信息公开被申请行政复议3件。'), 'text.mismatch');
    expect(f!.cells).toEqual(['t4.reconsideration.total']);
  });

  it('fee.mismatch when the text says no fee arose but （六）2 is not 0', () => {
    const doc = set(sample(), {});
    const s = structuredClone(zeros);
    s.t3[0]!.results[19] = 1; // otherHandling.unpaidFee
    const withFee = consistentDocument(s);
    const text = '本年度在办理政府信息公开申请中未产生信息处理费。';
    expect(only(withProse('other', text, doc), 'fee.mismatch')).toEqual([]);
    const [f] = only(withProse('other', text, withFee), 'fee.mismatch');
    expect(f!.cells).toEqual(['t3.otherHandling.unpaidFee.total']);
    expect(only(withProse('other', '本年度未收取信息处理费。', withFee), 'fee.mismatch')).toEqual([]);
  });

  it('format.outdated for 2019 trial-format wording', () => {
    const [f] = only(withProse('overview.proactive', '第二十条第（九）项政府集中采购项目0项。'), 'format.outdated');
    expect(f!.message).toContain('第二十条第（九）项');
  });
});

describe('agency rules', () => {
  it('t2.regulationsAuthority for a county department, not for a provincial government', () => {
    const doc = set(sample(), { 't2.regulations.issued': 1, 't2.regulations.inForce': 1 });
    const county = { ...doc, agency: { ...doc.agency, level: 'county' as const } };
    expect(only(county, 't2.regulationsAuthority')[0]!.cells).toEqual(['t2.regulations.issued', 't2.regulations.inForce']);
    const province = { ...doc, agency: { ...doc.agency, kind: 'government' as const, level: 'provincial' as const } };
    expect(only(province, 't2.regulationsAuthority')).toEqual([]);
    const unknownGovernment = { ...doc, agency: { ...doc.agency, kind: 'government' as const, level: null } };
    expect(only(unknownGovernment, 't2.regulationsAuthority')).toEqual([]);
    const unknownDepartment = { ...doc, agency: { ...doc.agency, level: null } };
    expect(only(unknownDepartment, 't2.regulationsAuthority')[0]!.message).toContain('请确认本机关具有规章制定权');
  });

  it.each([
    ['department', '2025-01-31', 0],
    ['department', '2025-02-01', 1],
    ['government', '2025-03-31', 0],
    ['government', '2025-04-01', 1],
  ] as const)('deadline for a %s published %s → %i', (kind, date, n) => {
    const doc = { ...sample(), agency: { ...sample().agency, kind }, publication: { signatory: 'x', date } };
    expect(only(doc, 'deadline.late')).toHaveLength(n);
  });
});

it('every rule id in the catalog has a severity per docs/interchange.md', () => {
  expect(RULES['t3.balance'].severity).toBe('error');
  expect(RULES['cell.missing'].severity).toBe('warning');
  expect(RULES['text.mismatch'].severity).toBe('warning');
  expect(RULES['carryOver.mismatch'].severity).toBe('warning');
  expect(RULES['format.outdated'].severity).toBe('warning');
});

describe('statistical period', () => {
  it('flags a preamble or prose still dated last year', () => {
    const copied = { ...sample(), preamble: '本报告统计数据从 2023 年 1 月 1 日至12 月 31 日。' };
    const [f, ...rest] = only(copied, 'text.period');
    expect(rest).toEqual([]);
    expect(f!.message).toBe('前言写“2023 年 1 月 1 日”，但本报告是 2024 年度报告，统计期限应自 2024年1月1日起');
    const inProse = { ...sample(), prose: { ...sample().prose, 'overview.intro': '本报告所列数据统计期限自２０２３年１月１日起。' } };
    expect(only(inProse, 'text.period')[0]!.prose).toBe('overview.intro');
  });

  it('accepts the report year, and the standard preamble', () => {
    expect(only({ ...sample(), preamble: '统计期限自2024年01月01日起至2024年12月31日止。' }, 'text.period')).toEqual([]);
    expect(only(sample(), 'text.period')).toEqual([]);
    expect(sample().preamble).toBeNull();
  });
});
