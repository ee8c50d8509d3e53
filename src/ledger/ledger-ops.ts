// Pure operations on a Ledger, shared by every LedgerStore (the in-memory preview and the Excel
// adapter): ids, status and progress rules, the 销号 state machine. Each operation takes a ledger and
// returns a LedgerEdit (the new ledger, the rows it added/updated/deleted and the 变更记录 lines,
// ledger-diff.ts) or a LedgerError for bad data; problems are rolled up by rollup.ts. Unchanged rows
// keep their object identity, so diffing a 5,000-row ledger costs little.
import { mergeFigures } from './roundFigures';
import { parseIso } from './dates';
import { isLedgerError, ledgerError, type LedgerError } from './errors';
import { diffLedgers, MEASURE_LABELS, PROBLEM_LABELS, ROUND_LABELS, type LedgerEdit } from './ledger-diff';
import { prependEntry, progressEntry } from './progress';
import { rollUpProblem, rollUpProblems } from './rollup';
import { isDone } from './status';
import type { MeasurePatch, NewMeasure, NewProblem, ProblemPatch } from './store';
import { UNMARKED, type IsoDate, type Ledger, type MeasureRow, type ProblemRow, type Round, type Status } from './types';

export {
  changeText,
  diffLedgers,
  MEASURE_LABELS,
  PROBLEM_LABELS,
  ROUND_CHANGE_ID,
  ROUND_LABELS,
  type LedgerDiff,
  type LedgerEdit,
  type RowDiff,
} from './ledger-diff';
export { rollUpAll, rollUpProblem } from './rollup';
export { allowedCloseSteps, CLOSE_TRANSITIONS, closeStep, mergeEvidence, STEP_LABEL } from './close-steps';

/** The clock an operation runs under: `today` for 完成日期 defaults, `now` stamps 变更记录. */
export type OpsClock = { today: IsoDate; now: string };

/** Local wall-clock time, `YYYY-MM-DD HH:MM:SS`, the user's day (as todayIso). */
export function clockAt(now: Date = new Date()): OpsClock {
  const p = (n: number) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
  return { today, now: `${today} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}` };
}

// ---- ids -------------------------------------------------------------------------------------

const PROBLEM_ID_RE = /^P(\d+)$/;

/** P001, P002 …: one above the highest in the ledger, so a deleted id in the middle is never reused. */
export function nextProblemId(ledger: Ledger, extra: readonly string[] = []): string {
  let max = 0;
  for (const id of [...ledger.problems.map((p) => p.id), ...ledger.measures.map((m) => m.problemId), ...extra]) {
    const m = PROBLEM_ID_RE.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `P${String(max + 1).padStart(3, '0')}`;
}

/** P001-M01, P001-M02 …: one above the highest measure of that problem. */
export function nextMeasureId(ledger: Ledger, problemId: string, extra: readonly string[] = []): string {
  const prefix = `${problemId}-M`;
  let max = 0;
  for (const id of [...ledger.measures.map((m) => m.id), ...extra]) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n)) max = Math.max(max, n);
  }
  return `${prefix}${String(max + 1).padStart(2, '0')}`;
}

// ---- validation ------------------------------------------------------------------------------

export function checkDate(field: string, value: IsoDate | null | undefined): LedgerError | null {
  if (value === null || value === undefined) return null;
  return parseIso(value) ? null : ledgerError('badDate', field, value);
}

function checkDates<T>(row: T, fields: readonly (keyof T & string)[], labels: Record<string, string>): LedgerError | null {
  for (const f of fields) {
    const e = checkDate(labels[f], row[f] as IsoDate | null | undefined);
    if (e) return e;
  }
  return null;
}

const MEASURE_DATES = ['deadline', 'doneDate', 'closeDate'] as const;

