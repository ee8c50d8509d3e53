// Calendar dates without time zones. Everything is done in UTC so that no local offset can move a
// date by a day: Excel serial 25569 is 1970-01-01, and serial n is epoch day n − 25569, which is
// exact for every date from 1900-03-01 on (Excel's fictitious 1900-02-29 is serial 60).
import type { IsoDate } from './types';

export const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;
/** Serial 61 = 1900-03-01: below it Excel's 1900 leap-year bug makes serials disagree with the calendar. */
export const FIRST_EXACT_SERIAL = 61;

export function ymdToEpochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function epochDayToYmd(epochDay: number): { year: number; month: number; day: number } {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function ymdToSerial(year: number, month: number, day: number): number {
  return ymdToEpochDay(year, month, day) + EXCEL_EPOCH_OFFSET;
}

/** Whether y-m-d is a real calendar date (2023-02-29 is not). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function ymdToIso(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Excel serial (fraction = time of day, dropped) → ISO date. */
export function serialToIso(serial: number): IsoDate {
  const { year, month, day } = epochDayToYmd(Math.floor(serial) - EXCEL_EPOCH_OFFSET);
  return ymdToIso(year, month, day);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses strict YYYY-MM-DD; null when it is not a real date. */
export function parseIso(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

/**
 * The workbook's date system. Mac-origin workbooks may count from 1904-01-01 (serial 0), so the
 * same day is 1,462 lower than in the 1900 system (ECMA-376 Part 1, §18.2.28 workbookPr/@date1904).
 * The core works in 1900 serials; stores convert at their boundary.
 */
export type DateSystem = '1900' | '1904';
export const DATE_1904_OFFSET = 1462;

/** A serial of the workbook's system → the 1900 serial the core uses. */
export function toSerial1900(serial: number, system: DateSystem): number {
  return system === '1904' ? serial + DATE_1904_OFFSET : serial;
}

/** A 1900 serial → the workbook's system. */
export function fromSerial1900(serial: number, system: DateSystem): number {
  return system === '1904' ? serial - DATE_1904_OFFSET : serial;
}

/** Excel's dates run from 1900 to 9999: outside them a date has no serial (not serial 1, not negative). */
export function isExcelYear(year: number): boolean {
  return year >= 1900 && year <= 9999;
}

export function isoToSerial(iso: IsoDate): number | null {
  const ymd = parseIso(iso);
  return ymd && isExcelYear(ymd.year) ? ymdToSerial(ymd.year, ymd.month, ymd.day) : null;
}

export function isoToEpochDay(iso: IsoDate): number | null {
  const ymd = parseIso(iso);
  return ymd ? ymdToEpochDay(ymd.year, ymd.month, ymd.day) : null;
}

export function epochDayToIso(epochDay: number): IsoDate {
  const { year, month, day } = epochDayToYmd(epochDay);
  return ymdToIso(year, month, day);
}

/** Adds whole days to an ISO date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const e = isoToEpochDay(iso);
  if (e === null) throw new RangeError(`not an ISO date: ${iso}`);
  return epochDayToIso(e + days);
}

/** EDATE: same day n months later, clamped to the month's last day (EDATE(2024-01-31, 1) = 2024-02-29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const ymd = parseIso(iso);
  if (!ymd) throw new RangeError(`not an ISO date: ${iso}`);
  const total = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return ymdToIso(year, month, Math.min(ymd.day, daysInMonth(year, month)));
}

/** Today in the given clock, as the local calendar date of that clock (the user's day). */
export function todayIso(now: Date = new Date()): IsoDate {
  return ymdToIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** 2024年3月15日 */
export function formatChineseDate(iso: IsoDate): string {
  const ymd = parseIso(iso);
  if (!ymd) return iso;
  return `${ymd.year}年${ymd.month}月${ymd.day}日`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Mar 15, 2024: the English pane's date in prose, as 2024年3月15日 is the Chinese one. */
export function formatEnglishDate(iso: IsoDate): string {
  const ymd = parseIso(iso);
  if (!ymd) return iso;
  return `${MONTHS_EN[ymd.month - 1]} ${ymd.day}, ${ymd.year}`;
}
