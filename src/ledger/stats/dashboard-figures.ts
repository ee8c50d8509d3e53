// The numbers the 整改统计 sheet shows, computed the core's way (DESIGN.md §7, §8). The sheet computes
// them with native formulas for people without the add-in; the tests evaluate those formulas with a
// formula engine and LibreOffice and require them to equal these, so the definitions live here once:
// counts and rates from ledgerMetrics, 逾期 from isOverdue, 临期 from lightOf (黄, calendar days).
import { rollUpAll } from '../rollup';
import { isDone } from '../status';
import { STATUSES, UNMARKED, type IsoDate, type Ledger, type MeasureRow, type StatusOrUnmarked } from '../types';
import { DEFAULT_WARN_DAYS } from './days';
import { isOverdue, ledgerMetrics, lightOf } from './ledger-metrics';

export type CategoryCounts = { problems: number; done: number; longTerm: number };
export type CategoryFigures = CategoryCounts & { category: string };

export type UnitCounts = { measures: number; done: number; overdue: number; dueSoon: number };
export type UnitFigures = UnitCounts & { unit: string };

export type DashboardFigures = {
  problems: number;
  problemsDone: number;
  /** 整改完成率: done problems ÷ problems, null without problems. */
  problemRate: number | null;
  measures: number;
  measuresDone: number;
  /** 整改到位率: done measures ÷ measures, null without measures. */
  measureRate: number | null;
  problemsLongTerm: number;
  /** 长期坚持占比 of problems (overlaps with done). */
  longTermShare: number | null;
  /** 逾期: measures not done whose 截止日期 is before the as-of date (预警 红). */
  overdue: number;
  /** 临期: measures not done, due on the as-of date or within warnDays calendar days after it (预警 黄). */
  dueSoon: number;
  /** Measures whose 截止日期 is on or before the as-of date, and those of them done by it. */
  measuresDue: number;
  measuresOnTime: number;
  /** 按期完成率: done by the 截止日期 ÷ measures whose 截止日期 ≤ as-of; null when none is due. */
  onTimeRate: number | null;
  /** Measures per 整改状态, 未标注 for a blank or unreadable one. */
  byStatus: Record<StatusOrUnmarked, number>;
  /** Problems per non-blank 问题类别, in order of first appearance. */
  byCategory: CategoryFigures[];
  /** Problems whose 问题类别 is blank. */
  blankCategory: CategoryCounts;
  /** Measures per non-blank 责任单位, in order of first appearance. */
  byUnit: UnitFigures[];
  /** Measures whose 责任单位 is blank. */
  blankUnit: UnitCounts;
};

/** The order of the status breakdown: weakest first, then 未标注. */
export const STATUS_ORDER: readonly StatusOrUnmarked[] = [...STATUSES, UNMARKED];

/** Counts of `key`'s non-blank values in order of first appearance, and of the blank ones. */
function groupBy<T, C>(items: readonly T[], key: (item: T) => string, empty: () => C, add: (counts: C, item: T) => void): { groups: Map<string, C>; blank: C } {
  const groups = new Map<string, C>();
  const blank = empty();
  for (const item of items) {
    const k = key(item);
    let counts = k === '' ? blank : groups.get(k);
    if (!counts) {
      counts = empty();
      groups.set(k, counts);
    }
    add(counts, item);
  }
  return { groups, blank };
}

/** The 整改统计 figures of a ledger as of a date; 临期 is 预警 黄 with `warnDays` calendar days. */
export function dashboardFigures(ledger: Ledger, asOf: IsoDate, warnDays: number = DEFAULT_WARN_DAYS.calendar): DashboardFigures {
  const metrics = ledgerMetrics(ledger, asOf);
  const isDueSoon = (m: MeasureRow) => lightOf(m, asOf, { warnDays, unit: 'calendar' }) === '黄';

  const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<StatusOrUnmarked, number>;
  for (const m of ledger.measures) byStatus[m.status]++;

  // Problem figures use the rolled-up 问题状态 and 长期坚持, as ledgerCounts does.
  const categories = groupBy(
    rollUpAll(ledger).problems,
    (p) => p.category,
    (): CategoryCounts => ({ problems: 0, done: 0, longTerm: 0 }),
    (c, p) => {
      c.problems++;
      if (isDone(p.status)) c.done++;
      if (p.longTerm) c.longTerm++;
    },
  );
  const units = groupBy(
    ledger.measures,
    (m) => m.unit,
    (): UnitCounts => ({ measures: 0, done: 0, overdue: 0, dueSoon: 0 }),
    (c, m) => {
      c.measures++;
      if (isDone(m.status)) c.done++;
      if (isOverdue(m, asOf)) c.overdue++;
      if (isDueSoon(m)) c.dueSoon++;
    },
  );

  return {
    problems: metrics.problems,
    problemsDone: metrics.problemsDone,
    problemRate: metrics.problemRate,
    measures: metrics.measures,
    measuresDone: metrics.measuresDone,
    measureRate: metrics.measureRate,
    problemsLongTerm: metrics.problemsLongTerm,
    longTermShare: metrics.longTermShare,
    overdue: metrics.overdue,
    dueSoon: ledger.measures.filter(isDueSoon).length,
    measuresDue: metrics.measuresDue,
    measuresOnTime: metrics.measuresOnTime,
    onTimeRate: metrics.onTimeRate,
    byStatus,
    byCategory: [...categories.groups].map(([category, c]) => ({ category, ...c })),
    blankCategory: categories.blank,
    byUnit: [...units.groups].map(([unit, c]) => ({ unit, ...c })),
    blankUnit: units.blank,
  };
}
