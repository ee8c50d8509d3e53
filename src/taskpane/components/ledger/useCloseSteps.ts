// State of the 销号 steps and the 延期 request of one item: which step is open, its inputs, what is
// wrong with them, and the confirmation that says what happened. The store checks the steps too.
import { useState } from 'react';
import { formatMessage } from '../../../ledger/errors';
import { allowedCloseSteps } from '../../../ledger/ledger-ops';
import { latestWorkflow, parseExtension, type Extension } from '../../../ledger/progress';
import type { CloseStep, ItemRef } from '../../../ledger/store';
import type { CloseState, IsoDate, StatusOrUnmarked } from '../../../ledger/types';
import { formatDate } from '../../format';
import type { StoreAction } from '../../hooks/useStoreAction';
import { fill, useI18n } from '../../i18n';
import type { Strings } from '../../i18n/zh-CN';
import { readDeadline } from '../entry/entryDraft';

export type CloseStepsProps = {
  item: ItemRef;
  state: CloseState;
  closeDate: IsoDate | null;
  /** The measure's 整改状态 (申请延期 is not offered once 已完成); absent for a problem. */
  status?: StatusOrUnmarked;
  /** The item's log (整改进展), where a pending 延期 request is read from. */
  log?: string;
  /** The measure's 整改时限 now, shown beside the new one asked for. */
  deadlineText?: string;
  /** The 佐证材料 an application is made with, and how to change them: one box, shared with the page. */
  evidence: string;
  onEvidenceChange: (value: string) => void;
  /** Told when a step opens or closes, so the page can hide what the step's form replaces. */
  onModeChange?: (mode: CloseMode) => void;
  today: IsoDate;
  refIso: IsoDate;
  action: StoreAction;
  store: { closeStep: (ref: ItemRef, step: CloseStep) => Promise<CloseState> };
};

export type CloseMode = 'idle' | CloseStep['step'];
export type CloseField = 'evidence' | 'reason' | 'deadline' | 'date';

export function stepLabels(t: Strings): Record<CloseStep['step'], string> {
  return {
    apply: t.applyClose,
    approve: t.approveClose,
    reject: t.rejectClose,
    extend: t.extendClose,
    approveExtension: t.approveExtension,
    refuseExtension: t.refuseExtension,
  };
}

export function useCloseSteps(props: CloseStepsProps) {
  const { item, state, status, log, evidence, today, refIso, action, store, onModeChange } = props;
  const { t, locale } = useI18n();
  const [mode, setModeState] = useState<CloseMode>('idle');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [deadlineText, setDeadlineText] = useState('');
  const [tried, setTried] = useState(false);
  const allowed = allowedCloseSteps(item, { closeState: state, status });
  const request: Extension | null = state === '申请延期' ? ((e) => (e ? parseExtension(e.detail) : null))(latestWorkflow(log, ['extendApply'])) : null;

  const setMode = (next: CloseMode) => {
    setModeState(next);
    onModeChange?.(next);
  };
  const begin = (next: CloseMode) => {
    setMode(next);
    setTried(false);
    setDate(today);
    setReason('');
    setDeadlineText('');
  };

  const deadline = readDeadline(deadlineText, refIso);
  const needsReason: Partial<Record<CloseMode, string>> = {
    reject: t.rejectReason,
    extend: t.extendReason,
    refuseExtension: t.refuseReason,
  };
  // What is wrong with the step's inputs, in the words shown beside each field.
  const problems: Partial<Record<CloseField, string>> = {};
  if (!date) problems.date = formatMessage('required', [mode === 'approve' ? t.closeDate : t.progressDate], locale);
  if (mode === 'apply' && !evidence.trim()) problems.evidence = t.applyNeedsEvidence;
  if (needsReason[mode] && !reason.trim()) problems.reason = formatMessage('required', [needsReason[mode] as string], locale);
  if (mode === 'extend' && deadline.state === 'empty') problems.deadline = formatMessage('required', [t.newDeadline], locale);
  if (mode === 'extend' && deadline.state === 'invalid') problems.deadline = formatMessage('badDeadline', [t.newDeadline, deadlineText.trim()], locale);

  function stepOf(m: CloseMode): CloseStep | null {
    switch (m) {
      case 'apply':
        return { step: 'apply', evidence, date };
      case 'approve':
        return { step: 'approve', date };
      case 'reject':
        return { step: 'reject', reason, date };
      case 'extend':
        return {
          step: 'extend',
          deadlineText: deadlineText.trim(),
          deadline: deadline.state === 'date' ? deadline.date : null,
          reason,
          date,
        };
      case 'approveExtension':
        return { step: 'approveExtension', date };
      case 'refuseExtension':
        return { step: 'refuseExtension', reason, date };
      default:
        return null;
    }
  }

  /** What the MessageBar says once the step is done: what happened, not "updated". */
  function doneText(step: CloseStep): string {
    const newDeadline = request ? request.deadlineText || formatDate(request.deadline, locale) : '';
    const texts: Record<CloseStep['step'], string> = {
      apply: fill(t.didApply, item.id),
      approve: fill(t.didApprove, item.id),
      reject: fill(t.didReject, item.id),
      extend: fill(t.didExtend, item.id),
      approveExtension: fill(t.didApproveExtension, item.id, newDeadline),
      refuseExtension: fill(t.didRefuseExtension, item.id),
    };
    return texts[step.step];
  }

  async function confirm() {
    setTried(true);
    const step = stepOf(mode);
    if (!step || Object.keys(problems).length > 0) return;
    const ok = await action.run(() => store.closeStep(item, step), doneText(step));
    if (ok) setMode('idle');
  }

  const shownError = (key: CloseField) => (tried && problems[key] ? { validationState: 'error' as const, validationMessage: problems[key] } : {});

  return {
    t,
    locale,
    mode,
    allowed,
    request,
    date,
    setDate,
    reason,
    setReason,
    deadlineText,
    setDeadlineText,
    deadline,
    problems,
    tried,
    begin,
    cancel: () => setMode('idle'),
    confirm,
    shownError,
    labels: stepLabels(t),
  };
}
