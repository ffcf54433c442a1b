// Sections, guidance, preamble, deadlines and the phrases the rules read
// of the 2021 format (国办公开办函〔2021〕30号), as data: written once, read by the core and every renderer.
import type { FormatSource } from '../schema.ts';

export default {
  id: 'gov-2021',
  name: '中华人民共和国政府信息公开工作年度报告格式（2021年版）',
  issuedBy: '国办公开办函〔2021〕30号',
  titlePattern: '{agency}{year}年政府信息公开工作年度报告',
  years: { first: 2008, last: 2200 },
  deadlines: {
    department: { month: 1, day: 31, basis: '《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前公布本部门上一年度政府信息公开工作年度报告' },
    government: { month: 3, day: 31, basis: '《政府信息公开条例》第四十九条：县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府上一年度政府信息公开工作年度报告' },
  },
  agencyKinds: { department: '人民政府部门', government: '人民政府' },
  preamble: {
    guidance: '前言说明编制依据、报告组成、统计期限、电子版下载地址和联系方式。可使用标准写法，也可按本机关习惯改写。',
    sentences: [
      '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。',
      '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分。',
      '本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。',
      '本报告电子版可在{website}下载。',
      '如对本报告有疑问，请与{agency}联系（{contact}）。',
    ],
    contactParts: [
      { field: 'address', label: '地址' },
      { field: 'postcode', label: '邮编' },
      { field: 'phone', label: '电话' },
      { field: 'fax', label: '传真' },
      { field: 'email', label: '电子邮箱' },
    ],
    websiteLabel: '报告下载网址',
  },
  sections: [
    {
      id: 'overview',
      number: '一',
      title: '一、总体情况',
      kind: 'prose',
      guidance: '概述本年度政府信息公开工作的整体情况，按惯例分五个方面写。写到的数字（如收到申请件数、行政复议件数）要与后面的表格一致，系统会自动比对。',
      intro: { id: 'intro', title: '概述' },
      parts: [
        { id: 'proactive', number: '（一）', title: '主动公开', guidance: '本年主动公开了哪些信息、多少条，通过哪些渠道发布，重点领域公开和政策解读情况。' },
        { id: 'onRequest', number: '（二）', title: '依申请公开', guidance: '收到多少件申请、办结多少件、结转多少件，答复是否在法定期限内，有无因此引起的行政复议、行政诉讼。' },
        { id: 'management', number: '（三）', title: '政府信息管理', guidance: '公开前的保密审查、公开属性认定、规范性文件清理、信息发布审核等管理制度的落实。' },
        { id: 'platform', number: '（四）', title: '政府信息公开平台建设', guidance: '政府网站、政务新媒体、政务公开专区、公报等平台的建设和维护情况。' },
        {
          id: 'oversight',
          number: '（五）',
          title: '监督保障',
          guidance: '组织领导、培训、考核、社会评议和责任追究情况。人民政府的报告应在此写明工作考核、社会评议和责任追究结果。',
        },
      ],
    },
    {
      id: 'proactive',
      number: '二',
      title: '二、主动公开政府信息情况',
      kind: 'table',
      table: 't2',
      guidance: '按《条例》第二十条所列事项填写本年数量。件数填非负整数；收费金额以万元为单位，最多保留4位小数。确实不适用的格子可标记“不适用”，不要留空。',
    },
    {
      id: 'requests',
      number: '三',
      title: '三、收到和处理政府信息公开申请情况',
      kind: 'table',
      table: 't3',
      guidance:
        '按申请人类别填写件数，总计行和总计列由系统自动计算。每一列都须满足：本年新收 + 上年结转 = 办理结果总计 + 结转下年度。上年结转应与去年报告的“结转下年度继续办理”一致。部分公开的申请只计入“部分公开”一行。',
    },
    {
      id: 'appeals',
      number: '四',
      title: '四、政府信息公开行政复议、行政诉讼情况',
      kind: 'table',
      table: 't4',
      guidance: '填写本年因政府信息公开引起的行政复议和行政诉讼件数，行政诉讼分未经复议直接起诉和复议后起诉两类。各组总计由系统自动计算。',
    },
    {
      id: 'problems',
      number: '五',
      title: '五、存在的主要问题及改进情况',
      kind: 'prose',
      guidance: '实事求是写出本年存在的主要问题和下一步改进措施，并说明上一年度报告所列问题的整改情况。避免照抄往年内容。',
    },
    {
      id: 'other',
      number: '六',
      title: '六、其他需要报告的事项',
      kind: 'prose',
      guidance:
        '写明信息处理费的收取情况（发出收费通知的件数、金额和实际收取金额，依据国办函〔2020〕109号），以及年度政务公开工作要点落实、人大代表建议和政协提案办理结果公开等情况。没有其他事项的，写明“无”。',
    },
  ],
  claims: {
    received: ['t3.new.total'],
    carriedIn: ['t3.carriedIn.total'],
    handled: ['t3.total.total'],
    carriedOut: ['t3.carriedOut.total'],
    reconsideration: ['t4.reconsideration.total'],
    litigation: ['t4.litigationDirect.total', 't4.litigationAfterReconsideration.total'],
    unpaidFee: ['t3.otherHandling.unpaidFee.total'],
  },
  outdatedPhrases: [
    { id: 'item9', pattern: '第二十条第[（(]九[)）]项', now: '2021年格式已删除该项（政府集中采购）' },
    { id: 't2Columns', pattern: '本年新制作数量|本年新公开数量|对外公开总数量', now: '2021年格式为“本年制发件数 / 本年废止件数 / 现行有效件数”' },
    { id: 't2Projects', pattern: '上一年项目数量', now: '2021年格式为“本年处理决定数量”' },
    { id: 'otherServices', pattern: '其他对外管理服务事项', now: '2021年格式已删除该项' },
    { id: 'normativeDocs', pattern: '(?<!行政)规范性文件(?=[^。；]{0,6}(?:本年新制作|新公开))', now: '2021年格式为“行政规范性文件”' },
  ],
} as const satisfies FormatSource;
