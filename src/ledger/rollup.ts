// The problem roll-up (DESIGN.md §3, §4), the one definition every part uses: the store after each
// edit and load, the metrics of the pane and the reports. A problem's 问题状态 is the weakest status
// of its measures, but 未启动 only when none of them has started (status.ts problemStatus); it is
// 长期坚持 when any measure is; without measures it has no outcome.
import { problemStatus } from './status';
import { UNMARKED, type Ledger, type MeasureRow, type ProblemRow } from './types';

/** A problem's status is rolled up from its measures (problemStatus); it is 长期坚持 when any measure is. */
export function rollUpProblem(problem: ProblemRow, measures: readonly MeasureRow[]): ProblemRow {
  if (measures.length === 0) return problem.status === UNMARKED ? problem : { ...problem, status: UNMARKED };
  const status = problemStatus(measures.map((m) => m.status));
  const longTerm = measures.some((m) => m.longTerm);
  return status === problem.status && longTerm === problem.longTerm ? problem : { ...problem, status, longTerm };
}

/** The measures of each problem (of those in `ids`, when given), in ledger order. */
export function measuresByProblem(measures: readonly MeasureRow[], ids?: ReadonlySet<string>): Map<string, MeasureRow[]> {
  const byProblem = new Map<string, MeasureRow[]>();
  for (const m of measures) {
    if (ids && !ids.has(m.problemId)) continue;
    const list = byProblem.get(m.problemId);
    if (list) list.push(m);
    else byProblem.set(m.problemId, [m]);
  }
  return byProblem;
}

/** Rolls up the problems in `ids`; the others, and unchanged ones, keep their object identity. */
export function rollUpProblems(problems: ProblemRow[], measures: readonly MeasureRow[], ids: ReadonlySet<string>): ProblemRow[] {
  if (ids.size === 0) return problems;
  const byProblem = measuresByProblem(measures, ids);
  return problems.map((p) => (ids.has(p.id) ? rollUpProblem(p, byProblem.get(p.id) ?? []) : p));
}

/** Recomputes every problem's status and flag (after a load, where hands may have edited cells). */
export function rollUpAll(ledger: Ledger): Ledger {
  const problems = rollUpProblems(ledger.problems, ledger.measures, new Set(ledger.problems.map((p) => p.id)));
  return problems.every((p, i) => p === ledger.problems[i]) ? ledger : { ...ledger, problems };
}
