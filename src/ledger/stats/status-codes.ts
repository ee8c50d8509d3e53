// Status cells as small integers, so a scan over a million cells compares numbers instead of
// building a ParsedStatus per cell. Each distinct text is parsed once (parseStatus, DESIGN.md §4)
// and its code remembered; columns repeat a handful of phrasings, so the cache stays tiny.
import { parseFlag, parseStatus } from '../status';
import { STATUSES, UNMARKED, type StatusOrUnmarked } from '../types';

// Bits 0–2: the status (its index in STATUSES: 0 未启动 … 4 已完成; 5 未标注; 6 blank; 7 not a
// status, e.g. a number). Bit 3: 长期坚持 stated. Bit 4: 立行立改 stated.
export const STATUS_MASK = 7;
export const CODE_DONE = 4;
export const CODE_BASIC = 3;
export const CODE_UNMARKED = 5;
export const CODE_BLANK = 6;
export const CODE_NOT_A_STATUS = 7;
export const LONG_TERM_BIT = 8;
export const IMMEDIATE_BIT = 16;

/** The most distinct texts remembered; free text beyond it is parsed each time (still correct). */
const CACHE_LIMIT = 4096;

/** The status a code stands for ('' for blank, null for a value that is not a status). */
export function statusOfCode(code: number): StatusOrUnmarked | '' | null {
  const s = code & STATUS_MASK;
  if (s <= CODE_DONE) return STATUSES[s];
  if (s === CODE_UNMARKED) return UNMARKED;
  if (s === CODE_BLANK) return '';
  return null;
}

/** Whether a code counts as done: 已完成, and 基本完成 too when `countBasic`. */
export function isDoneCode(code: number, countBasic: boolean): boolean {
  const s = code & STATUS_MASK;
  return s === CODE_DONE || (countBasic && s === CODE_BASIC);
}

/** Code of one status text (uncached). A yes/no answer (是/否/✓/TRUE, a 是否完成 column) means 已完成/未启动. */
export function statusCodeOfText(text: string): number {
  if (text.trim() === '') return CODE_BLANK;
  const parsed = parseStatus(text);
  const flags = (parsed.longTerm ? LONG_TERM_BIT : 0) | (parsed.immediate ? IMMEDIATE_BIT : 0);
  if (parsed.status !== null) return STATUSES.indexOf(parsed.status) | flags;
  if (flags === 0) {
    const yes = parseFlag(text);
    if (yes !== null) return yes ? CODE_DONE : 0;
  }
  return CODE_UNMARKED | flags;
}

/** Code of any non-error cell value: text as above, TRUE/FALSE as done/未启动, numbers are not statuses. */
export function statusCodeOfValue(value: unknown): number {
  if (value === null || value === undefined) return CODE_BLANK;
  if (typeof value === 'string') return statusCodeOfText(value);
  if (typeof value === 'boolean') return value ? CODE_DONE : 0;
  return CODE_NOT_A_STATUS;
}

/** Status codes with each distinct text parsed once. One per scan (or kept: parsing is pure). */
export class StatusCodeCache {
  private readonly byText = new Map<string, number>();
  private lastText = '';
  private lastCode = CODE_BLANK;

  /** Code of a cell value that is not an error value. */
  codeOf(value: unknown): number {
    // The five stored values (the ledger's validation list) need no lookup: Excel's short texts
    // arrive internalized, so each test is a pointer comparison.
    if (value === '已完成') return 4;
    if (value === '正在推进') return 1;
    if (value === '基本完成') return 3;
    if (value === '部分完成') return 2;
    if (value === '未启动') return 0;
    if (typeof value !== 'string') return statusCodeOfValue(value);
    // Runs of equal texts are the common case in a sorted or filtered column.
    if (value === this.lastText) return this.lastCode;
    let code = this.byText.get(value);
    if (code === undefined) {
      code = statusCodeOfText(value);
      if (this.byText.size < CACHE_LIMIT) this.byText.set(value, code);
    }
    this.lastText = value;
    this.lastCode = code;
    return code;
  }
}

// Long-term flags: 1 flagged, 0 not, 2 blank, 3 not a flag (a number other than 1/0).
export const FLAG_NO = 0;
export const FLAG_YES = 1;
export const FLAG_BLANK = 2;
export const FLAG_INVALID = 3;

/** A 长期坚持 flag from text: 是/否/Y/N/TRUE/✓, or any text that says 长期坚持 (a status or a deadline phrase). */
export function flagCodeOfText(text: string): number {
  if (text.trim() === '') return FLAG_BLANK;
  const yes = parseFlag(text);
  if (yes !== null) return yes ? FLAG_YES : FLAG_NO;
  return parseStatus(text).longTerm ? FLAG_YES : FLAG_NO;
}

export function flagCodeOfValue(value: unknown): number {
  if (value === null || value === undefined) return FLAG_BLANK;
  if (typeof value === 'string') return flagCodeOfText(value);
  if (typeof value === 'boolean') return value ? FLAG_YES : FLAG_NO;
  if (value === 1) return FLAG_YES;
  if (value === 0) return FLAG_NO;
  return FLAG_INVALID;
}

export class FlagCodeCache {
  private readonly byText = new Map<string, number>();
  private lastText = '';
  private lastCode = FLAG_BLANK;

  codeOf(value: unknown): number {
    if (value === '是') return FLAG_YES;
    if (value === '否') return FLAG_NO;
    if (typeof value !== 'string') return flagCodeOfValue(value);
    if (value === this.lastText) return this.lastCode;
    let code = this.byText.get(value);
    if (code === undefined) {
      code = flagCodeOfText(value);
      if (this.byText.size < CACHE_LIMIT) this.byText.set(value, code);
    }
    this.lastText = value;
    this.lastCode = code;
    return code;
  }
}
