// Ledgers whose rows are NOT in the order the 整改统计 sheet's fast path needs (schema.ts: problems by
// 问题键, measures grouped by problem in problem order), as a ledger kept by hand or edited over
// months has them. The sheet must still count exactly what the core counts, through its exact
// fallbacks; and the in-order ledgers must actually take the fast path (tests check both).
import { rollUpAll } from '../../src/ledger/rollup';
import type { IsoDate, Ledger, MeasureRow } from '../../src/ledger/types';
import { RUN_WINDOW } from '../../src/workbook/schema';
import { sampleLedger } from '../../src/workbook/sample';

/**
 * Measures added later to early problems (at the bottom, as typing below the table appends them),
 * a row without 措施编号 between them, and two problems typed in out of ID order.
 */
export function outOfOrderLedger(asOf: IsoDate): Ledger {
  const l = sampleLedger(asOf);
  const late = l.measures.filter((_, i) => i % 5 === 1);
  const kept = l.measures.filter((_, i) => i % 5 !== 1);
  const blank: MeasureRow = { ...late[0], id: '', status: '正在推进', longTerm: true };
  const problems = [...l.problems];
  [problems[2], problems[5]] = [problems[5], problems[2]];
  return rollUpAll({ ...l, problems, measures: [...kept, blank, ...late.reverse()] });
}

/**
 * In order, but one problem has more measures than the flags read directly (RUN_WINDOW), with its
 * only open and only 长期坚持 measure at the top of its run, where the window does not reach.
 */
export function longRunLedger(asOf: IsoDate): Ledger {
  const l = sampleLedger(asOf);
  const first = l.problems[0];
  const template = l.measures.find((m) => m.problemId === first.id)!;
  const run: MeasureRow[] = Array.from({ length: RUN_WINDOW + 3 }, (_, i) => ({
    ...template,
    id: `${first.id}-L${String(i + 1).padStart(2, '0')}`,
    status: i === 0 ? '正在推进' : '已完成',
    doneDate: i === 0 ? null : asOf,
    longTerm: i === 0,
  }));
  return rollUpAll({ ...l, measures: [...run, ...l.measures.filter((m) => m.problemId !== first.id)] });
}
