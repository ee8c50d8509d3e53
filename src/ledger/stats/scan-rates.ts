// Rates and counts over raw cell blocks (DESIGN.md §7), the hot path of the ZG.* functions: one
// pass, in place, numbers only. Blank cells are skipped (a whole column can be passed); an error
// value inside a range is reported with its position, never counted; an empty range gives #DIV/0!.
import { ledgerError, type LedgerError } from '../errors';
import { gridWidth, type CellGrid } from './cells';
import { errorCode } from './cells';
import {
  CODE_BLANK,
  CODE_NOT_A_STATUS,
  FLAG_BLANK,
  FLAG_INVALID,
  FLAG_YES,
  FlagCodeCache,
  isDoneCode,
  StatusCodeCache,
  STATUS_MASK,
} from './status-codes';
import { DeadlineCodeCache, DL_BLANK, DL_INVALID, DL_NONE, DL_NOT_A_DATE, DL_OUT_OF_RANGE, isDateCode, LAST_SERIAL } from './deadline-codes';
import { EXCEL_EPOCH_OFFSET } from '../dates';
import { cellText, DEFAULT_ARGUMENTS, itemLabel } from './labels';
import { pairedSize } from './pairs';
import { rateOrError } from './rate';

// Local copies of the imported codes and helpers used per cell: transpiled to CommonJS (tsx, jest)
// every use of an imported binding is a getter call, which would cost more than the cell's work.
const MASK = STATUS_MASK;
const S_BLANK = CODE_BLANK;
const S_NOT_A_STATUS = CODE_NOT_A_STATUS;
const F_BLANK = FLAG_BLANK;
const F_INVALID = FLAG_INVALID;
const F_YES = FLAG_YES;
const D_BLANK = DL_BLANK;
const isDone = isDoneCode;
const isDate = isDateCode;
const EPOCH = EXCEL_EPOCH_OFFSET;
/** One past the serial of 9999-12-31. */
const SERIAL_END = LAST_SERIAL + 1;
const DONE_TEXT = '已完成';
const YES_TEXT = '是';
const NO_TEXT = '否';

export type RateOptions = { digits?: number | null };
export type CompletionOptions = RateOptions & { countBasic?: boolean; argument?: string };

/** A status cell that can be no status: an error value, or a number (TRUE/FALSE and any text are statuses). */
function badStatusCell(value: unknown, argument: string, item: number): LedgerError | null {
  if (typeof value === 'object' && value !== null) return errorInRange(argument, item, value);
  if (typeof value === 'number') return ledgerError('badStatus', itemLabel(argument, item), cellText(value));
  return null;
}

function errorInRange(argument: string, item: number, value: unknown): LedgerError {
  return ledgerError('errorInRange', argument, item, errorCode(value) ?? '#VALUE!');
}

/** done ÷ non-blank status cells (整改完成率 / 整改到位率). 未标注 and unknown text count as not done. */
export function completionRateOfCells(statuses: CellGrid, options: CompletionOptions = {}): number | LedgerError {
  const argument = options.argument ?? DEFAULT_ARGUMENTS.statuses;
  const countBasic = options.countBasic ?? false;
  const cache = new StatusCodeCache();
  const width = gridWidth(statuses);
  let total = 0;
  let done = 0;
  const size = statuses.length * width;
  // One flat loop over the cells (row-major): measurably faster than nested row/column loops. The
  // cell is read inline rather than through cellAt so that each loop keeps its own type feedback.
  for (let i = 0; i < size; i++) {
    const value = (width === 1 ? statuses[i][0] : statuses[(i / width) | 0][i % width]);
    // 已完成, the commonest value of a ledger being worked off, costs one comparison.
    if (value === DONE_TEXT) {
      total++;
      done++;
      continue;
    }
    // So do the stored values that are never done (基本完成 depends on countBasic).
    if (value === '正在推进' || value === '部分完成' || value === '未启动') {
      total++;
      continue;
    }
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value === 'object') return errorInRange(argument, i + 1, value);
    const code = cache.codeOf(value);
    const status = code & MASK;
    if (status === S_BLANK) continue;
    if (status === S_NOT_A_STATUS) return ledgerError('badStatus', itemLabel(argument, i + 1), cellText(value));
    total++;
    if (isDone(code, countBasic)) done++;
  }
  return rateOrError(done, total, options.digits ?? null, argument);
}