/** The rows of new measures of one problem, numbered after its existing ones; not yet 申请销号. */
function newMeasureRows(ledger: Ledger, problemId: string, newMeasures: readonly NewMeasure[]): MeasureRow[] | LedgerError {
  const rows: MeasureRow[] = [];
  for (const nm of newMeasures) {
    if (!nm.text.trim()) return ledgerError('required', MEASURE_LABELS.text);
    const id = nextMeasureId(ledger, problemId, rows.map((m) => m.id));
    const row: MeasureRow = {
      ...nm, id, problemId, progress: nm.progress ?? '', evidence: nm.evidence ?? '',
      doneDate: nm.doneDate ?? null, closeState: '未申请', closeDate: null,
    };
    const bad = checkDates(row, MEASURE_DATES, MEASURE_LABELS);
    if (bad) return bad;
    rows.push(row);
  }
  return rows;
}

// ---- operations ------------------------------------------------------------------------------

/** Adds problems with their measures in one edit (a form entry is a batch of one). */
export function addProblems(
  ledger: Ledger, items: readonly { problem: NewProblem; measures: readonly NewMeasure[] }[], clock: OpsClock,
): { edit: LedgerEdit; problemIds: string[]; measureIds: string[][] } | LedgerError {
  const problems = [...ledger.problems];
  const measures = [...ledger.measures];
  const problemIds: string[] = [];
  const measureIds: string[][] = [];
  for (const { problem, measures: newMeasures } of items) {
    if (!problem.description.trim()) return ledgerError('required', PROBLEM_LABELS.description);
    const pid = nextProblemId(ledger, problemIds);
    const rows = newMeasureRows(ledger, pid, newMeasures);
    if (isLedgerError(rows)) return rows;
    const base: ProblemRow = {
      ...problem, id: pid, status: UNMARKED, longTerm: problem.longTerm ?? false, closeState: '未申请', closeDate: null,
    };
    problems.push(rollUpProblem(base, rows));
    measures.push(...rows);
    problemIds.push(pid);
    measureIds.push(rows.map((m) => m.id));
  }
  const edit = diffLedgers(ledger, { ...ledger, problems, measures }, clock.now);
  return { edit, problemIds, measureIds };
}

/**
 * Adds measures to an existing problem, right after its last measure in the ledger's (the table's)
 * order, not at the bottom: 整改统计's roll-ups find a problem's measures by binary search only while
 * they are contiguous and in problem order. A problem without measures gets them at the bottom.
 */
export function addMeasures(ledger: Ledger, problemId: string, newMeasures: readonly NewMeasure[], clock: OpsClock): { edit: LedgerEdit; measureIds: string[] } | LedgerError {
  if (!ledger.problems.some((p) => p.id === problemId)) return ledgerError('notFound', problemId);
  const rows = newMeasureRows(ledger, problemId, newMeasures);
  if (isLedgerError(rows)) return rows;
  let at = ledger.measures.length;
  for (let i = ledger.measures.length - 1; i >= 0; i--) {
    if (ledger.measures[i].problemId === problemId) {
      at = i + 1;
      break;
    }
  }
  const measures = [...ledger.measures.slice(0, at), ...rows, ...ledger.measures.slice(at)];
  const problems = rollUpProblems(ledger.problems, measures, new Set([problemId]));
  return { edit: diffLedgers(ledger, { ...ledger, problems, measures }, clock.now), measureIds: rows.map((m) => m.id) };
}

export function saveRound(ledger: Ledger, round: Round, clock: OpsClock): LedgerEdit | LedgerError {
  for (const key of ['start', 'end', 'feedback', 'asOf'] as const) {
    const bad = checkDate(ROUND_LABELS[key], round[key]);
    if (bad) return bad;
  }
  if (!Number.isInteger(round.months) || round.months < 0 || round.months > 60) return ledgerError('badNumber', ROUND_LABELS.months, round.months);
  // Figures are merged by label (never duplicated by a second save); without figures the round keeps its own.
  const figures = round.figures ? mergeFigures(ledger.round.figures ?? [], round.figures) : ledger.round.figures;
  return diffLedgers(ledger, { ...ledger, round: { ...round, ...(figures ? { figures } : {}) } }, clock.now);
}

