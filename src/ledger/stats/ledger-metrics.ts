// The metrics of DESIGN.md §7 over typed ledger rows, for the task pane and the reports. Same
// definitions as the cell scans (scan-rates.ts), expressed on ProblemRow / MeasureRow.
import { defaultCalendar, type WorkCalendar } from '../calendar';
import { isoToEpochDay } from '../dates';
import { ledgerError, type LedgerError } from '../errors';
import { rollUpAll } from '../rollup';
import { isDone, isUnderWay } from '../status';
import type { IsoDate, Ledger, Light, MeasureRow, StatusOrUnmarked } from '../types';
import { daysUntil, dayCounter, DEFAULT_WARN_DAYS, openLight, type DayUnit } from './days';
import { rateOrError, roundedRate } from './rate';

/** Each problem's 问题状态, rolled up from its measures by the store's rule (rollup.ts). */
export function problemStatuses(ledger: Ledger): Map<string, StatusOrUnmarked> {
  return new Map(rollUpAll(ledger).problems.map((p) => [p.id, p.status]));
}

export type RateSettings = { digits?: number | null; countBasic?: boolean };

/** done ÷ all of a list of statuses (empty → #DIV/0! emptyRange). */
export function completionRate(statuses: readonly StatusOrUnmarked[], settings: RateSettings = {}): number | LedgerError {
  let done = 0;
  for (const s of statuses) if (isDone(s, settings.countBasic ?? false)) done++;
  return rateOrError(done, statuses.length, settings.digits ?? null, '整改状态');
}

/** flagged ÷ all (长期坚持占比; overlaps with done). */
export function longTermShare(flags: readonly boolean[], settings: RateSettings = {}): number | LedgerError {
  let flagged = 0;
  for (const f of flags) if (f) flagged++;
  return rateOrError(flagged, flags.length, settings.digits ?? null, '长期坚持');
}

/** Not done and 截止日期 before the as-of date. */
export function isOverdue(item: Pick<MeasureRow, 'status' | 'deadline'>, asOf: IsoDate, countBasic = false): boolean {
  return item.deadline !== null && item.deadline < asOf && !isDone(item.status, countBasic);
}

/** Done on time: 已完成 with 完成日期 ≤ 截止日期. */
export function isDoneOnTime(item: Pick<MeasureRow, 'status' | 'deadline' | 'doneDate'>, countBasic = false): boolean {
  return isDone(item.status, countBasic) && item.deadline !== null && item.doneDate !== null && item.doneDate <= item.deadline;
}

function epochDay(iso: IsoDate, name: string): number {
  const day = isoToEpochDay(iso);
  if (day === null) throw new RangeError(`${name}: not an ISO date: ${iso}`);
  return day;
}

/** Signed days from asOf to the deadline (negative once passed), in calendar or working days. */
export function daysLeft(deadline: IsoDate, asOf: IsoDate, unit: DayUnit = 'calendar', calendar: WorkCalendar = defaultCalendar()): number {
  return daysUntil(dayCounter(unit, calendar), epochDay(asOf, 'asOf'), epochDay(deadline, 'deadline'));
}

export type LightSettings = { warnDays?: number; unit?: DayUnit; calendar?: WorkCalendar; countBasic?: boolean };

/**
 * The 预警 light of one item: 蓝 done · 灰 长期坚持 without a date · 红 overdue · 黄 due within
 * warnDays (7 calendar / 3 working days) · 绿. An item with neither a date nor the flag has no
 * light: missingDeadline.
 */
export function lightOf(
  item: Pick<MeasureRow, 'status' | 'deadline' | 'longTerm'>,
  asOf: IsoDate,
  settings: LightSettings = {},
): Light | LedgerError {
  if (isDone(item.status, settings.countBasic ?? false)) return '蓝';
  if (item.deadline === null) return item.longTerm ? '灰' : ledgerError('missingDeadline', '截止日期', 1);
  const unit = settings.unit ?? 'calendar';
  const counter = dayCounter(unit, settings.calendar);
  return openLight(counter, epochDay(asOf, 'asOf'), epochDay(item.deadline, 'deadline'), settings.warnDays ?? DEFAULT_WARN_DAYS[unit]);
}

