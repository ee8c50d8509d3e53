// Chinese working days (DESIGN.md §6): holidays move and weekend 调休 days are worked. The data come
// from chinese-days (its JSON, so the covered years can be read off the data rather than assumed);
// past the covered years the count falls back to Monday–Friday and says so. 节假日 overrides win.
import holidayData from 'chinese-days/dist/chinese-days.json';
import { epochDayToIso, formatChineseDate, isoToEpochDay, ymdToEpochDay } from './dates';
import { ledgerError } from './errors';
import type { HolidayOverride, IsoDate } from './types';

export type WorkCalendar = {
  /** epoch day = days since 1970-01-01 (dates.ts). */
  isWorkday(epochDay: number): boolean;
  /** The years the holiday data (plus overrides) cover; outside them the calendar is Monday–Friday. */
  readonly firstYear: number;
  readonly lastYear: number;
};

/** Prefix sums over the covered days: O(1) counts for ZG.DAYSLEFT over a million cells. */
type DayIndex = {
  startDay: number; // first covered epoch day
  endDay: number; // last covered epoch day
  workday: Uint8Array; // 1 = working day, per covered day
  before: Int32Array; // before[i] = working days in [startDay, startDay + i)
};

const indexes = new WeakMap<WorkCalendar, DayIndex>();

const FIRST_MONDAY = 4; // 1970-01-05

/** Monday–Friday days in [1970-01-05, day), negative below it. */
function weekdaysBefore(day: number): number {
  const offset = day - FIRST_MONDAY;
  const weeks = Math.floor(offset / 7);
  return 5 * weeks + Math.min(offset - 7 * weeks, 5);
}

function isWeekday(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
  return dow !== 0 && dow !== 6;
}

type ChineseDaysData = { holidays: Record<string, string>; workdays: Record<string, string> };

function yearOfKey(key: string): number {
  return Number(key.slice(0, 4));
}

function buildIndex(firstYear: number, lastYear: number, isWorkday: (day: number) => boolean): DayIndex {
  const startDay = ymdToEpochDay(firstYear, 1, 1);
  const endDay = ymdToEpochDay(lastYear, 12, 31);
  const n = endDay - startDay + 1;
  const workday = new Uint8Array(n);
  const before = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    workday[i] = isWorkday(startDay + i) ? 1 : 0;
    before[i + 1] = before[i] + workday[i];
  }
  return { startDay, endDay, workday, before };
}

/**
 * The chinese-days calendar with the user's 节假日 overrides (休 = day off, 班 = working day) on top;
 * overrides win. Overrides in years the data do not cover extend the covered range to those years
 * (the user is expected to have entered that year's calendar). Dates must be ISO (API misuse throws).
 */
export function createCalendar(overrides: readonly HolidayOverride[] = []): WorkCalendar {
  const data = holidayData as ChineseDaysData;
  const offDays = new Set<number>();
  const workDays = new Set<number>();
  const years: number[] = [];
  for (const key of Object.keys(data.holidays)) {
    offDays.add(isoToEpochDay(key) as number);
    years.push(yearOfKey(key));
  }
  for (const key of Object.keys(data.workdays)) {
    workDays.add(isoToEpochDay(key) as number);
    years.push(yearOfKey(key));
  }
  const overrideByDay = new Map<number, boolean>();
  for (const o of overrides) {
    const day = isoToEpochDay(o.date);
    if (day === null) throw new RangeError(`holiday override with a bad date: ${o.date}`);
    overrideByDay.set(day, o.type === '班');
    years.push(yearOfKey(o.date));
  }
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const rawIsWorkday = (day: number): boolean => {
    const override = overrideByDay.get(day);
    if (override !== undefined) return override;
    if (workDays.has(day)) return true;
    if (offDays.has(day)) return false;
    return isWeekday(day);
  };
  const index = buildIndex(firstYear, lastYear, rawIsWorkday);
  const calendar: WorkCalendar = {
    firstYear,
    lastYear,
    isWorkday(day: number): boolean {
      const i = day - index.startDay;
      return i >= 0 && day <= index.endDay ? index.workday[i] === 1 : isWeekday(day);
    },
  };
  indexes.set(calendar, index);
  return calendar;
}

let cached: WorkCalendar | null = null;