export function updateProblem(ledger: Ledger, id: string, patch: ProblemPatch, clock: OpsClock): LedgerEdit | LedgerError {
  const index = ledger.problems.findIndex((p) => p.id === id);
  if (index < 0) return ledgerError('notFound', id);
  if ('description' in patch && !patch.description?.trim()) return ledgerError('required', PROBLEM_LABELS.description);
  const bad = checkDate(PROBLEM_LABELS.closeDate, patch.closeDate);
  if (bad) return bad;
  const problems = [...ledger.problems];
  problems[index] = { ...problems[index], ...definedOnly(patch) };
  // The status and the flag are derived from the measures whenever there are any.
  return diffLedgers(ledger, { ...ledger, problems: rollUpProblems(problems, ledger.measures, new Set([id])) }, clock.now);
}

export function updateMeasure(ledger: Ledger, id: string, patch: MeasurePatch, clock: OpsClock): LedgerEdit | LedgerError {
  const index = ledger.measures.findIndex((m) => m.id === id);
  if (index < 0) return ledgerError('notFound', id);
  if ('text' in patch && !patch.text?.trim()) return ledgerError('required', MEASURE_LABELS.text);
  const bad = checkDates(patch, MEASURE_DATES, MEASURE_LABELS);
  if (bad) return bad;
  const prev = ledger.measures[index];
  const next: MeasureRow = { ...prev, ...definedOnly(patch) };
  // A status change follows setStatus's rule unless the patch says the 完成日期 itself.
  if (patch.status !== undefined && patch.status !== prev.status && patch.doneDate === undefined) {
    next.doneDate = isDone(patch.status) ? clock.today : null;
  }
  const measures = [...ledger.measures];
  measures[index] = next;
  const problems = rollUpProblems(ledger.problems, measures, new Set([prev.problemId]));
  return diffLedgers(ledger, { ...ledger, problems, measures }, clock.now);
}

/** 已完成 sets 完成日期 (default today); any other status clears it. */
export function setStatus(ledger: Ledger, id: string, status: Status, clock: OpsClock, doneDate?: IsoDate): LedgerEdit | LedgerError {
  return updateMeasure(ledger, id, { status, doneDate: status === '已完成' ? (doneDate ?? clock.today) : null }, clock);
}

/** Puts a substantive `YYYY-MM-DD：text` entry on top of 整改进展 (newest first; progress.ts). */
export function prependProgress(progress: string, date: IsoDate, text: string): string {
  return prependEntry(progress, progressEntry(date, text));
}

export function appendProgress(ledger: Ledger, id: string, date: IsoDate, text: string, clock: OpsClock): LedgerEdit | LedgerError {
  if (!parseIso(date)) return ledgerError('badDate', MEASURE_LABELS.progress, date);
  if (!text.trim()) return ledgerError('required', MEASURE_LABELS.progress);
  const m = ledger.measures.find((x) => x.id === id);
  if (!m) return ledgerError('notFound', id);
  return updateMeasure(ledger, id, { progress: prependProgress(m.progress, date, text) }, clock);
}

export function deleteProblem(ledger: Ledger, id: string, clock: OpsClock): LedgerEdit | LedgerError {
  if (!ledger.problems.some((p) => p.id === id)) return ledgerError('notFound', id);
  const problems = ledger.problems.filter((p) => p.id !== id);
  const measures = ledger.measures.filter((m) => m.problemId !== id);
  return diffLedgers(ledger, { ...ledger, problems, measures }, clock.now);
}

export function deleteMeasure(ledger: Ledger, id: string, clock: OpsClock): LedgerEdit | LedgerError {
  const m = ledger.measures.find((x) => x.id === id);
  if (!m) return ledgerError('notFound', id);
  const measures = ledger.measures.filter((x) => x.id !== id);
  const problems = rollUpProblems(ledger.problems, measures, new Set([m.problemId]));
  return diffLedgers(ledger, { ...ledger, problems, measures }, clock.now);
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
