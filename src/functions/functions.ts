// The ZG.* custom functions (DESIGN.md §7), the webpack entry whose JSDoc custom-functions-metadata
// reads to write functions.json: JSDoc here is the English metadata, metadata.ts derives the
// Chinese file and the help pages. Each function is a thin adapter over zg.ts: a LedgerError for
// the whole call is thrown as a CustomFunctions.Error; per-row errors are already error cells.
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { isLedgerError, type LedgerError } from '../ledger/errors';
import { customFunctionsRuntime, toExcelError } from './context';
import * as zg from './zg';

function valueOrThrow<T>(answer: T | LedgerError): T {
  if (isLedgerError(answer)) throw toExcelError(answer);
  return answer;
}

/**
 * Completion rate: statuses done ÷ non-blank statuses (整改完成率 / 整改到位率). Only 已完成 counts as done.
 * @customfunction COMPLETIONRATE COMPLETIONRATE
 * @helpurl https://localhost:3000/help/completionrate.html
 * @param statuses Status cells (整改状态): a column or range, any phrasing; blanks are skipped.
 * @param [digits] Decimals of the percentage, rounded half-up (2 gives 0.9871 for 98.71%). Omitted: not rounded.
 * @param [countBasic] TRUE to count 基本完成 as done. Default FALSE.
 * @returns The rate as a fraction from 0 to 1.
 */
export function completionRate(statuses: any[][], digits?: any, countBasic?: any): number {
  return valueOrThrow(zg.completionRate(statuses, digits, countBasic));
}

/**
 * Days from the as-of date to each deadline; negative when overdue. Text deadlines such as 2022年12月底前 are read.
 * @customfunction DAYSLEFT DAYSLEFT
 * @helpurl https://localhost:3000/help/daysleft.html
 * @volatile
 * @param deadlines Deadline cells (截止日期 or 整改时限): dates or deadline text; a range spills one answer per row.
 * @param [asOf] As-of date. Default today.
 * @param [workdays] TRUE to count Chinese working days (holidays and 调休 included). Default FALSE: calendar days.
 * @returns Days left per deadline.
 */
export function daysLeft(deadlines: any[][], asOf?: any, workdays?: any): any[][] {
  return valueOrThrow(zg.daysLeft(deadlines, asOf, workdays));
}

/**
 * Share of items flagged long-term (长期坚持占比): 是/Y/TRUE/✓, or text that says 长期坚持.
 * @customfunction LONGTERMSHARE LONGTERMSHARE
 * @helpurl https://localhost:3000/help/longtermshare.html
 * @param flags Long-term flags (长期坚持): 是/否, Y/N, TRUE/FALSE, ✓, or status/deadline text; blanks are skipped.
 * @param [digits] Decimals of the percentage, rounded half-up. Omitted: not rounded.
 * @returns The share as a fraction from 0 to 1.
 */
export function longTermShare(flags: any[][], digits?: any): number {
  return valueOrThrow(zg.longTermShare(flags, digits));
}

/**
 * Number of items not done whose deadline is before the as-of date (逾期数).
 * @customfunction OVERDUE OVERDUE
 * @helpurl https://localhost:3000/help/overdue.html
 * @volatile
 * @param deadlines Deadline cells (截止日期 or 整改时限), row by row with the statuses.
 * @param statuses Status cells (整改状态), the same rows.
 * @param [asOf] As-of date. Default today.
 * @returns The number of overdue items.
 */
export function overdue(deadlines: any[][], statuses: any[][], asOf?: any): number {
  return valueOrThrow(zg.overdue(deadlines, statuses, asOf));
}