/** The chinese-days calendar without overrides, built once. */
export function defaultCalendar(): WorkCalendar {
  cached ??= createCalendar();
  return cached;
}

function indexOf(cal: WorkCalendar): DayIndex {
  let index = indexes.get(cal);
  if (!index) {
    // A calendar made elsewhere (a test double): index its covered years once.
    index = buildIndex(cal.firstYear, cal.lastYear, (day) => cal.isWorkday(day));
    indexes.set(cal, index);
  }
  return index;
}

/** Working days in [index.startDay, day), signed; Monday–Friday outside the covered years. */
function workdaysBefore(index: DayIndex, day: number): number {
  if (day < index.startDay) return weekdaysBefore(day) - weekdaysBefore(index.startDay);
  const last = index.endDay + 1;
  if (day <= last) return index.before[day - index.startDay];
  return index.before[last - index.startDay] + weekdaysBefore(day) - weekdaysBefore(last);
}

/**
 * Working days after fromDay up to and including toDay; negative when toDay < fromDay (then it is
 * minus the working days after toDay up to and including fromDay). O(1), no allocation.
 */
export function workdaysBetweenDays(cal: WorkCalendar, fromDay: number, toDay: number): number {
  const index = indexOf(cal);
  return workdaysBefore(index, toDay + 1) - workdaysBefore(index, fromDay + 1);
}

function requireDay(iso: IsoDate): number {
  const day = isoToEpochDay(iso);
  if (day === null) throw new RangeError(`not an ISO date: ${iso}`);
  return day;
}

/** workdaysBetweenDays on ISO dates, with the coverage warning when the range leaves the data. */
export function workdaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): { days: number; warning: string | null } {
  return { days: workdaysBetweenDays(cal, requireDay(from), requireDay(to)), warning: coverageWarning(cal, from, to) };
}

/**
 * The n-th working day after `from` (n > 0), the |n|-th working day before it (n < 0), or `from`
 * itself (n = 0). n must be a whole number.
 */
export function addWorkdays(cal: WorkCalendar, from: IsoDate, n: number): { date: IsoDate; warning: string | null } {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const fromDay = requireDay(from);
  if (n === 0) return { date: from, warning: coverageWarning(cal, from, from) };
  const index = indexOf(cal);
  const base = workdaysBefore(index, fromDay + (n > 0 ? 1 : 0));
  // Binary search on the non-decreasing count: a year never has fewer than ~240 working days.
  const span = 2 * Math.abs(n) + 60;
  let lo = n > 0 ? fromDay + 1 : fromDay - span;
  let hi = n > 0 ? fromDay + span : fromDay - 1;
  if (n > 0) {
    // smallest day d with workdays in (from, d] ≥ n
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (workdaysBefore(index, mid + 1) - base >= n) hi = mid;
      else lo = mid + 1;
    }
  } else {
    // largest day d with workdays in [d, from) ≥ |n|
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (base - workdaysBefore(index, mid) >= -n) lo = mid;
      else hi = mid - 1;
    }
  }
  const date = epochDayToIso(lo);
  return { date, warning: coverageWarning(cal, from, date) };
}

function describeRange(fromDay: number, toDay: number): string {
  const a = formatChineseDate(epochDayToIso(fromDay));
  return fromDay === toDay ? a : `${a}至${formatChineseDate(epochDayToIso(toDay))}`;
}

/**
 * "节假日数据仅覆盖至2026年，2027年1月1日至2027年3月5日按周一至周五计算…" when the range (either
 * order) reaches past the covered years, or the matching message before them; null inside them.
 */
export function coverageWarning(cal: WorkCalendar, from: IsoDate, to: IsoDate): string | null {
  const a = requireDay(from);
  const b = requireDay(to);
  const lowDay = Math.min(a, b);
  const highDay = Math.max(a, b);
  const afterDay = ymdToEpochDay(cal.lastYear + 1, 1, 1);
  if (highDay >= afterDay) {
    return ledgerError('calendarCoverage', cal.lastYear, describeRange(Math.max(lowDay, afterDay), highDay)).message;
  }
  const startDay = ymdToEpochDay(cal.firstYear, 1, 1);
  if (lowDay < startDay) {
    return ledgerError('calendarCoverageStart', cal.firstYear, describeRange(lowDay, Math.min(highDay, startDay - 1))).message;
  }
  return null;
}
