// The per-measure facts and header figures the pane shows, taken from the core's metric
// definitions (src/ledger/stats, DESIGN.md §7) so the pane and the ZG.* functions never disagree.
import { isLedgerError } from '../ledger/errors';
import { daysLeft, ledgerMetrics, lightOf } from '../ledger/stats/ledger-metrics';
import type { IsoDate, Ledger, Light, MeasureRow } from '../ledger/types';

export type MeasureFacts = {
  /** The 预警 light; null when the item has neither a date nor the 长期坚持 flag (needs a person). */
  light: Light | null;
  /** Calendar days to the 截止日期 (negative once passed); null without a date. */
  daysLeft: number | null;
};

export function measureFacts(m: MeasureRow, asOf: IsoDate): MeasureFacts {
  const light = lightOf(m, asOf);
  return {
    light: isLedgerError(light) ? null : light,
    daysLeft: m.deadline ? daysLeft(m.deadline, asOf) : null,
  };
}

export type Figures = {
  problems: number;
  problemsDone: number;
  problemRate: number | null; // 整改完成率
  measures: number;
  measuresDone: number;
  measureRate: number | null; // 整改到位率
  overdue: number; // 逾期 measures
  dueSoon: number; // 临期 measures (预警 黄)
  problemsLongTerm: number;
  longTermShare: number | null; // 长期坚持占比 of problems
};

/** The header's live figures; 临期 counts the measures whose light is 黄. */
export function ledgerFigures(ledger: Ledger, asOf: IsoDate, lights: Iterable<Light | null>): Figures {
  const m = ledgerMetrics(ledger, asOf);
  let dueSoon = 0;
  for (const light of lights) if (light === '黄') dueSoon++;
  return {
    problems: m.problems,
    problemsDone: m.problemsDone,
    problemRate: m.problemRate,
    measures: m.measures,
    measuresDone: m.measuresDone,
    measureRate: m.measureRate,
    overdue: m.overdue,
    dueSoon,
    problemsLongTerm: m.problemsLongTerm,
    longTermShare: m.longTermShare,
  };
}
