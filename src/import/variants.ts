// Every real-world deviation from the template's wording the importer knows about, in one place
// (docs/format.md §7 and §9). Label knowledge itself comes from templates/gov-2021; this table
// only says how published reports deviate from it.

/** Traditional → simplified, for the characters of the template's labels and section headings. */
const TRADITIONAL =
  '請请 結结 轉转 總总 計计 萬万 處处 開开 數数 機机 關关 構构 業业 與与 會会 體体 織织 務务 議议 訴诉 複复 維维 糾纠 審审 實实 現现 廢废 發发 規规 範范 許许 強强 罰罚 費费 類类 內内 過过 執执 檔档 詢询 項项 舉举 報报 題题 況况 進进 員员 門门 問问 網网 絡络 對对 於于 為为 辦办 點点 達达 產产 權权 險险 穩稳 護护 屬属 國国 軟软 條条 號号 導导 領领 區区 縣县 書书 據据 繼继 續续 補补 確确 認认 獲获 復复 個个 當当 擬拟 應应 將将 說说 訊讯 製制 營营 組组 經经 證证 濟济 種种 勢势 寫写 決决 訂订 頒颁 佈布 級级 場场 財财 稅税 質质 準准 劃划 標标 鎮镇 鄉乡 沒没 訪访 無无 繳缴 納纳 額额 單单 資资 規规 動动 態态 廣广 眾众 邊边 歷历 傳传 聯联 繫系 務务 談谈';

export const TRADITIONAL_MAP: ReadonlyMap<string, string> = new Map(TRADITIONAL.split(' ').map((pair) => [pair[0]!, pair[1]!]));

/** Misspellings seen in published tables, with the template's wording. Applied after whitespace is removed. */
export const LABEL_TYPOS: readonly (readonly [RegExp, string])[] = [
  [/商业机构/g, '商业企业'],
  [/本年接收/g, '本年新收'],
  [/不在处理/g, '不再处理'],
  [/只计这一情况/g, '只计这一情形'],
  [/三类内容事务/g, '三类内部事务'],
  [/其他法律行政止公开/g, '其他法律行政法规禁止公开'],
  [/本年度?办结果/g, '本年度办理结果'],
  [/本年制发件(?!数)/g, '本年制发件数'],
  [/本年废止件(?!数)/g, '本年废止件数'],
];

/** Cell texts that mean "nothing printed here" (docs/format.md §3: blank, "/", dashes). */
export const EMPTY_MARKS = /^(?:[/／\\]|[-－—–]+|无)$/;

/** Page footers printed inside tables by PDF and Word exports: "-3-", "— 3 —", "第3页". */
export const PAGE_FOOTER = /^[-—–－]\s*\d{1,3}\s*[-—–－]$|^第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d{1,3}\s*页?)?$/;

/**
 * Words that identify each section heading beyond its numeral, for headings that deviate from the
 * template's title (e.g. "四、申请行政复议、提起行政诉讼情况").
 */
export const SECTION_KEYWORDS: Record<string, RegExp> = {
  overview: /总体情况|总体/,
  proactive: /主动公开/,
  requests: /申请/,
  appeals: /行政复议|行政诉讼/,
  problems: /问题|改进/,
  other: /其他|事项/,
};

/**
 * Fuller wording of each section's title, for headings numbered differently from the template: reports
 * that put prose sections with their own numbering first and number the table headings 一、二、三 again.
 */
export const SECTION_TITLES_RENUMBERED: Record<string, RegExp> = {
  proactive: /主动公开政府信息情况/,
  requests: /收到和处理政府信息公开申请情况/,
  appeals: /政府信息公开行政复议[、和及]?行政诉讼情况/,
  problems: /存在的主要问题及改进情况/,
  other: /其他需要报告的事项/,
};

/** Words that identify the parts of 一、总体情况 when they are numbered differently from the template. */
export const OVERVIEW_PART_KEYWORDS: Record<string, RegExp> = {
  proactive: /主动公开/,
  onRequest: /依申请/,
  management: /信息管理|政府信息管理/,
  platform: /平台/,
  oversight: /监督|保障|考核/,
};
