// Per-row answers over raw cell blocks: days left, the 预警 light, the deadline date and the
// canonical status of each cell, written into an output block of the input's shape so one formula
// spills a whole column. Blank rows stay blank; an error value in a row is passed through to that
// row; a row that cannot be read gets the error its message describes, made by `toError` (the
// functions turn LedgerErrors into CustomFunctions.Error, the pane keeps them as values).
import type { WorkCalendar } from '../calendar';
import { EXCEL_EPOCH_OFFSET } from '../dates';
import { ledgerError, type LedgerError } from '../errors';
import type { Light } from '../types';
import { cellAt, gridWidth, setCellAt, type CellGrid } from './cells';
import { daysUntil, DEFAULT_WARN_DAYS, openLight, type DayCounter } from './days';
import { DeadlineCodeCache, DL_BLANK, DL_LONG_TERM, DL_UNRESOLVED, isDateCode, LAST_SERIAL } from './deadline-codes';
import { cellText, DEFAULT_ARGUMENTS, itemLabel } from './labels';
import { pairedSize, isSingleCell } from './pairs';
import { deadlineCodeError } from './scan-rates';
import {
  CODE_BLANK,
  CODE_NOT_A_STATUS,
  FLAG_BLANK,
  FLAG_INVALID,
  FLAG_YES,
  FlagCodeCache,
  isDoneCode,
  LONG_TERM_BIT,
  StatusCodeCache,
  statusOfCode,
  STATUS_MASK,
} from './status-codes';

// Local copies of imported bindings used per cell (see scan-rates.ts: under CommonJS each use of
// an import is a getter call).
const EPOCH = EXCEL_EPOCH_OFFSET;
const MASK = STATUS_MASK;
const S_BLANK = CODE_BLANK;
const S_NOT_A_STATUS = CODE_NOT_A_STATUS;
const F_BLANK = FLAG_BLANK;
const F_INVALID = FLAG_INVALID;
const F_YES = FLAG_YES;
const S_LONG_TERM = LONG_TERM_BIT;
const D_BLANK = DL_BLANK;
const D_LONG_TERM = DL_LONG_TERM;
const D_UNRESOLVED = DL_UNRESOLVED;
const isDone = isDoneCode;
const isDate = isDateCode;
const cell = cellAt;
/** One past the serial of 9999-12-31. */
const SERIAL_END = LAST_SERIAL + 1;
const put = setCellAt;
const daysBetween = daysUntil;
const lightOfOpen = openLight;
const statusOf = statusOfCode;

/** Turns a LedgerError into what the output cell should hold. */
export type ErrorCellFactory = (error: LedgerError) => unknown;
/** A writable block of the input's shape (the input itself when its caller owns it). */
export type OutputGrid = unknown[][];

const keepError: ErrorCellFactory = (error) => error;

/** A fresh output block of the same shape as `grid`, filled with ''. */
export function blankLike(grid: CellGrid): OutputGrid {
  const width = gridWidth(grid);
  const out: OutputGrid = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) out[r] = new Array(width).fill('');
  return out;
}

function isErrorValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** The error for a deadline code that is not a date and not blank (long-term, unresolved, unreadable). */
function noDateError(code: number, argument: string, item: number, value: unknown): LedgerError {
  if (code === D_LONG_TERM) return ledgerError('noDeadline', itemLabel(argument, item), cellText(value));
  if (code === D_UNRESOLVED) return ledgerError('unresolvedDeadline', itemLabel(argument, item), cellText(value));
  return deadlineCodeError(code, argument, item, value) ?? ledgerError('badDeadline', itemLabel(argument, item), cellText(value));
}

export type DaysLeftOptions = {
  asOf: number;
  counter: DayCounter;
  toError?: ErrorCellFactory;
  argument?: string;
};