/**
 * On-time rate (按期完成率): items done by their deadline ÷ items whose deadline has come.
 * @customfunction ONTIMERATE ONTIMERATE
 * @helpurl https://localhost:3000/help/ontimerate.html
 * @volatile
 * @param deadlines Deadline cells (截止日期 or 整改时限).
 * @param doneDates Completion dates (完成日期), the same rows.
 * @param statuses Status cells (整改状态), the same rows.
 * @param [asOf] As-of date. Default today.
 * @param [digits] Decimals of the percentage, rounded half-up. Omitted: not rounded.
 * @returns The rate as a fraction from 0 to 1.
 */
export function onTimeRate(deadlines: any[][], doneDates: any[][], statuses: any[][], asOf?: any, digits?: any): number {
  return valueOrThrow(zg.onTimeRate(deadlines, doneDates, statuses, asOf, digits));
}

/**
 * Warning light per item (预警灯): 蓝 done, 灰 long-term without a date, 红 overdue, 黄 due soon, 绿 on track.
 * @customfunction LIGHT LIGHT
 * @helpurl https://localhost:3000/help/light.html
 * @volatile
 * @param deadlines Deadline cells (截止日期 or 整改时限); a range spills one light per row.
 * @param statuses Status cells (整改状态), the same rows.
 * @param [longTerm] Long-term flags (长期坚持), the same rows or one cell for all.
 * @param [asOf] As-of date. Default today.
 * @param [warnDays] Due within this many days is 黄. Default 7 calendar days, or 3 working days.
 * @param [workdays] TRUE to count Chinese working days. Default FALSE.
 * @returns 蓝, 灰, 红, 黄 or 绿 per row.
 */
export function light(deadlines: any[][], statuses: any[][], longTerm?: any[][], asOf?: any, warnDays?: any, workdays?: any): any[][] {
  return valueOrThrow(zg.light(deadlines, statuses, longTerm, asOf, warnDays, workdays));
}

/**
 * Reads a deadline phrase (整改时限) such as 2022年12月底前 or 3个月内 and returns its date.
 * @customfunction DEADLINE DEADLINE
 * @helpurl https://localhost:3000/help/deadline.html
 * @volatile
 * @param text Deadline text (整改时限) or dates; a range spills one date per row.
 * @param [ref] Reference date (反馈日期) for phrases without a year and for N个月内. Default today.
 * @returns The deadline as an Excel date.
 */
export function deadline(text: any[][], ref?: any): any[][] {
  return valueOrThrow(zg.deadline(text, ref));
}

/**
 * Canonical status (规范状态) of any status phrase: 未启动, 正在推进, 部分完成, 基本完成, 已完成, or 未标注.
 * @customfunction STATUS STATUS
 * @helpurl https://localhost:3000/help/status.html
 * @param text Status text in any phrasing; a range spills one status per row.
 * @returns The canonical status per row.
 */
export function status(text: any[][]): any[][] {
  return zg.status(text);
}

/**
 * The summary sentence of a rectification report (整改概况) from a ledger table with its header row.
 * @customfunction SUMMARY SUMMARY
 * @helpurl https://localhost:3000/help/summary.html
 * @volatile
 * @param table The table with its header row, such as ZG_Measures[#All].
 * @returns The summary sentence.
 */
export function summary(table: any[][]): string {
  return valueOrThrow(zg.summary(table));
}

/** Every custom function by its id (the ids of functions.json and functions.zh-cn.json). */
export const CUSTOM_FUNCTIONS = {
  COMPLETIONRATE: completionRate,
  DAYSLEFT: daysLeft,
  LONGTERMSHARE: longTermShare,
  OVERDUE: overdue,
  ONTIMERATE: onTimeRate,
  LIGHT: light,
  DEADLINE: deadline,
  STATUS: status,
  SUMMARY: summary,
} as const;

/** Registers every function with Excel when this runs in the shared runtime (a no-op elsewhere). */
export function associateCustomFunctions(): boolean {
  const runtime = customFunctionsRuntime();
  if (!runtime) return false;
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) runtime.associate(id, fn as (...args: never[]) => unknown);
  return true;
}

associateCustomFunctions();
