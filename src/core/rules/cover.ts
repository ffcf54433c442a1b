// The cover: what the published report cannot do without (the agency's name, the signature and
// the date above it) and what it should have (the administrative level, contact details). While
// drafting these are warnings; the first kind blocks submitting, approving and the final export.
import type { ReportDocument } from '../document.ts';
import { type CoverField, type Finding, finding } from '../finding.ts';

const REQUIRED: { field: CoverField; missing: (doc: ReportDocument) => boolean; message: string }[] = [
  { field: 'agency.name', missing: (d) => !d.agency.name.trim(), message: '机关全称未填写：发布的报告须写明发布机关，提交审核前须填写' },
  { field: 'publication.signatory', missing: (d) => !d.publication.signatory.trim(), message: '署名机关未填写：报告末尾须署发布机关名称，提交审核前须填写' },
  { field: 'publication.date', missing: (d) => !d.publication.date, message: '成文日期未填写：报告末尾须有成文日期，提交审核前须填写' },
];

export function checkCover(doc: ReportDocument): Finding[] {
  const out = REQUIRED.filter((r) => r.missing(doc)).map((r) => ({ ...finding('cover.required', [], r.message), field: r.field }));
  if (doc.agency.level === null) {
    out.push({ ...finding('cover.incomplete', [], '行政层级未选择：是否有规章制定权等校验需要它'), field: 'agency.level' });
  }
  if (!Object.values(doc.contact).some((v) => v.trim())) {
    out.push({ ...finding('cover.incomplete', [], '联系方式均未填写：前言应写明公众咨询的地址、电话等联系方式'), field: 'contact' });
  }
  return out;
}

/**
 * At publication (`today`, ISO date): a 成文日期 after today would print a date that has not come.
 * Not part of checkReport, whose result must not depend on the day it runs.
 */
export function checkDateAtPublish(doc: ReportDocument, today: string): Finding[] {
  const date = doc.publication.date;
  if (!date || date <= today) return [];
  return [{ ...finding('cover.dateFuture', [], `成文日期 ${date} 晚于发布当天（${today}）：发布的报告会印上一个尚未到来的日期，请核对`), field: 'publication.date' }];
}