/** ZG.DAYSLEFT: signed days from the as-of date to each deadline (negative when overdue). */
export function daysLeftInto(out: OutputGrid, deadlines: CellGrid, options: DaysLeftOptions): OutputGrid {
  const argument = options.argument ?? DEFAULT_ARGUMENTS.deadlines;
  const toError = options.toError ?? keepError;
  const { asOf, counter } = options;
  const calendarDays = counter.unit === 'calendar';
  const cache = new DeadlineCodeCache(asOf, counter.calendar);
  const width = gridWidth(deadlines);
  const size = deadlines.length * width;
  for (let i = 0; i < size; i++) {
    const value = cell(deadlines, width, i);
    if (typeof value === 'number' && value >= 1 && value < SERIAL_END) {
      // The common case, an Excel date: no lookup at all.
      const day = Math.floor(value) - EPOCH;
      put(out, width, i, calendarDays ? day - asOf : daysBetween(counter, asOf, day));
      continue;
    }
    if (isErrorValue(value)) {
      put(out, width, i, value);
      continue;
    }
    const code = cache.codeOf(value);
    if (isDate(code)) put(out, width, i, daysBetween(counter, asOf, code));
    else if (code === D_BLANK) put(out, width, i, '');
    else put(out, width, i, toError(noDateError(code, argument, i + 1, value)));
  }
  return out;
}

export type LightOptions = {
  asOf: number;
  counter: DayCounter;
  /** Due within this many days (of the counter's unit) is 黄; default 7 calendar / 3 working days. */
  warnDays?: number | null;
  countBasic?: boolean;
  toError?: ErrorCellFactory;
  deadlinesArgument?: string;
  statusesArgument?: string;
  flagsArgument?: string;
};

/**
 * ZG.LIGHT, per row: 蓝 done · 灰 长期坚持 without a date · 红 deadline passed · 黄 due within
 * warnDays · 绿 otherwise. `flags` may be null (no 长期坚持 column), one cell for every row, or a
 * range beside the deadlines. The output has the deadlines' shape; a sizeMismatch is returned as is.
 */
export function lightInto(
  out: OutputGrid,
  deadlines: CellGrid,
  statuses: CellGrid,
  flags: CellGrid | null,
  options: LightOptions,
): OutputGrid | LedgerError {
  const dArg = options.deadlinesArgument ?? DEFAULT_ARGUMENTS.deadlines;
  const sArg = options.statusesArgument ?? DEFAULT_ARGUMENTS.statuses;
  const fArg = options.flagsArgument ?? DEFAULT_ARGUMENTS.flags;
  const toError = options.toError ?? keepError;
  const { asOf, counter } = options;
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS[counter.unit];
  const countBasic = options.countBasic ?? false;
  const statusSize = pairedSize(deadlines, statuses, dArg, sArg);
  if (typeof statusSize !== 'number') return statusSize;
  const flagsBroadcast = flags !== null && isSingleCell(flags);
  let flagSize = 0;
  if (flags !== null && !flagsBroadcast) {
    const size = pairedSize(deadlines, flags, dArg, fArg);
    if (typeof size !== 'number') return size;
    flagSize = size;
  }
  const dCache = new DeadlineCodeCache(asOf, counter.calendar);
  const sCache = new StatusCodeCache();
  const fCache = new FlagCodeCache();
  const dWidth = gridWidth(deadlines);
  const sWidth = gridWidth(statuses);
  const fWidth = flags === null ? 0 : gridWidth(flags);
  const size = deadlines.length * dWidth;
  for (let i = 0; i < size; i++) {
    const d = cell(deadlines, dWidth, i);
    const s = i < statusSize ? cell(statuses, sWidth, i) : '';
    const f = flags === null ? null : flagsBroadcast ? flags[0][0] : i < flagSize ? cell(flags, fWidth, i) : '';
    if (typeof d === 'number' && d >= 1 && d < SERIAL_END && typeof s === 'string' && (f === null || typeof f === 'string')) {
      // The common row: an Excel date, status text and a 是/否 flag, none of which can be invalid.
      // The flag does not matter once there is a date.
      const light: Light = isDone(sCache.codeOf(s), countBasic) ? '蓝' : lightOfOpen(counter, asOf, Math.floor(d) - EPOCH, warnDays);
      put(out, dWidth, i, light);
    } else if (isErrorValue(d)) put(out, dWidth, i, d);
    else if (isErrorValue(s)) put(out, dWidth, i, s);
    else if (isErrorValue(f)) put(out, dWidth, i, f);
    else put(out, dWidth, i, lightOfCodes(dCache.codeOf(d), sCache.codeOf(s), fCache.codeOf(f), i + 1, d, s, f));
  }
  return out;

  function lightOfCodes(dCode: number, sCode: number, fCode: number, item: number, d: unknown, s: unknown, f: unknown): unknown {
    const status = sCode & MASK;
    if (status === S_NOT_A_STATUS) return toError(ledgerError('badStatus', itemLabel(sArg, item), cellText(s)));
    if (fCode === F_INVALID) return toError(ledgerError('badFlag', itemLabel(fArg, item), cellText(f)));
    if (isDone(sCode, countBasic)) return '蓝' satisfies Light;
    if (isDate(dCode)) return lightOfOpen(counter, asOf, dCode, warnDays);
    const longTerm = dCode === D_LONG_TERM || fCode === F_YES || (sCode & S_LONG_TERM) !== 0;
    if (dCode === D_BLANK && status === S_BLANK && (fCode === F_BLANK || !longTerm)) return '';
    if (longTerm && (dCode === D_BLANK || dCode === D_LONG_TERM)) return '灰' satisfies Light;
    if (dCode === D_BLANK) return toError(ledgerError('missingDeadline', dArg, item));
    return toError(noDateError(dCode, dArg, item, d));
  }
}

