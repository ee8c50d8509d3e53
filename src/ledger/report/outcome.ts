// What a 通报 says about the outcome of one problem (整改情况：…) and of each of its measures. The
// outcome follows from the problem's rolled-up status and its measures (DESIGN.md §4) and from
// nothing else, so an item never contradicts itself: 尚未启动 comes with no progress at all, 已销号
// only when the problem or every one of its measures is 已销号, 已完成 never with a deadline still
// to meet. Progress notes are the measures' newest *substantive* entries (progress.ts): 销号, 退回,
// 延期 and 分发/回收 entries are internal and never reach a published text.
import { latestSubstantive } from '../progress';
import { isDone } from '../status';
import type { IsoDate, MeasureRow, ProblemRow, Status } from '../types';
import { UNMARKED } from '../types';
import { deadlinePhrase, sentence } from './phrasing';

const OPEN_PHRASE: Record<Exclude<Status, '已完成'>, string> = {
  未启动: '尚未启动',
  正在推进: '正在推进',
  部分完成: '部分已整改',
  基本完成: '基本完成整改',
};

/** Whether the 通报 may say 已销号: the problem was closed, or every one of its measures was. */
export function isClosed(problem: ProblemRow, measures: readonly MeasureRow[]): boolean {
  if (!isDone(problem.status)) return false;
  return problem.closeState === '已销号' || (measures.length > 0 && measures.every((m) => m.closeState === '已销号'));
}

/** The deadline clause of an open problem, from its open measures' 截止日期. */
function deadlineClause(measures: readonly MeasureRow[], asOf: IsoDate): string | null {
  const open = measures.filter((m) => !isDone(m.status) && m.deadline !== null).map((m) => m.deadline as IsoDate);
  if (open.length === 0) return null;
  const latest = (ds: IsoDate[]) => ds.reduce((a, b) => (b > a ? b : a));
  const overdue = open.filter((d) => d < asOf);
  const coming = open.filter((d) => d >= asOf);
  if (coming.length === 0) return `原定${deadlinePhrase(latest(overdue))}整改到位，已逾期`;
  const head = `${deadlinePhrase(latest(coming))}整改到位`;
  return overdue.length > 0 ? `${head}，其中${overdue.length}条措施已超过原定时限` : head;
}

/**
 * The outcome clause: 已完成整改 / 已完成并长期坚持 (，已销号); 尚未启动 / 正在推进 / 部分已整改 /
 * 基本完成整改 with how many measures are done, 需长期坚持 and the deadline; 尚未填报整改结果.
 */
export function outcomeClause(problem: ProblemRow, measures: readonly MeasureRow[], asOf: IsoDate): string {
  const status = problem.status;
  if (status === UNMARKED) return '尚未填报整改结果';
  if (isDone(status)) {
    const head = problem.longTerm ? '已完成并长期坚持' : '已完成整改';
    return isClosed(problem, measures) ? `${head}，已销号` : head;
  }
  const clauses = [OPEN_PHRASE[status as Exclude<Status, '已完成'>]];
  const done = measures.filter((m) => isDone(m.status)).length;
  if (status !== '未启动' && done > 0 && measures.length > 1) clauses.push(`${measures.length}条整改措施已完成${done}条`);
  if (problem.longTerm) clauses.push('需长期坚持');
  const deadline = deadlineClause(measures, asOf);
  if (deadline) clauses.push(deadline);
  return clauses.join('，');
}

/**
 * The newest substantive progress of a measure, as a sentence; '' when there is none, or when the
 * measure — or its whole problem — has not started (a note would contradict 尚未启动).
 */
export function measureNote(problem: ProblemRow, measure: MeasureRow): string {
  if (problem.status === '未启动' || measure.status === '未启动') return '';
  return latestSubstantive(measure.progress)
    .split('\n')
    .map((line) => sentence(line))
    .join('');
}

/** 整改情况：outcome。 followed by the measure's note when the problem has a single measure. */
export function statusLine(problem: ProblemRow, measures: readonly MeasureRow[], asOf: IsoDate): string {
  const note = measures.length === 1 ? measureNote(problem, measures[0]) : '';
  return `整改情况：${outcomeClause(problem, measures, asOf)}。${note}`;
}
