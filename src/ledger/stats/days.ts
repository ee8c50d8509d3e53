// Days between an as-of date and a deadline, in calendar days or Chinese working days (DESIGN.md
// §6). Epoch days in, a signed whole number out: positive before the deadline, 0 on the day,
// negative once it has passed.
//
// Past the years the holiday data covers, the calendar counts Monday to Friday. A cell cannot carry
// a number and a warning at once, and an #N/A for every deadline in a not-yet-published year would
// break the SUM/MIN a manager puts over the column, so the scans answer with that count; the pane
// and the help pages say where the data ends (coverageWarning in calendar.ts).
import { defaultCalendar, workdaysBetweenDays, type WorkCalendar } from '../calendar';
import type { Light } from '../types';

// A local copy: under CommonJS each use of an imported binding is a getter call (scan-rates.ts).
const workdaysBetween = workdaysBetweenDays;

export type DayUnit = 'calendar' | 'workdays';

/** 预警 turns 黄 this many days (of the unit) before the deadline unless told otherwise (DESIGN.md §7). */
export const DEFAULT_WARN_DAYS: Readonly<Record<DayUnit, number>> = { calendar: 7, workdays: 3 };

/** Everything a per-row scan needs to count days, prepared once per call. */
export type DayCounter = { readonly unit: DayUnit; readonly calendar: WorkCalendar };

export function dayCounter(unit: DayUnit, calendar: WorkCalendar = defaultCalendar()): DayCounter {
  return { unit, calendar };
}

/**
 * Working days from `from` to `to`: the working days d with from < d ≤ to, negative when `to` is
 * before `from` (a deadline last Monday seen on Wednesday is −2 when both days between worked).
 */
export function signedWorkdays(calendar: WorkCalendar, from: number, to: number): number {
  return workdaysBetween(calendar, from, to);
}

/** Signed days from `asOf` to `deadline` in the counter's unit. */
export function daysUntil(counter: DayCounter, asOf: number, deadline: number): number {
  return counter.unit === 'calendar' ? deadline - asOf : signedWorkdays(counter.calendar, asOf, deadline);
}

/**
 * The 预警 light of an item that is not done and has a deadline (epoch days): 红 once it has
 * passed, 黄 when due within `warnDays` of the counter's unit, else 绿. The one rule behind ZG.LIGHT
 * and the pane's badges (DESIGN.md §7); done is 蓝 and no date 灰 or nothing, decided by the caller.
 */
export function openLight(counter: DayCounter, asOf: number, deadline: number, warnDays: number): Light {
  if (deadline < asOf) return '红';
  return daysUntil(counter, asOf, deadline) <= warnDays ? '黄' : '绿';
}
