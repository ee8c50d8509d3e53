// The metrics of DESIGN.md §7 over typed ledger rows, for the task pane and the reports. Same
// definitions as the cell scans (scan-rates.ts), expressed on ProblemRow / MeasureRow.
import { defaultCalendar, type WorkCalendar } from '../calendar';
import { isoToEpochDay } from '../dates';
import { ledgerError, type LedgerError } from '../errors';
import { isDone, weakestStatus } from '../status';
import type { IsoDate, Ledger, Light, MeasureRow, StatusOrUnmarked } from '../types';
import { daysUntil, dayCounter, type DayUnit } from './days';
import { rateOrError, roundedRate } from './rate';

/** The problem roll-up: the weakest status of its measures (DESIGN.md §4). */
export function rollUpStatus(measureStatuses: Iterable<StatusOrUnmarked>): StatusOrUnmarked {
  return weakestStatus(measureStatuses);
}

/** Each problem's status rolled up from its measures; a problem without measures keeps its own. */
export function problemStatuses(ledger: Ledger): Map<string, StatusOrUnmarked> {
  const byProblem = new Map<string, StatusOrUnmarked[]>();
  for (const m of ledger.measures) {
    const list = byProblem.get(m.problemId);
    if (list) list.push(m.status);
    else byProblem.set(m.problemId, [m.status]);
  }
  const result = new Map<string, StatusOrUnmarked>();
  for (const p of ledger.problems) {
    const statuses = byProblem.get(p.id);
    result.set(p.id, statuses ? rollUpStatus(statuses) : p.status);
  }
  return result;
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
  if (item.deadline < asOf) return '红';
  const unit = settings.unit ?? 'calendar';
  const warnDays = settings.warnDays ?? (unit === 'calendar' ? 7 : 3);
  return daysLeft(item.deadline, asOf, unit, settings.calendar) <= warnDays ? '黄' : '绿';
}

export type LedgerMetrics = {
  problems: number;
  problemsDone: number;
  /** 整改完成率 (problems), null when there are none. */
  problemRate: number | null;
  measures: number;
  measuresDone: number;
  /** 整改到位率 (measures). */
  measureRate: number | null;
  problemsLongTerm: number;
  /** 长期坚持占比 of problems (a problem is flagged when it or one of its measures is). */
  longTermShare: number | null;
  /** Measures whose 截止日期 ≤ as-of, and of those the ones done on time. */
  measuresDue: number;
  measuresOnTime: number;
  onTimeRate: number | null;
  overdue: number;
  closed: number;
  /** 销号率 of measures (a measure is closed when it or its problem is 已销号). */
  closeRate: number | null;
};

function rateOrNull(done: number, total: number, digits: number | null): number | null {
  return total === 0 ? null : roundedRate(done, total, digits);
}

/** Every §7 metric of a ledger as of a date. */
export function ledgerMetrics(ledger: Ledger, asOf: IsoDate, settings: RateSettings = {}): LedgerMetrics {
  const countBasic = settings.countBasic ?? false;
  const digits = settings.digits ?? null;
  const statuses = problemStatuses(ledger);
  const flagged = new Set<string>();
  const closedProblems = new Set<string>();
  for (const p of ledger.problems) {
    if (p.longTerm) flagged.add(p.id);
    if (p.closeState === '已销号') closedProblems.add(p.id);
  }
  const problemIds = new Set(ledger.problems.map((p) => p.id));
  let measuresDone = 0;
  let measuresDue = 0;
  let measuresOnTime = 0;
  let overdue = 0;
  let closed = 0;
  for (const m of ledger.measures) {
    if (m.longTerm && problemIds.has(m.problemId)) flagged.add(m.problemId);
    if (isDone(m.status, countBasic)) measuresDone++;
    if (isOverdue(m, asOf, countBasic)) overdue++;
    if (m.deadline !== null && m.deadline <= asOf) {
      measuresDue++;
      if (isDoneOnTime(m, countBasic)) measuresOnTime++;
    }
    if (m.closeState === '已销号' || closedProblems.has(m.problemId)) closed++;
  }
  let problemsDone = 0;
  for (const s of statuses.values()) if (isDone(s, countBasic)) problemsDone++;
  const problems = ledger.problems.length;
  const measures = ledger.measures.length;
  return {
    problems,
    problemsDone,
    problemRate: rateOrNull(problemsDone, problems, digits),
    measures,
    measuresDone,
    measureRate: rateOrNull(measuresDone, measures, digits),
    problemsLongTerm: flagged.size,
    longTermShare: rateOrNull(flagged.size, problems, digits),
    measuresDue,
    measuresOnTime,
    onTimeRate: rateOrNull(measuresOnTime, measuresDue, digits),
    overdue,
    closed,
    closeRate: rateOrNull(closed, measures, digits),
  };
}