/** flagged ÷ non-blank flag cells (长期坚持占比): 是/Y/TRUE/✓/1 or text that says 长期坚持. */
export function longTermShareOfCells(flags: CellGrid, options: RateOptions & { argument?: string } = {}): number | LedgerError {
  const argument = options.argument ?? DEFAULT_ARGUMENTS.flags;
  const cache = new FlagCodeCache();
  const width = gridWidth(flags);
  let total = 0;
  let flagged = 0;
  const size = flags.length * width;
  for (let i = 0; i < size; i++) {
    const value = (width === 1 ? flags[i][0] : flags[(i / width) | 0][i % width]);
    // The two values of the ledger's 是/否 list cost one comparison each.
    if (value === YES_TEXT) {
      total++;
      flagged++;
      continue;
    }
    if (value === NO_TEXT) {
      total++;
      continue;
    }
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value === 'object') return errorInRange(argument, i + 1, value);
    const code = cache.codeOf(value);
    if (code === F_BLANK) continue;
    if (code === F_INVALID) return ledgerError('badFlag', itemLabel(argument, i + 1), cellText(value));
    total++;
    if (code === F_YES) flagged++;
  }
  return rateOrError(flagged, total, options.digits ?? null, argument);
}

/** 已销号 ÷ non-blank 销号状态 cells (销号率, 咸宁 453/471 = 96.18%). */
export function closeRateOfCells(closeStates: CellGrid, options: RateOptions & { argument?: string } = {}): number | LedgerError {
  const argument = options.argument ?? DEFAULT_ARGUMENTS.closeStates;
  const width = gridWidth(closeStates);
  let total = 0;
  let closed = 0;
  const size = closeStates.length * width;
  for (let i = 0; i < size; i++) {
    const value = (width === 1 ? closeStates[i][0] : closeStates[(i / width) | 0][i % width]);
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value === 'object') return errorInRange(argument, i + 1, value);
    if (typeof value === 'string') {
      if (value === '已销号') {
        total++;
        closed++;
        continue;
      }
      const trimmed = value.trim();
      if (trimmed === '') continue;
      if (trimmed === '已销号') closed++;
    }
    total++;
  }
  return rateOrError(closed, total, options.digits ?? null, argument);
}

/** The message for a deadline cell that is not a date (null for dates and skippable codes). */
export function deadlineCodeError(code: number, argument: string, item: number, value: unknown): LedgerError | null {
  if (code === DL_INVALID || code === DL_NOT_A_DATE) return ledgerError('badDeadline', itemLabel(argument, item), cellText(value));
  if (code === DL_NONE) return ledgerError('notADeadline', itemLabel(argument, item), cellText(value));
  if (code === DL_OUT_OF_RANGE) return ledgerError('yearOutOfRange', itemLabel(argument, item), cellText(value));
  return null;
}

export type OverdueOptions = {
  /** The as-of date as an epoch day (also the reference for deadlines written without a year). */
  asOf: number;
  countBasic?: boolean;
  deadlinesArgument?: string;
  statusesArgument?: string;
};

/**
 * 逾期数: rows not done whose deadline is before the as-of date. Rows without a date (blank,
 * 长期坚持, 尽快) are not overdue; a deadline that cannot be read is an error, not a guess.
 */
export function overdueOfCells(deadlines: CellGrid, statuses: CellGrid, options: OverdueOptions): number | LedgerError {
  const dArg = options.deadlinesArgument ?? DEFAULT_ARGUMENTS.deadlines;
  const sArg = options.statusesArgument ?? DEFAULT_ARGUMENTS.statuses;
  const size = pairedSize(deadlines, statuses, dArg, sArg);
  if (typeof size !== 'number') return size;
  const dWidth = gridWidth(deadlines);
  const sWidth = gridWidth(statuses);
  const dCache = new DeadlineCodeCache(options.asOf);
  const sCache = new StatusCodeCache();
  const countBasic = options.countBasic ?? false;
  const asOf = options.asOf;
  const asOfSerial = asOf + EPOCH;
  let overdue = 0;
  for (let i = 0; i < size; i++) {
    const d = (dWidth === 1 ? deadlines[i][0] : deadlines[(i / dWidth) | 0][i % dWidth]);
    const s = (sWidth === 1 ? statuses[i][0] : statuses[(i / sWidth) | 0][i % sWidth]);
    const bad = badStatusCell(s, sArg, i + 1);
    if (bad) return bad;
    if (typeof d === 'number' && d >= 1 && d < SERIAL_END) {
      // An Excel date needs no lookup: floor(d) < asOfSerial exactly when d < asOfSerial.
      if (d < asOfSerial && s !== DONE_TEXT && !isDone(sCache.codeOf(s), countBasic)) overdue++;
      continue;
    }
    if (typeof d === 'object' && d !== null) return errorInRange(dArg, i + 1, d);
    const day = dCache.codeOf(d);
    if (!isDate(day)) {
      const error = day === D_BLANK ? null : deadlineCodeError(day, dArg, i + 1, d);
      if (error) return error;
      continue;
    }
    if (day < asOf && !isDone(sCache.codeOf(s), countBasic)) overdue++;
  }
  return overdue;
}

