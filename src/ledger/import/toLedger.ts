// An import as ledger rows: the round, one 问题清单 row per problem and one 整改台账 row per
// measure. A problem whose text lists no measures still gets one measure carrying its status and
// deadline (the problem's status is rolled up from its measures), unless nothing is known of its
// rectification at all (a 反馈意见: the unit writes its measures later).
import { uniqueLabels } from '../roundFigures';
import { problemStatus } from '../status';
import type { NewMeasure, NewProblem } from '../store';
import { EMPTY_ROUND, UNMARKED } from '../types';
import type { Ledger, MeasureRow, ProblemRow, Round } from '../types';
import type { ImportedProblem, ImportResult } from './types';
import { readStatusLabel } from './lines';

export type NewItem = { problem: NewProblem; measures: NewMeasure[] };

export function toRound(result: ImportResult, base: Round = EMPTY_ROUND): Round {
  const r = result.round;
  return {
    ...base,
    org: r.org ?? base.org,
    inspector: r.inspector ?? base.inspector,
    kind: r.kind || base.kind,
    start: r.inspectionStart ?? base.start,
    end: r.inspectionEnd ?? base.end,
    feedback: r.feedbackDate ?? base.feedback,
    ...(result.figures.length > 0 ? { figures: uniqueLabels(result.figures) } : {}),
  };
}

/** The rectification text without its leading status label, for a measure the text did not list. */
function fallbackMeasureText(p: ImportedProblem): string {
  const body = p.body.trim();
  if (body === '') return p.statusText;
  const label = readStatusLabel(body);
  return (label ? label.rest : body).trim() || p.statusText;
}

function measuresOf(p: ImportedProblem): NewMeasure[] {
  const base = { leader: '', unit: '', coUnits: '', owner: '', note: '' };
  if (p.measures.length > 0) {
    return p.measures.map((m) => ({
      ...base,
      text: m.text,
      leader: m.leader,
      unit: m.unit,
      owner: m.owner,
      deadlineText: m.deadlineText,
      deadline: m.deadline,
      status: m.status ?? UNMARKED,
      longTerm: m.longTerm,
    }));
  }
  const text = fallbackMeasureText(p);
  if (text === '' && p.status === null && p.deadline === null) return [];
  return [
    {
      ...base,
      text: text || p.finding,
      deadlineText: p.deadlineText ?? (p.longTerm ? '长期坚持' : ''),
      deadline: p.deadline,
      status: p.status ?? UNMARKED,
      longTerm: p.longTerm,
    },
  ];
}

/** The batch for store.addProblems (ids are given by the store). */
export function toNewItems(result: ImportResult): NewItem[] {
  const source = result.round.kind === '回头看' ? '回头看' : '巡察反馈';
  return result.problems.map((p) => ({
    problem: {
      sourceNumber: p.number ?? '',
      category: p.category ?? '',
      description: p.finding,
      source,
      leader: p.measures.find((m) => m.leader)?.leader ?? '',
      leadUnit: p.measures.find((m) => m.unit)?.unit ?? '',
      note: p.group ? `所属问题：${p.group}` : '',
      longTerm: p.longTerm,
    },
    measures: measuresOf(p),
  }));
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A whole ledger from an import: P001…, P001-M01…, problem status rolled up (status.ts problemStatus). */
export function toLedger(result: ImportResult): Ledger {
  const problems: ProblemRow[] = [];
  const measures: MeasureRow[] = [];
  toNewItems(result).forEach((item, i) => {
    const id = `P${pad(i + 1, 3)}`;
    const rows: MeasureRow[] = item.measures.map((m, j) => ({
      ...m,
      id: `${id}-M${pad(j + 1, 2)}`,
      problemId: id,
      progress: m.progress ?? '',
      evidence: m.evidence ?? '',
      doneDate: m.doneDate ?? null,
      closeState: '未申请',
      closeDate: null,
    }));
    problems.push({
      ...item.problem,
      id,
      status: problemStatus(rows.map((r) => r.status)),
      longTerm: (item.problem.longTerm ?? false) || rows.some((r) => r.longTerm),
      closeState: '未申请',
      closeDate: null,
    });
    measures.push(...rows);
  });
  return { round: toRound(result), problems, measures };
}
