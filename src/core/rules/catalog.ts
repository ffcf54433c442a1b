// Every rule the checker knows: id (docs/interchange.md, stable once released), severity, and what it
// checks in Chinese for the findings list and `nianbao check`. Titles naming cells take the labels
// from the template.
import { continuityTitle, relationTitle } from '../relations.ts';

export type Severity = 'error' | 'warning';

export interface RuleInfo {
  severity: Severity;
  title: string;
  /** A warning while drafting that blocks submitting, approving and the final export. */
  blocksSubmit?: true;
}

export const RULES = {
  't3.balance': { severity: 'error', title: relationTitle('t3.balance') },
  't3.resultTotal': { severity: 'error', title: relationTitle('t3.resultTotal') },
  't3.rowTotal': { severity: 'error', title: relationTitle('t3.rowTotal') },
  't4.groupTotal': { severity: 'error', title: relationTitle('t4.groupTotal') },
  'cell.invalid': { severity: 'error', title: '件数应为非负整数，收费金额应为不小于0的数（万元）' },
  'cell.missing': { severity: 'warning', title: '表格中有空格：没有发生的填 0，确实不适用的标记“不适用”' },
  'carryOver.mismatch': { severity: 'warning', title: '本年“上年结转”应等于上年报告的“结转下年度继续办理”' },
  't2.inForceContinuity': { severity: 'warning', title: continuityTitle() },
  'content.copied': { severity: 'warning', title: '报告内容与上年报告雷同' },
  'text.mismatch': { severity: 'warning', title: '正文中的数字与表格不一致' },
  'text.period': { severity: 'warning', title: '前言或正文中的统计期限不是本报告年度' },
  'fee.mismatch': { severity: 'warning', title: '正文称未发出收费通知或未产生信息处理费，但表三（六）2“逾期未缴纳费用”不为 0' },
  'format.outdated': { severity: 'warning', title: '使用了2019年试行格式的表述' },
  't2.regulationsAuthority': { severity: 'warning', title: '只有国务院部门和省级、设区的市级人民政府可以制定规章' },
  'text.unprintable': { severity: 'error', title: '正文中有导出字体无法显示的字符（如表情符号），发布的 PDF 会缺字' },
  'cover.required': { severity: 'warning', blocksSubmit: true, title: '封面缺少发布的报告必备的内容：机关全称、署名机关、成文日期（提交审核前须填写）' },
  'cover.incomplete': { severity: 'warning', title: '封面信息不完整：行政层级或联系方式' },
  'cover.dateFuture': { severity: 'warning', title: '发布时，成文日期晚于发布当天' },
  'deadline.late': { severity: 'warning', title: '发布日期晚于《条例》第四十九条规定的期限' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