export type OnTimeOptions = OverdueOptions & RateOptions & { doneDatesArgument?: string };

/**
 * 按期完成率: rows done with 完成日期 ≤ 截止日期, over rows whose 截止日期 ≤ the as-of date. A row
 * marked done without a 完成日期 cannot be shown to be on time and is counted as not on time.
 */
export function onTimeRateOfCells(
  deadlines: CellGrid,
  doneDates: CellGrid,
  statuses: CellGrid,
  options: OnTimeOptions,
): number | LedgerError {
  const dArg = options.deadlinesArgument ?? DEFAULT_ARGUMENTS.deadlines;
  const fArg = options.doneDatesArgument ?? DEFAULT_ARGUMENTS.doneDates;
  const sArg = options.statusesArgument ?? DEFAULT_ARGUMENTS.statuses;
  const sizeDF = pairedSize(deadlines, doneDates, dArg, fArg);
  if (typeof sizeDF !== 'number') return sizeDF;
  const sizeDS = pairedSize(deadlines, statuses, dArg, sArg);
  if (typeof sizeDS !== 'number') return sizeDS;
  const size = Math.min(sizeDF, sizeDS);
  const dWidth = gridWidth(deadlines);
  const fWidth = gridWidth(doneDates);
  const sWidth = gridWidth(statuses);
  const dCache = new DeadlineCodeCache(options.asOf);
  const fCache = new DeadlineCodeCache(options.asOf);
  const sCache = new StatusCodeCache();
  const countBasic = options.countBasic ?? false;
  const asOf = options.asOf;
  const asOfSerial = asOf + EPOCH;
  let due = 0;
  let onTime = 0;
  for (let i = 0; i < size; i++) {
    const d = (dWidth === 1 ? deadlines[i][0] : deadlines[(i / dWidth) | 0][i % dWidth]);
    const f = (fWidth === 1 ? doneDates[i][0] : doneDates[(i / fWidth) | 0][i % fWidth]);
    const s = (sWidth === 1 ? statuses[i][0] : statuses[(i / sWidth) | 0][i % sWidth]);
    const bad = badStatusCell(s, sArg, i + 1);
    if (bad) return bad;
    let doneDay: number;
    if (typeof f === 'number' && f >= 1 && f < SERIAL_END) doneDay = Math.floor(f) - EPOCH;
    else if (f === '' || f === null || f === undefined) doneDay = D_BLANK;
    else {
      if (typeof f === 'object') return errorInRange(fArg, i + 1, f);
      doneDay = fCache.codeOf(f);
      if (!isDate(doneDay) && doneDay !== D_BLANK) return ledgerError('badDate', itemLabel(fArg, i + 1), cellText(f));
    }
    let day: number;
    if (typeof d === 'number' && d >= 1 && d < SERIAL_END) {
      if (d >= asOfSerial + 1) continue; // due after the as-of date
      day = Math.floor(d) - EPOCH;
    } else {
      if (typeof d === 'object' && d !== null) return errorInRange(dArg, i + 1, d);
      day = dCache.codeOf(d);
      if (!isDate(day)) {
        const error = day === D_BLANK ? null : deadlineCodeError(day, dArg, i + 1, d);
        if (error) return error;
        continue;
      }
      if (day > asOf) continue;
    }
    due++;
    if (doneDay <= day && isDate(doneDay) && (s === DONE_TEXT || isDone(sCache.codeOf(s), countBasic))) onTime++;
  }
  return rateOrError(onTime, due, options.digits ?? null, dArg);
}
