// The 销号 steps and the 延期 request of a measure or problem (DESIGN.md §4): the state machine over
// 销号状态, and the workflow entry each step leaves in 整改进展 (progress.ts). Pure, like ledger-ops.
import { parseIso } from './dates';
import { isLedgerError, ledgerError, type LedgerError } from './errors';
import { MEASURE_LABELS, type LedgerEdit } from './ledger-diff';
import { checkDate, updateMeasure, updateProblem, type OpsClock } from './ledger-ops';
import {
  closeApplyDetail, extensionDetail, latestWorkflow, parseExtension, prependEntry, reasonDetail, workflowEntry, type ProgressEntry,
} from './progress';
import { isDone } from './status';
import type { CloseStep, ItemRef, MeasurePatch } from './store';
import type { CloseState, Ledger, MeasureRow, ProblemRow } from './types';

/**
 * Which steps each 销号状态 allows. 销号: 未申请/退回 → 已申请 → 已销号 or 退回. 延期 is a request of
 * its own: 未申请/退回 → 申请延期 → 同意 or 不同意, both back to 未申请. So a pending 销号 application
 * is never overwritten by a 延期 request, nor a pending request by an application.
 */
export const CLOSE_TRANSITIONS: Readonly<Record<CloseState, readonly CloseStep['step'][]>> = {
  未申请: ['apply', 'extend'],
  已申请: ['approve', 'reject'],
  退回: ['apply', 'extend'],
  申请延期: ['approveExtension', 'refuseExtension'],
  已销号: [],
};

const STEP_TARGET: Record<CloseStep['step'], CloseState> = {
  apply: '已申请', approve: '已销号', reject: '退回', extend: '申请延期', approveExtension: '未申请', refuseExtension: '未申请',
};
export const STEP_LABEL: Record<CloseStep['step'], string> = {
  apply: '申请销号', approve: '销号', reject: '退回', extend: '申请延期', approveExtension: '同意延期', refuseExtension: '不同意延期',
};

/** The steps `item` may take now: the state machine, less 申请延期 where it makes no sense. */
export function allowedCloseSteps(ref: ItemRef, item: Pick<MeasureRow, 'closeState'> & { status?: MeasureRow['status'] }): CloseStep['step'][] {
  return CLOSE_TRANSITIONS[item.closeState].filter((s) => s !== 'extend' || (ref.kind === 'measure' && !isDone(item.status)));
}

type StepResult = { entry: ProgressEntry; patch: MeasurePatch } | LedgerError;

/** The log entry and the field changes of one step (already known to be allowed). */
function stepEffect(ref: ItemRef, current: MeasureRow | ProblemRow, step: CloseStep): StepResult {
  switch (step.step) {
    case 'apply':
      if (!step.evidence.trim()) return ledgerError('required', MEASURE_LABELS.evidence);
      return { entry: workflowEntry(step.date, 'closeApply', closeApplyDetail(step.evidence)), patch: {} };
    case 'approve':
      return { entry: workflowEntry(step.date, 'closeApprove'), patch: {} };
    case 'reject':
      if (!step.reason.trim()) return ledgerError('required', '退回原因');
      return { entry: workflowEntry(step.date, 'closeReject', reasonDetail(step.reason)), patch: {} };
    case 'extend': {
      if (ref.kind !== 'measure') return ledgerError('extendMeasureOnly', ref.id);
      const m = current as MeasureRow;
      if (isDone(m.status)) return ledgerError('extendDone', ref.id);
      if (!step.deadlineText.trim() && !step.deadline) return ledgerError('required', '新的整改时限');
      const bad = checkDate(MEASURE_LABELS.deadline, step.deadline);
      if (bad) return bad;
      if (!step.reason.trim()) return ledgerError('required', '延期理由');
      const previous = m.deadlineText.trim() || m.deadline || '';
      const detail = extensionDetail({ deadlineText: step.deadlineText, deadline: step.deadline, previous, reason: step.reason });
      return { entry: workflowEntry(step.date, 'extendApply', detail), patch: {} };
    }
    case 'approveExtension': {
      const m = current as MeasureRow;
      const request = latestWorkflow(m.progress, ['extendApply']);
      const x = request ? parseExtension(request.detail) : null;
      const target = x ? x.deadlineText || x.deadline || '' : '';
      // A request written by the old add-in had already replaced the deadline: nothing left to change.
      if (!x || !target || target === m.deadlineText.trim()) return { entry: workflowEntry(step.date, 'extendApprove', x ? extensionDetail({ ...x, reason: '' }) : ''), patch: {} };
      const previous = m.deadlineText.trim() || m.deadline || '';
      return {
        entry: workflowEntry(step.date, 'extendApprove', extensionDetail({ ...x, previous, reason: '' })),
        patch: { deadlineText: target, deadline: x.deadline },
      };
    }
    case 'refuseExtension':
      if (!step.reason.trim()) return ledgerError('required', '不同意延期的理由');
      return { entry: workflowEntry(step.date, 'extendRefuse', reasonDetail(step.reason)), patch: {} };
  }
}

export function closeStep(ledger: Ledger, ref: ItemRef, step: CloseStep, clock: OpsClock): { edit: LedgerEdit; state: CloseState } | LedgerError {
  const current = ref.kind === 'problem' ? ledger.problems.find((p) => p.id === ref.id) : ledger.measures.find((m) => m.id === ref.id);
  if (!current) return ledgerError('notFound', ref.id);
  if (!CLOSE_TRANSITIONS[current.closeState].includes(step.step)) return ledgerError('badCloseStep', ref.id, current.closeState, STEP_LABEL[step.step]);
  if (!parseIso(step.date)) return ledgerError('badDate', MEASURE_LABELS.closeDate, step.date);
  const effect = stepEffect(ref, current, step);
  if (isLedgerError(effect)) return effect;
  const state = STEP_TARGET[step.step];
  const common = { closeState: state, closeDate: step.step === 'approve' ? step.date : null };
  // Every step leaves a dated workflow entry: in 整改进展 for a measure, in 备注 for a problem (it has no log).
  let edit: LedgerEdit | LedgerError;
  if (ref.kind === 'measure') {
    const m = current as MeasureRow;
    const evidence = step.step === 'apply' ? mergeEvidence(m.evidence, step.evidence) : m.evidence;
    edit = updateMeasure(ledger, ref.id, { ...common, ...effect.patch, evidence, progress: prependEntry(m.progress, effect.entry) }, clock);
  } else {
    const p = current as ProblemRow;
    edit = updateProblem(ledger, ref.id, { ...common, note: prependEntry(p.note, effect.entry) }, clock);
  }
  return isLedgerError(edit) ? edit : { edit, state };
}

/** 佐证材料 accumulates one item per line, without repeats. */
export function mergeEvidence(existing: string, added: string): string {
  const lines = existing.split('\n').map((s) => s.trim()).filter(Boolean);
  for (const item of added.split('\n').map((s) => s.trim()).filter(Boolean)) if (!lines.includes(item)) lines.push(item);
  return lines.join('\n');
}