export type DeadlineOptions = {
  /** Reference date (epoch day) for phrases without a year and for 3个月内 / 10个工作日内. */
  ref: number;
  calendar?: WorkCalendar;
  toError?: ErrorCellFactory;
  argument?: string;
};

/** ZG.DEADLINE: each deadline phrase (or date) as an Excel date serial. */
export function deadlineInto(out: OutputGrid, texts: CellGrid, options: DeadlineOptions): OutputGrid {
  const argument = options.argument ?? DEFAULT_ARGUMENTS.texts;
  const toError = options.toError ?? keepError;
  const cache = new DeadlineCodeCache(options.ref, options.calendar);
  const width = gridWidth(texts);
  const size = texts.length * width;
  for (let i = 0; i < size; i++) {
    const value = cell(texts, width, i);
    if (isErrorValue(value)) {
      put(out, width, i, value);
      continue;
    }
    const code = cache.codeOf(value);
    if (isDate(code)) put(out, width, i, code + EPOCH);
    else if (code === D_BLANK) put(out, width, i, '');
    else put(out, width, i, toError(noDateError(code, argument, i + 1, value)));
  }
  return out;
}

/** ZG.STATUS: each phrase as its canonical 整改状态 (未标注 when the text states no outcome). */
export function statusInto(out: OutputGrid, texts: CellGrid, options: { toError?: ErrorCellFactory; argument?: string } = {}): OutputGrid {
  const argument = options.argument ?? DEFAULT_ARGUMENTS.statuses;
  const toError = options.toError ?? keepError;
  const cache = new StatusCodeCache();
  const width = gridWidth(texts);
  const size = texts.length * width;
  for (let i = 0; i < size; i++) {
    const value = cell(texts, width, i);
    if (isErrorValue(value)) {
      put(out, width, i, value);
      continue;
    }
    const status = statusOf(cache.codeOf(value));
    put(out, width, i, status ?? toError(ledgerError('badStatus', itemLabel(argument, i + 1), cellText(value))));
  }
  return out;
}