/** The counts behind the §7 metrics, problems rolled up from their measures by the store's rule. */
export type LedgerCounts = {
  problems: number;
  problemsDone: number;
  /** Under way but not done: 正在推进 / 部分完成 / 基本完成 (unless countBasic counts it done). */
  problemsInProgress: number;
  /** Problems 长期坚持 (overlaps with done). */
  problemsLongTerm: number;
  measures: number;
  measuresDone: number;
  /** Measures whose 截止日期 ≤ as-of, and of those the ones done on time. */
  measuresDue: number;
  measuresOnTime: number;
  /** Measures not done whose 截止日期 is before the as-of date. */
  overdue: number;
  /** Measures 已销号, directly or through their problem. */
  closed: number;
};

/** Every §7 count of a ledger as of a date. */
export function ledgerCounts(ledger: Ledger, asOf: IsoDate, countBasic = false): LedgerCounts {
  let problemsDone = 0;
  let problemsInProgress = 0;
  let problemsLongTerm = 0;
  const closedProblems = new Set<string>();
  for (const p of rollUpAll(ledger).problems) {
    if (isDone(p.status, countBasic)) problemsDone++;
    else if (isUnderWay(p.status)) problemsInProgress++;
    if (p.longTerm) problemsLongTerm++;
    if (p.closeState === '已销号') closedProblems.add(p.id);
  }
  let measuresDone = 0;
  let measuresDue = 0;
  let measuresOnTime = 0;
  let overdue = 0;
  let closed = 0;
  for (const m of ledger.measures) {
    if (isDone(m.status, countBasic)) measuresDone++;
    if (isOverdue(m, asOf, countBasic)) overdue++;
    if (m.deadline !== null && m.deadline <= asOf) {
      measuresDue++;
      if (isDoneOnTime(m, countBasic)) measuresOnTime++;
    }
    if (m.closeState === '已销号' || closedProblems.has(m.problemId)) closed++;
  }
  return {
    problems: ledger.problems.length,
    problemsDone,
    problemsInProgress,
    problemsLongTerm,
    measures: ledger.measures.length,
    measuresDone,
    measuresDue,
    measuresOnTime,
    overdue,
    closed,
  };
}

export type LedgerMetrics = Omit<LedgerCounts, 'problemsInProgress'> & {
  /** 整改完成率 (problems), null when there are none. */
  problemRate: number | null;
  /** 整改到位率 (measures). */
  measureRate: number | null;
  /** 长期坚持占比 of problems. */
  longTermShare: number | null;
  onTimeRate: number | null;
  /** 销号率 of measures. */
  closeRate: number | null;
};

function rateOrNull(done: number, total: number, digits: number | null): number | null {
  return total === 0 ? null : roundedRate(done, total, digits);
}

/** Every §7 metric of a ledger as of a date: the counts and their rates. */
export function ledgerMetrics(ledger: Ledger, asOf: IsoDate, settings: RateSettings = {}): LedgerMetrics {
  const digits = settings.digits ?? null;
  const { problemsInProgress: _, ...c } = ledgerCounts(ledger, asOf, settings.countBasic ?? false);
  return {
    ...c,
    problemRate: rateOrNull(c.problemsDone, c.problems, digits),
    measureRate: rateOrNull(c.measuresDone, c.measures, digits),
    longTermShare: rateOrNull(c.problemsLongTerm, c.problems, digits),
    onTimeRate: rateOrNull(c.measuresOnTime, c.measuresDue, digits),
    closeRate: rateOrNull(c.closed, c.measures, digits),
  };
}
