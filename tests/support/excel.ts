// What clerks paste: blocks copied from Excel/WPS.

/** Table 三 as Excel copies it from a published report: three header rows, label columns, merged group labels. */
export const EXCEL_T3 = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况',
  '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
  '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
  '一、本年新收政府信息公开申请数量\t\t\t5\t1\t0\t0\t0\t0\t6',
  '二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1',
  '三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t4',
  '\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1',
  '\t（三）不予公开\t2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1',
].join('\n');
