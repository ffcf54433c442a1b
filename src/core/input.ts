// Turning what a person typed into a cell value. Shared by the form and the importers so that
// "１２", "1,234" and "12.5" mean the same everywhere. Never rounds or coerces: anything that is
// not exactly a valid value comes back as an error with a Chinese message.
import { GOV_2021 } from './template.ts';

export type CellValueKind = 'count' | 'money';

/** The unit money is counted in, as the template's fee column gives it (万元). */
const MONEY_UNIT = GOV_2021.tables.flatMap((t) => t.columns).find((c) => c.value === 'money')?.unit;
const IN_UNIT = MONEY_UNIT ? `（单位：${MONEY_UNIT}）` : '';

export type ParsedInput = { ok: true; value: number | null } | { ok: false; message: string };

/** Decimal places allowed in a fee (万元): 1 元 = 0.0001 万元. */
export const MONEY_DECIMALS = 4;

const FULL_WIDTH = /[０-９．，－＋]/g;

/** Full-width digits and punctuation to ASCII; trims ordinary and ideographic spaces. */
export function normalizeDigits(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

export function parseCellInput(text: string, kind: CellValueKind): ParsedInput {
  const t = normalizeDigits(text);
  if (t === '') return { ok: true, value: null };
  // Thousands separators only in their proper places (1,234,567).
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (kind === 'count') {
    if (/^-\s*\d/.test(plain)) return { ok: false, message: '件数不能为负数' };
    if (/^\d+\.\d+$/.test(plain)) return { ok: false, message: '件数应为整数，不能有小数' };
    if (!/^\d+$/.test(plain)) return { ok: false, message: '请输入非负整数（件数）' };
    const value = Number(plain);
    if (!Number.isSafeInteger(value)) return { ok: false, message: '数字过大，请核对' };
    return { ok: true, value };
  }
  if (/^-\s*\d/.test(plain)) return { ok: false, message: '金额不能为负数' };
  if (!/^\d+(\.\d+)?$/.test(plain)) return { ok: false, message: `请输入金额${IN_UNIT}，如 1.25` };
  const decimals = plain.split('.')[1]?.length ?? 0;
  if (decimals > MONEY_DECIMALS) return { ok: false, message: `金额最多保留${MONEY_DECIMALS}位小数${IN_UNIT}` };
  const value = Number(plain);
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return { ok: false, message: '数字过大，请核对' };
  return { ok: true, value };
}

/** Why a stored number is not a valid value of its kind, or null when it is. */
export function invalidValueReason(value: number, kind: CellValueKind): string | null {
  if (!Number.isFinite(value)) return '不是有效数字';
  if (value < 0) return kind === 'count' ? '件数不能为负数' : '金额不能为负数';
  if (kind === 'count') {
    if (!Number.isInteger(value)) return '件数应为整数，不能有小数';
    if (!Number.isSafeInteger(value)) return '数字过大，请核对';
    return null;
  }
  if (value > Number.MAX_SAFE_INTEGER) return '数字过大，请核对';
  if (decimalPlaces(value) > MONEY_DECIMALS) return `金额最多保留${MONEY_DECIMALS}位小数${IN_UNIT}`;
  return null;
}

function decimalPlaces(value: number): number {
  const s = String(value);
  if (s.includes('e-')) return Number(s.split('e-')[1]) + (s.split('e')[0]!.split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/**
 * A value as the editor shows it (in its input, the 上年 hint, a diff): empty when there is none, else
 * the number as JavaScript writes it. Reports are printed by the renderers' `cellDisplayText`.
 */
export function formatCellValue(value: number | null): string {
  if (value === null) return '';
  return String(value);
}
