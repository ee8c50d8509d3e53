// Deadline cells as numbers: the epoch day of the deadline (days since 1970-01-01, UTC), or a
// sentinel far below any real date. Excel dates arrive as serial numbers and cost one subtraction;
// text such as "2022年12月底前" is parsed once per distinct text (parseDeadline, DESIGN.md §5).
import type { WorkCalendar } from '../calendar';
import { EXCEL_EPOCH_OFFSET, epochDayToIso, isValidYmd, ymdToEpochDay } from '../dates';
import { parseDeadline } from '../deadline';

// Local copies of imported bindings used per cell (see scan-rates.ts: under CommonJS each use of
// an import is a getter call).
const EPOCH = EXCEL_EPOCH_OFFSET;

export const DL_BLANK = -100_000_001;
/** 长期坚持 with no date: no deadline to miss. */
export const DL_LONG_TERM = -100_000_002;
/** A phrase that states no deadline (as-of or completion dates: 截至…、已于…). */
export const DL_NONE = -100_000_003;
/** 近期 · 尽快 · 适时: a deadline without a date, 需人工确认. */
export const DL_UNRESOLVED = -100_000_004;
/** Text that is not a deadline phrase. */
export const DL_INVALID = -100_000_005;
/** A number that is no Excel date (below 1 or past 9999-12-31), or TRUE/FALSE. */
export const DL_NOT_A_DATE = -100_000_006;

/** A date whose year Excel cannot hold (before 1900 or after 9999: 1899年12月底前, 10000年1月底前). */
export const DL_OUT_OF_RANGE = -100_000_007;

/** The years of Excel's dates (1900 date system; the 1904 system starts later still). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

/** Every sentinel is below this; every real date above it. */
export const DL_FIRST_DATE = -100_000_000;
/** Serial of 9999-12-31, the last date Excel shows. */
export const LAST_SERIAL = 2_958_465;

export function isDateCode(code: number): boolean {
  return code > DL_FIRST_DATE;
}

/** An Excel serial (time of day dropped) as an epoch day, or DL_NOT_A_DATE. */
export function epochDayOfSerial(serial: number): number {
  if (!(serial >= 1 && serial < LAST_SERIAL + 1)) return DL_NOT_A_DATE;
  return Math.floor(serial) - EPOCH;
}

const NUMERIC_DATE = /^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$/;
const TEXT_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

/** Code of one deadline text, read against `ref` (ISO), uncached. */
export function deadlineCodeOfText(text: string, ref: string, calendar?: WorkCalendar): number {
  if (text.trim() === '') return DL_BLANK;
  // A date that lost its format (a text number "45291") or was typed as 2024-03-15 / 2024/3/15.
  if (TEXT_NUMBER.test(text)) return epochDayOfSerial(Number(text));
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [year, month, day] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (!isValidYmd(year, month, day)) return DL_INVALID;
    return year < FIRST_YEAR || year > LAST_YEAR ? DL_OUT_OF_RANGE : ymdToEpochDay(year, month, day);
  }
  const result = parseDeadline(text, ref, calendar);
  switch (result.kind) {
    case 'date': {
      const m = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(result.date);
      if (!m) return DL_INVALID;
      const year = Number(m[1]);
      return year < FIRST_YEAR || year > LAST_YEAR ? DL_OUT_OF_RANGE : ymdToEpochDay(year, Number(m[2]), Number(m[3]));
    }
    case 'none':
      return result.longTerm ? DL_LONG_TERM : DL_NONE;
    case 'unresolved':
      return DL_UNRESOLVED;
    default:
      return DL_INVALID;
  }
}

/** Code of any non-error cell value. */
export function deadlineCodeOfValue(value: unknown, ref: string, calendar?: WorkCalendar): number {
  if (typeof value === 'number') return epochDayOfSerial(value);
  if (value === null || value === undefined) return DL_BLANK;
  if (typeof value === 'string') return deadlineCodeOfText(value, ref, calendar);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return ymdToEpochDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  return DL_NOT_A_DATE;
}

const CACHE_LIMIT = 4096;

/** Deadline codes for one reference date, each distinct text parsed once. */
export class DeadlineCodeCache {
  private readonly byText = new Map<string, number>();
  private lastText = '';
  private lastCode = DL_BLANK;
  readonly ref: string;

  constructor(
    refEpochDay: number,
    private readonly calendar?: WorkCalendar,
  ) {
    this.ref = epochDayToIso(refEpochDay);
  }

  codeOf(value: unknown): number {
    if (typeof value === 'number') return epochDayOfSerial(value);
    if (typeof value !== 'string') return deadlineCodeOfValue(value, this.ref, this.calendar);
    if (value === this.lastText) return this.lastCode;
    let code = this.byText.get(value);
    if (code === undefined) {
      code = deadlineCodeOfText(value, this.ref, this.calendar);
      if (this.byText.size < CACHE_LIMIT) this.byText.set(value, code);
    }
    this.lastText = value;
    this.lastCode = code;
    return code;
  }
}
