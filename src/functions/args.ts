// Coercion of the scalar arguments of the ZG.* functions: what people type in a formula or have in
// a cell (omitted → null, text numbers, 是/否, dates as serials or text) into what the core takes,
// or a LedgerError naming the argument. Pure: no Office.
import { ledgerError, messageLocale, type LedgerError } from '../ledger/errors';
import { parseFlag } from '../ledger/status';
import { asGrid, isValidDigits, type CellGrid } from '../ledger/stats';
import { deadlineCodeOfValue, isDateCode } from '../ledger/stats/deadline-codes';
import { cellText } from '../ledger/stats/labels';
import { epochDayToIso } from '../ledger/dates';

/** Argument names as users see them in messages: Chinese, or English in an English Excel. */
const ARGUMENT_NAMES = {
  statuses: { 'zh-CN': '整改状态', en: 'statuses' },
  digits: { 'zh-CN': '小数位数', en: 'digits' },
  countBasic: { 'zh-CN': '计入基本完成', en: 'countBasic' },
  deadlines: { 'zh-CN': '截止日期', en: 'deadlines' },
  asOf: { 'zh-CN': '统计截止日期', en: 'asOf' },
  workdays: { 'zh-CN': '按工作日', en: 'workdays' },
  flags: { 'zh-CN': '长期坚持标记', en: 'flags' },
  doneDates: { 'zh-CN': '完成日期', en: 'doneDates' },
  longTerm: { 'zh-CN': '长期坚持', en: 'longTerm' },
  warnDays: { 'zh-CN': '预警天数', en: 'warnDays' },
  text: { 'zh-CN': '整改时限', en: 'text' },
  statusText: { 'zh-CN': '状态文字', en: 'text' },
  ref: { 'zh-CN': '参照日期', en: 'ref' },
  table: { 'zh-CN': '台账表格', en: 'table' },
} as const;

export type ArgumentKey = keyof typeof ARGUMENT_NAMES;

export function argumentName(key: ArgumentKey): string {
  return ARGUMENT_NAMES[key][messageLocale()];
}

/** An omitted optional argument: null (Excel), undefined (JS callers) or an empty cell. */
export function isOmitted(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0 || (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && isOmitted(value[0][0]));
  return false;
}

/** A single cell passed where one value is expected: [[v]] → v. */
function single(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  return value;
}

function textOf(value: unknown): string {
  return cellText(value);
}

/** A range argument as a block: a single value becomes 1×1. */
export function rangeArg(value: unknown): CellGrid {
  return asGrid(value);
}

/** [digits]: omitted → null (no rounding); a whole number 0–10, also as text ("2"). */
export function digitsArg(value: unknown): number | null | LedgerError {
  const v = single(value);
  if (isOmitted(v)) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return isValidDigits(n) ? n : ledgerError('badDigits', argumentName('digits'), textOf(v));
}

/** A yes/no option: omitted → `fallback`; TRUE/FALSE, 1/0, 是/否, Y/N, ✓. */
export function flagArg(value: unknown, key: ArgumentKey, fallback = false): boolean | LedgerError {
  const v = single(value);
  if (isOmitted(v)) return fallback;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v !== 0;
  if (typeof v === 'string') {
    const flag = parseFlag(v);
    if (flag !== null) return flag;
  }
  return ledgerError('badFlag', argumentName(key), textOf(v));
}

/** A date argument (asOf, ref): omitted → today; an Excel date, or text such as 2024-03-15 / 2024年3月15日. */
export function dateArg(value: unknown, key: ArgumentKey, today: number): number | LedgerError {
  const v = single(value);
  if (isOmitted(v)) return today;
  if (typeof v === 'number' || typeof v === 'string') {
    const code = deadlineCodeOfValue(v, epochDayToIso(today));
    if (isDateCode(code)) return code;
  }
  return ledgerError('badDate', argumentName(key), textOf(v));
}

/** [warnDays]: omitted → null (the default of the unit); a number ≥ 0, also as text. */
export function warnDaysArg(value: unknown): number | null | LedgerError {
  const v = single(value);
  if (isOmitted(v)) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : ledgerError('badNumber', argumentName('warnDays'), textOf(v));
}
