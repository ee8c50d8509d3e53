// The summary sentence of a 整改情况通报, in the reports' own phrasing (DESIGN.md §7, §9):
//   "反馈问题15项，已按期整改完成14项，正在推进整改落实1项，纳入长期坚持15项；
//    制定的25条整改措施，已落实到位20条，整改到位率80%"
// Problems are counted in 项, measures in 条, as the published reports do.
import { ledgerCounts, type LedgerCounts } from '../stats/ledger-metrics';
import type { IsoDate, Ledger } from '../types';
import { formatPercentOf } from '../stats/rate';

/** The counts a summary sentence states (the §7 counts of stats, or ZG.SUMMARY's over a table). */
export type SummaryCounts = Pick<
  LedgerCounts,
  'problems' | 'problemsDone' | 'problemsInProgress' | 'problemsLongTerm' | 'measures' | 'measuresDone' | 'overdue' | 'closed'
>;

export type SummaryLocale = 'zh-CN' | 'en';

/** The counts of the summary sentence, by the §7 definitions of stats (countBasic off, as published). */
export function countLedger(ledger: Ledger, asOf: IsoDate): SummaryCounts {
  const c = ledgerCounts(ledger, asOf);
  return {
    problems: c.problems,
    problemsDone: c.problemsDone,
    problemsInProgress: c.problemsInProgress,
    problemsLongTerm: c.problemsLongTerm,
    measures: c.measures,
    measuresDone: c.measuresDone,
    overdue: c.overdue,
    closed: c.closed,
  };
}

function assertCounts(c: SummaryCounts): void {
  for (const [key, value] of Object.entries(c)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`summarySentence: ${key} must be a whole number ≥ 0, got ${value}`);
  }
  if (c.problemsDone + c.problemsInProgress > c.problems) throw new RangeError('summarySentence: done + in progress exceed the problems');
  if (c.problemsLongTerm > c.problems) throw new RangeError('summarySentence: long-term exceeds the problems');
  if (c.measuresDone > c.measures || c.overdue > c.measures - c.measuresDone || c.closed > c.measures) {
    throw new RangeError('summarySentence: measure counts exceed the measures');
  }
}

/**
 * The summary sentence. Parts with a zero count are left out; "按期" is only claimed when nothing
 * is overdue; problems neither done nor under way (未启动 or no outcome recorded) are named so the
 * parts add up to the total.
 */
export function summarySentence(counts: SummaryCounts, locale: SummaryLocale = 'zh-CN'): string {
  assertCounts(counts);
  return locale === 'en' ? englishSentence(counts) : chineseSentence(counts);
}

function chineseSentence(c: SummaryCounts): string {
  const clauses: string[] = [];
  if (c.problems > 0) {
    const onTime = c.overdue === 0 ? '按期' : '';
    const parts = [`反馈问题${c.problems}项`];
    if (c.problemsDone === c.problems) parts.push(`已全部${onTime}整改完成`);
    else {
      if (c.problemsDone > 0) parts.push(`已${onTime}整改完成${c.problemsDone}项`);
      if (c.problemsInProgress > 0) parts.push(`正在推进整改落实${c.problemsInProgress}项`);
      const rest = c.problems - c.problemsDone - c.problemsInProgress;
      if (rest > 0) parts.push(`尚未启动或未标注整改情况${rest}项`);
    }
    if (c.problemsLongTerm > 0) parts.push(`纳入长期坚持${c.problemsLongTerm}项`);
    clauses.push(parts.join('，'));
  }
  if (c.measures > 0) {
    const parts = [`制定的${c.measures}条整改措施`];
    if (c.measuresDone === c.measures) parts.push('已全部落实到位');
    else if (c.measuresDone > 0) parts.push(`已落实到位${c.measuresDone}条`);
    else parts.push('尚未落实到位');
    parts.push(`整改到位率${formatPercentOf(c.measuresDone, c.measures)}`);
    if (c.overdue > 0) parts.push(`逾期未完成${c.overdue}条`);
    if (c.closed > 0) parts.push(`已销号${c.closed}条`);
    clauses.push(parts.join('，'));
  }
  return clauses.length > 0 ? clauses.join('；') : '尚无反馈问题和整改措施';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function englishSentence(c: SummaryCounts): string {
  const clauses: string[] = [];
  if (c.problems > 0) {
    const onTime = c.overdue === 0 ? ' on time' : '';
    const parts = [`${plural(c.problems, 'problem', 'problems')} fed back`];
    if (c.problemsDone === c.problems) parts.push(`all rectified${onTime}`);
    else {
      if (c.problemsDone > 0) parts.push(`${c.problemsDone} rectified${onTime}`);
      if (c.problemsInProgress > 0) parts.push(`${c.problemsInProgress} in progress`);
      const rest = c.problems - c.problemsDone - c.problemsInProgress;
      if (rest > 0) parts.push(`${rest} not started or without a recorded outcome`);
    }
    if (c.problemsLongTerm > 0) parts.push(`${c.problemsLongTerm} under long-term follow-up`);
    clauses.push(parts.join(', '));
  }
  if (c.measures > 0) {
    const parts = [`of ${plural(c.measures, 'measure', 'measures')}`];
    if (c.measuresDone === c.measures) parts.push('all carried out');
    else parts.push(`${c.measuresDone} carried out`);
    parts.push(`implementation rate ${formatPercentOf(c.measuresDone, c.measures)}`);
    if (c.overdue > 0) parts.push(`${c.overdue} overdue`);
    if (c.closed > 0) parts.push(`${c.closed} closed`);
    clauses.push(parts.join(', '));
  }
  // A sentence of its own in the English pane: it starts with a capital ("Of 25 measures, …").
  const sentence = clauses.length > 0 ? clauses.join('; ') : 'no problems or measures yet';
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
