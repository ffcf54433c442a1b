// The three tables: rows, columns, sum relations and drawn grids
// of the 2021 format (国办公开办函〔2021〕30号), as data: written once, read by the core and every renderer.
import type { TableSource } from '../schema.ts';

export default [
  {
    id: 't2',
    number: '二',
    section: 'proactive',
    columns: [
      { id: 'issued', label: '本年制发件数' },
      { id: 'repealed', label: '本年废止件数' },
      { id: 'inForce', label: '现行有效件数' },
      { id: 'decisions', label: '本年处理决定数量' },
      { id: 'amount', label: '本年收费金额（单位：万元）', value: 'money' }
    ],
    rows: [
      { id: 'regulations', label: '规章', columns: ['issued', 'repealed', 'inForce'] },
      { id: 'normativeDocs', label: '行政规范性文件', columns: ['issued', 'repealed', 'inForce'] },
      { id: 'licensing', label: '行政许可', columns: ['decisions'] },
      { id: 'penalty', label: '行政处罚', columns: ['decisions'] },
      { id: 'coercion', label: '行政强制', columns: ['decisions'] },
      { id: 'fees', label: '行政事业性收费', columns: ['amount'] }
    ],
    relations: [],
    continuity: { rows: ['regulations', 'normativeDocs'], stock: 'inForce', added: 'issued', removed: 'repealed' },
    restricted: { row: 'regulations', otherwise: 'normativeDocs' },
    layout: {
      columnWidths: [34, 22, 22, 22],
      style: { minRowHeightMm: 11, roles: { caption: { fill: 'C6D9F1', align: 'center' } } },
      header: [],
      body: [
        [{ text: '第二十条第（一）项', colSpan: 4, role: 'caption' }],
        [
          { text: '信息内容', role: 'header' },
          { column: 'issued', role: 'header' },
          { column: 'repealed', role: 'header' },
          { column: 'inForce', role: 'header' }
        ],
        [
          { row: 'regulations', role: 'rowLabel' },
          { cell: 't2.regulations.issued' },
          { cell: 't2.regulations.repealed' },
          { cell: 't2.regulations.inForce' }
        ],
        [
          { row: 'normativeDocs', role: 'rowLabel' },
          { cell: 't2.normativeDocs.issued' },
          { cell: 't2.normativeDocs.repealed' },
          { cell: 't2.normativeDocs.inForce' }
        ],
        [{ text: '第二十条第（五）项', colSpan: 4, role: 'caption' }],
        [{ text: '信息内容', role: 'header' }, { column: 'decisions', colSpan: 3, role: 'header' }],
        [{ row: 'licensing', role: 'rowLabel' }, { cell: 't2.licensing.decisions', colSpan: 3 }],
        [{ text: '第二十条第（六）项', colSpan: 4, role: 'caption' }],
        [{ text: '信息内容', role: 'header' }, { column: 'decisions', colSpan: 3, role: 'header' }],
        [{ row: 'penalty', role: 'rowLabel' }, { cell: 't2.penalty.decisions', colSpan: 3 }],
        [{ row: 'coercion', role: 'rowLabel' }, { cell: 't2.coercion.decisions', colSpan: 3 }],
        [{ text: '第二十条第（八）项', colSpan: 4, role: 'caption' }],
        [{ text: '信息内容', role: 'header' }, { column: 'amount', colSpan: 3, role: 'header' }],
        [{ row: 'fees', role: 'rowLabel' }, { cell: 't2.fees.amount', colSpan: 3 }]
      ]
    }
  },
  {
    id: 't3',
    number: '三',
    section: 'requests',
    columns: [
      { id: 'natural', label: '自然人' },
      { id: 'business', label: '商业企业' },
      { id: 'research', label: '科研机构' },
      { id: 'publicInterest', label: '社会公益组织' },
      { id: 'legalService', label: '法律服务机构' },
      { id: 'otherOrg', label: '其他' },
      { id: 'total', label: '总计' }
    ],
    columnGroups: [
      {
        label: '法人或其他组织',
        columns: ['business', 'research', 'publicInterest', 'legalService', 'otherOrg'],
        id: 'organisations'
      }
    ],
    rowGroups: [
      { id: 'results', label: '三、本年度办理结果', shortLabel: '三、办理结果' },
      { id: 'withheld', label: '（三）不予公开', parent: 'results', shortLabelPattern: '{groupNumber}{row}' },
      { id: 'unable', label: '（四）无法提供', parent: 'results', shortLabelPattern: '{groupNumber}{row}' },
      { id: 'declined', label: '（五）不予处理', parent: 'results', shortLabelPattern: '{groupNumber}{row}' },
      { id: 'otherHandling', label: '（六）其他处理', parent: 'results', shortLabelPattern: '{groupNumber}{row}' }
    ],
    rows: [
      {
        id: 'new',
        label: '一、本年新收政府信息公开申请数量',
        shortLabel: '一、本年新收',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'carriedIn',
        label: '二、上年结转政府信息公开申请数量',
        shortLabel: '二、上年结转',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'granted',
        label: '（一）予以公开',
        parent: 'results',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'partlyGranted',
        label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        parent: 'results',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.stateSecret',
        label: '1.属于国家秘密',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.lawProhibited',
        label: '2.其他法律行政法规禁止公开',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.threeSecurity',
        label: '3.危及“三安全一稳定”',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.thirdParty',
        label: '4.保护第三方合法权益',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.internalAffairs',
        label: '5.属于三类内部事务信息',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.processInfo',
        label: '6.属于四类过程性信息',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.enforcementFile',
        label: '7.属于行政执法案卷',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'withheld.adminQuery',
        label: '8.属于行政查询事项',
        parent: 'withheld',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'unable.notHeld',
        label: '1.本机关不掌握相关政府信息',
        parent: 'unable',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'unable.needsCreation',
        label: '2.没有现成信息需要另行制作',
        parent: 'unable',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'unable.unclear',
        label: '3.补正后申请内容仍不明确',
        parent: 'unable',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'declined.complaint',
        label: '1.信访举报投诉类申请',
        parent: 'declined',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'declined.repeated',
        label: '2.重复申请',
        parent: 'declined',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'declined.publication',
        label: '3.要求提供公开出版物',
        parent: 'declined',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'declined.excessive',
        label: '4.无正当理由大量反复申请',
        parent: 'declined',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'declined.confirmation',
        label: '5.要求行政机关确认或重新出具已获取信息',
        parent: 'declined',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'otherHandling.noCorrection',
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        parent: 'otherHandling',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'otherHandling.unpaidFee',
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        parent: 'otherHandling',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'otherHandling.misc',
        label: '3.其他',
        parent: 'otherHandling',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'total',
        label: '（七）总计',
        parent: 'results',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      },
      {
        id: 'carriedOut',
        label: '四、结转下年度继续办理',
        shortLabel: '四、结转下年度',
        columns: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
      }
    ],
    relations: [
      {
        rule: 't3.rowTotal',
        each: 'row',
        total: 'total',
        addends: ['natural', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'],
        addendsLabel: '自然人至其他六列之和'
      },
      {
        rule: 't3.resultTotal',
        each: 'column',
        total: 'total',
        addends: [
          'granted', 'partlyGranted', 'withheld.stateSecret', 'withheld.lawProhibited', 'withheld.threeSecurity',
          'withheld.thirdParty', 'withheld.internalAffairs', 'withheld.processInfo', 'withheld.enforcementFile',
          'withheld.adminQuery', 'unable.notHeld', 'unable.needsCreation', 'unable.unclear', 'declined.complaint',
          'declined.repeated', 'declined.publication', 'declined.excessive', 'declined.confirmation',
          'otherHandling.noCorrection', 'otherHandling.unpaidFee', 'otherHandling.misc'
        ],
        addendsLabel: '各办理结果之和'
      },
      { rule: 't3.balance', each: 'column', left: ['new', 'carriedIn'], right: ['total', 'carriedOut'] }
    ],
    carryOver: { from: 'carriedOut', into: 'carriedIn' },
    layout: {
      columnWidths: [4.5, 13.5, 33.4, 6.9, 6.9, 6.9, 6.9, 6.9, 6.9, 7.2],
      header: [
        [
          { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3, role: 'corner' },
          { text: '申请人情况', colSpan: 7, role: 'header' }
        ],
        [
          { column: 'natural', rowSpan: 2, role: 'header' },
          { columnGroup: 'organisations', colSpan: 5, role: 'header' },
          { column: 'total', rowSpan: 2, role: 'header' }
        ],
        [
          { column: 'business', role: 'header' },
          { column: 'research', role: 'header' },
          { column: 'publicInterest', role: 'header' },
          { column: 'legalService', role: 'header' },
          { column: 'otherOrg', role: 'header' }
        ]
      ],
      body: [
        [
          { row: 'new', colSpan: 3, role: 'rowLabel' },
          { cell: 't3.new.natural' },
          { cell: 't3.new.business' },
          { cell: 't3.new.research' },
          { cell: 't3.new.publicInterest' },
          { cell: 't3.new.legalService' },
          { cell: 't3.new.otherOrg' },
          { cell: 't3.new.total' }
        ],
        [
          { row: 'carriedIn', colSpan: 3, role: 'rowLabel' },
          { cell: 't3.carriedIn.natural' },
          { cell: 't3.carriedIn.business' },
          { cell: 't3.carriedIn.research' },
          { cell: 't3.carriedIn.publicInterest' },
          { cell: 't3.carriedIn.legalService' },
          { cell: 't3.carriedIn.otherOrg' },
          { cell: 't3.carriedIn.total' }
        ],
        [
          { group: 'results', rowSpan: 22, role: 'rowLabel' },
          { row: 'granted', colSpan: 2, role: 'rowLabel' },
          { cell: 't3.granted.natural' },
          { cell: 't3.granted.business' },
          { cell: 't3.granted.research' },
          { cell: 't3.granted.publicInterest' },
          { cell: 't3.granted.legalService' },
          { cell: 't3.granted.otherOrg' },
          { cell: 't3.granted.total' }
        ],
        [
          { row: 'partlyGranted', colSpan: 2, role: 'rowLabel' },
          { cell: 't3.partlyGranted.natural' },
          { cell: 't3.partlyGranted.business' },
          { cell: 't3.partlyGranted.research' },
          { cell: 't3.partlyGranted.publicInterest' },
          { cell: 't3.partlyGranted.legalService' },
          { cell: 't3.partlyGranted.otherOrg' },
          { cell: 't3.partlyGranted.total' }
        ],
        [
          { group: 'withheld', rowSpan: 8, role: 'rowLabel' },
          { row: 'withheld.stateSecret', role: 'rowLabel' },
          { cell: 't3.withheld.stateSecret.natural' },
          { cell: 't3.withheld.stateSecret.business' },
          { cell: 't3.withheld.stateSecret.research' },
          { cell: 't3.withheld.stateSecret.publicInterest' },
          { cell: 't3.withheld.stateSecret.legalService' },
          { cell: 't3.withheld.stateSecret.otherOrg' },
          { cell: 't3.withheld.stateSecret.total' }
        ],
        [
          { row: 'withheld.lawProhibited', role: 'rowLabel' },
          { cell: 't3.withheld.lawProhibited.natural' },
          { cell: 't3.withheld.lawProhibited.business' },
          { cell: 't3.withheld.lawProhibited.research' },
          { cell: 't3.withheld.lawProhibited.publicInterest' },
          { cell: 't3.withheld.lawProhibited.legalService' },
          { cell: 't3.withheld.lawProhibited.otherOrg' },
          { cell: 't3.withheld.lawProhibited.total' }
        ],
        [
          { row: 'withheld.threeSecurity', role: 'rowLabel' },
          { cell: 't3.withheld.threeSecurity.natural' },
          { cell: 't3.withheld.threeSecurity.business' },
          { cell: 't3.withheld.threeSecurity.research' },
          { cell: 't3.withheld.threeSecurity.publicInterest' },
          { cell: 't3.withheld.threeSecurity.legalService' },
          { cell: 't3.withheld.threeSecurity.otherOrg' },
          { cell: 't3.withheld.threeSecurity.total' }
        ],
        [
          { row: 'withheld.thirdParty', role: 'rowLabel' },
          { cell: 't3.withheld.thirdParty.natural' },
          { cell: 't3.withheld.thirdParty.business' },
          { cell: 't3.withheld.thirdParty.research' },
          { cell: 't3.withheld.thirdParty.publicInterest' },
          { cell: 't3.withheld.thirdParty.legalService' },
          { cell: 't3.withheld.thirdParty.otherOrg' },
          { cell: 't3.withheld.thirdParty.total' }
        ],
        [
          { row: 'withheld.internalAffairs', role: 'rowLabel' },
          { cell: 't3.withheld.internalAffairs.natural' },
          { cell: 't3.withheld.internalAffairs.business' },
          { cell: 't3.withheld.internalAffairs.research' },
          { cell: 't3.withheld.internalAffairs.publicInterest' },
          { cell: 't3.withheld.internalAffairs.legalService' },
          { cell: 't3.withheld.internalAffairs.otherOrg' },
          { cell: 't3.withheld.internalAffairs.total' }
        ],
        [
          { row: 'withheld.processInfo', role: 'rowLabel' },
          { cell: 't3.withheld.processInfo.natural' },
          { cell: 't3.withheld.processInfo.business' },
          { cell: 't3.withheld.processInfo.research' },
          { cell: 't3.withheld.processInfo.publicInterest' },
          { cell: 't3.withheld.processInfo.legalService' },
          { cell: 't3.withheld.processInfo.otherOrg' },
          { cell: 't3.withheld.processInfo.total' }
        ],
        [
          { row: 'withheld.enforcementFile', role: 'rowLabel' },
          { cell: 't3.withheld.enforcementFile.natural' },
          { cell: 't3.withheld.enforcementFile.business' },
          { cell: 't3.withheld.enforcementFile.research' },
          { cell: 't3.withheld.enforcementFile.publicInterest' },
          { cell: 't3.withheld.enforcementFile.legalService' },
          { cell: 't3.withheld.enforcementFile.otherOrg' },
          { cell: 't3.withheld.enforcementFile.total' }
        ],
        [
          { row: 'withheld.adminQuery', role: 'rowLabel' },
          { cell: 't3.withheld.adminQuery.natural' },
          { cell: 't3.withheld.adminQuery.business' },
          { cell: 't3.withheld.adminQuery.research' },
          { cell: 't3.withheld.adminQuery.publicInterest' },
          { cell: 't3.withheld.adminQuery.legalService' },
          { cell: 't3.withheld.adminQuery.otherOrg' },
          { cell: 't3.withheld.adminQuery.total' }
        ],
        [
          { group: 'unable', rowSpan: 3, role: 'rowLabel' },
          { row: 'unable.notHeld', role: 'rowLabel' },
          { cell: 't3.unable.notHeld.natural' },
          { cell: 't3.unable.notHeld.business' },
          { cell: 't3.unable.notHeld.research' },
          { cell: 't3.unable.notHeld.publicInterest' },
          { cell: 't3.unable.notHeld.legalService' },
          { cell: 't3.unable.notHeld.otherOrg' },
          { cell: 't3.unable.notHeld.total' }
        ],
        [
          { row: 'unable.needsCreation', role: 'rowLabel' },
          { cell: 't3.unable.needsCreation.natural' },
          { cell: 't3.unable.needsCreation.business' },
          { cell: 't3.unable.needsCreation.research' },
          { cell: 't3.unable.needsCreation.publicInterest' },
          { cell: 't3.unable.needsCreation.legalService' },
          { cell: 't3.unable.needsCreation.otherOrg' },
          { cell: 't3.unable.needsCreation.total' }
        ],
        [
          { row: 'unable.unclear', role: 'rowLabel' },
          { cell: 't3.unable.unclear.natural' },
          { cell: 't3.unable.unclear.business' },
          { cell: 't3.unable.unclear.research' },
          { cell: 't3.unable.unclear.publicInterest' },
          { cell: 't3.unable.unclear.legalService' },
          { cell: 't3.unable.unclear.otherOrg' },
          { cell: 't3.unable.unclear.total' }
        ],
        [
          { group: 'declined', rowSpan: 5, role: 'rowLabel' },
          { row: 'declined.complaint', role: 'rowLabel' },
          { cell: 't3.declined.complaint.natural' },
          { cell: 't3.declined.complaint.business' },
          { cell: 't3.declined.complaint.research' },
          { cell: 't3.declined.complaint.publicInterest' },
          { cell: 't3.declined.complaint.legalService' },
          { cell: 't3.declined.complaint.otherOrg' },
          { cell: 't3.declined.complaint.total' }
        ],
        [
          { row: 'declined.repeated', role: 'rowLabel' },
          { cell: 't3.declined.repeated.natural' },
          { cell: 't3.declined.repeated.business' },
          { cell: 't3.declined.repeated.research' },
          { cell: 't3.declined.repeated.publicInterest' },
          { cell: 't3.declined.repeated.legalService' },
          { cell: 't3.declined.repeated.otherOrg' },
          { cell: 't3.declined.repeated.total' }
        ],
        [
          { row: 'declined.publication', role: 'rowLabel' },
          { cell: 't3.declined.publication.natural' },
          { cell: 't3.declined.publication.business' },
          { cell: 't3.declined.publication.research' },
          { cell: 't3.declined.publication.publicInterest' },
          { cell: 't3.declined.publication.legalService' },
          { cell: 't3.declined.publication.otherOrg' },
          { cell: 't3.declined.publication.total' }
        ],
        [
          { row: 'declined.excessive', role: 'rowLabel' },
          { cell: 't3.declined.excessive.natural' },
          { cell: 't3.declined.excessive.business' },
          { cell: 't3.declined.excessive.research' },
          { cell: 't3.declined.excessive.publicInterest' },
          { cell: 't3.declined.excessive.legalService' },
          { cell: 't3.declined.excessive.otherOrg' },
          { cell: 't3.declined.excessive.total' }
        ],
        [
          { row: 'declined.confirmation', role: 'rowLabel' },
          { cell: 't3.declined.confirmation.natural' },
          { cell: 't3.declined.confirmation.business' },
          { cell: 't3.declined.confirmation.research' },
          { cell: 't3.declined.confirmation.publicInterest' },
          { cell: 't3.declined.confirmation.legalService' },
          { cell: 't3.declined.confirmation.otherOrg' },
          { cell: 't3.declined.confirmation.total' }
        ],
        [
          { group: 'otherHandling', rowSpan: 3, role: 'rowLabel' },
          { row: 'otherHandling.noCorrection', role: 'rowLabel' },
          { cell: 't3.otherHandling.noCorrection.natural' },
          { cell: 't3.otherHandling.noCorrection.business' },
          { cell: 't3.otherHandling.noCorrection.research' },
          { cell: 't3.otherHandling.noCorrection.publicInterest' },
          { cell: 't3.otherHandling.noCorrection.legalService' },
          { cell: 't3.otherHandling.noCorrection.otherOrg' },
          { cell: 't3.otherHandling.noCorrection.total' }
        ],
        [
          { row: 'otherHandling.unpaidFee', role: 'rowLabel' },
          { cell: 't3.otherHandling.unpaidFee.natural' },
          { cell: 't3.otherHandling.unpaidFee.business' },
          { cell: 't3.otherHandling.unpaidFee.research' },
          { cell: 't3.otherHandling.unpaidFee.publicInterest' },
          { cell: 't3.otherHandling.unpaidFee.legalService' },
          { cell: 't3.otherHandling.unpaidFee.otherOrg' },
          { cell: 't3.otherHandling.unpaidFee.total' }
        ],
        [
          { row: 'otherHandling.misc', role: 'rowLabel' },
          { cell: 't3.otherHandling.misc.natural' },
          { cell: 't3.otherHandling.misc.business' },
          { cell: 't3.otherHandling.misc.research' },
          { cell: 't3.otherHandling.misc.publicInterest' },
          { cell: 't3.otherHandling.misc.legalService' },
          { cell: 't3.otherHandling.misc.otherOrg' },
          { cell: 't3.otherHandling.misc.total' }
        ],
        [
          { row: 'total', colSpan: 2, role: 'rowLabel' },
          { cell: 't3.total.natural' },
          { cell: 't3.total.business' },
          { cell: 't3.total.research' },
          { cell: 't3.total.publicInterest' },
          { cell: 't3.total.legalService' },
          { cell: 't3.total.otherOrg' },
          { cell: 't3.total.total' }
        ],
        [
          { row: 'carriedOut', colSpan: 3, role: 'rowLabel' },
          { cell: 't3.carriedOut.natural' },
          { cell: 't3.carriedOut.business' },
          { cell: 't3.carriedOut.research' },
          { cell: 't3.carriedOut.publicInterest' },
          { cell: 't3.carriedOut.legalService' },
          { cell: 't3.carriedOut.otherOrg' },
          { cell: 't3.carriedOut.total' }
        ]
      ]
    }
  },
  {
    id: 't4',
    number: '四',
    section: 'appeals',
    columns: [
      { id: 'upheld', label: '结果维持' },
      { id: 'corrected', label: '结果纠正' },
      { id: 'other', label: '其他结果' },
      { id: 'pending', label: '尚未审结' },
      { id: 'total', label: '总计' }
    ],
    rows: [
      { id: 'reconsideration', label: '行政复议', columns: ['upheld', 'corrected', 'other', 'pending', 'total'] },
      {
        id: 'litigationDirect',
        label: '未经复议直接起诉',
        columns: ['upheld', 'corrected', 'other', 'pending', 'total'],
        parent: 'litigation'
      },
      {
        id: 'litigationAfterReconsideration',
        label: '复议后起诉',
        columns: ['upheld', 'corrected', 'other', 'pending', 'total'],
        parent: 'litigation'
      }
    ],
    relations: [
      {
        rule: 't4.groupTotal',
        each: 'row',
        total: 'total',
        addends: ['upheld', 'corrected', 'other', 'pending'],
        addendsLabel: '结果维持、结果纠正、其他结果、尚未审结之和'
      }
    ],
    layout: {
      columnWidths: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      header: [
        [{ row: 'reconsideration', colSpan: 5, role: 'header' }, { group: 'litigation', colSpan: 10, role: 'header' }],
        [
          { column: 'upheld', rowSpan: 2, role: 'header' },
          { column: 'corrected', rowSpan: 2, role: 'header' },
          { column: 'other', rowSpan: 2, role: 'header' },
          { column: 'pending', rowSpan: 2, role: 'header' },
          { column: 'total', rowSpan: 2, role: 'header' },
          { row: 'litigationDirect', colSpan: 5, role: 'header' },
          { row: 'litigationAfterReconsideration', colSpan: 5, role: 'header' }
        ],
        [
          { column: 'upheld', role: 'header' },
          { column: 'corrected', role: 'header' },
          { column: 'other', role: 'header' },
          { column: 'pending', role: 'header' },
          { column: 'total', role: 'header' },
          { column: 'upheld', role: 'header' },
          { column: 'corrected', role: 'header' },
          { column: 'other', role: 'header' },
          { column: 'pending', role: 'header' },
          { column: 'total', role: 'header' }
        ]
      ],
      body: [
        [
          { cell: 't4.reconsideration.upheld' },
          { cell: 't4.reconsideration.corrected' },
          { cell: 't4.reconsideration.other' },
          { cell: 't4.reconsideration.pending' },
          { cell: 't4.reconsideration.total' },
          { cell: 't4.litigationDirect.upheld' },
          { cell: 't4.litigationDirect.corrected' },
          { cell: 't4.litigationDirect.other' },
          { cell: 't4.litigationDirect.pending' },
          { cell: 't4.litigationDirect.total' },
          { cell: 't4.litigationAfterReconsideration.upheld' },
          { cell: 't4.litigationAfterReconsideration.corrected' },
          { cell: 't4.litigationAfterReconsideration.other' },
          { cell: 't4.litigationAfterReconsideration.pending' },
          { cell: 't4.litigationAfterReconsideration.total' }
        ]
      ]
    },
    rowGroups: [{ id: 'litigation', label: '行政诉讼', labelPattern: '{group}·{row}', shortLabelPattern: '{group}（{row}）' }]
  }
] as const satisfies readonly TableSource[];
