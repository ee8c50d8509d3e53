// The 销号 steps of an item: 申请 (with 佐证材料) → 同意销号 / 退回 (with a reason) / 申请延期 (with a
// new 整改时限). Only the steps the current 销号状态 allows are offered; the store checks them too.
import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { formatMessage } from '../../../ledger/errors';
import { CLOSE_TRANSITIONS } from '../../../ledger/ledger-ops';
import type { CloseStep, ItemRef } from '../../../ledger/store';
import type { CloseState, IsoDate } from '../../../ledger/types';
import { formatDate } from '../../format';
import type { StoreAction } from '../../hooks/useStoreAction';
import { fill, useI18n } from '../../i18n';
import { readDeadline } from '../entry/entryDraft';
import { CloseBadge } from './badges';
import { useLedgerStyles } from './ledgerStyles';

type Props = {
  item: ItemRef;
  state: CloseState;
  closeDate: IsoDate | null;
  evidence: string;
  today: IsoDate;
  refIso: IsoDate;
  action: StoreAction;
  store: { closeStep: (ref: ItemRef, step: CloseStep) => Promise<CloseState> };
};

type Mode = 'idle' | CloseStep['step'];

export function CloseSteps({ item, state, closeDate, evidence, today, refIso, action, store }: Props) {
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const [mode, setMode] = useState<Mode>('idle');
  const [evidenceDraft, setEvidenceDraft] = useState(evidence);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [deadlineText, setDeadlineText] = useState('');
  const [tried, setTried] = useState(false);
  const allowed = CLOSE_TRANSITIONS[state];

  const begin = (next: Mode) => {
    setMode(next);
    setTried(false);
    setEvidenceDraft(evidence);
    setDate(today);
    setReason('');
    setDeadlineText('');
  };

  const deadline = readDeadline(deadlineText, refIso);
  // What is wrong with the step's inputs, in the words shown beside each field.
  const problems: Partial<Record<'evidence' | 'reason' | 'deadline' | 'date', string>> = {};
  if (!date) problems.date = formatMessage('required', [mode === 'approve' ? t.closeDate : t.progressDate], locale);
  if (mode === 'apply' && !evidenceDraft.trim()) problems.evidence = t.applyNeedsEvidence;
  if (mode === 'reject' && !reason.trim()) problems.reason = formatMessage('required', [t.rejectReason], locale);
  if (mode === 'extend' && deadline.state === 'empty') problems.deadline = formatMessage('required', [t.newDeadline], locale);
  if (mode === 'extend' && deadline.state === 'invalid') problems.deadline = formatMessage('badDeadline', [t.newDeadline, deadlineText.trim()], locale);

  async function confirm() {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    let step: CloseStep;
    switch (mode) {
      case 'apply':
        step = { step: 'apply', evidence: evidenceDraft, date };
        break;
      case 'approve':
        step = { step: 'approve', date };
        break;
      case 'reject':
        step = { step: 'reject', reason, date };
        break;
      case 'extend':
        step = { step: 'extend', deadlineText: deadlineText.trim(), deadline: deadline.state === 'date' ? deadline.date : null, reason, date };
        break;
      case 'approveExtension':
        step = { step: 'approveExtension', date };
        break;
      case 'refuseExtension':
        step = { step: 'refuseExtension', reason, date };
        break;
      default:
        return;
    }
    const ok = await action.run(() => store.closeStep(item, step), fill(t.updated, item.id));
    if (ok) setMode('idle');
  }

  const stepLabel: Record<CloseStep['step'], string> = {
    apply: t.applyClose,
    approve: t.approveClose,
    reject: t.rejectClose,
    extend: t.extendClose,
    approveExtension: t.approveExtension,
    refuseExtension: t.refuseExtension,
  };
  const shownError = (key: keyof typeof problems) =>
    tried && problems[key] ? { validationState: 'error' as const, validationMessage: problems[key] } : {};

  return (
    <section className={styles.section} aria-labelledby={`close-${item.id}`}>
      <h3 className={styles.sectionTitle} id={`close-${item.id}`}>
        {t.closeSection}
      </h3>
      <dl className={styles.facts}>
        <dt>{t.closeState}</dt>
        <dd>
          {state} <CloseBadge state={state} />
        </dd>
        {closeDate && (
          <>
            <dt>{t.closeDate}</dt>
            <dd>{formatDate(closeDate, locale)}</dd>
          </>
        )}
      </dl>
      {mode === 'idle' ? (
        allowed.length > 0 && (
          <div className={styles.buttons}>
            {allowed.map((s) => (
              <Button key={s} onClick={() => begin(s)} disabled={action.busy}>
                {stepLabel[s]}
              </Button>
            ))}
          </div>
        )
      ) : (
        <div className={styles.panel} role="group" aria-label={stepLabel[mode]}>
          {mode === 'apply' && (
            <Field label={t.evidence} hint={t.evidenceHint} required {...shownError('evidence')}>
              <Textarea rows={3} value={evidenceDraft} onChange={(_, d) => setEvidenceDraft(d.value)} />
            </Field>
          )}
          {mode === 'reject' && (
            <Field label={t.rejectReason} required {...shownError('reason')}>
              <Textarea rows={2} value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
          )}
          {mode === 'extend' && (
            <>
              <Field
                label={t.newDeadline}
                required
                {...(tried && problems.deadline
                  ? shownError('deadline')
                  : deadline.state === 'date'
                    ? { validationState: 'success' as const, validationMessage: fill(t.parsedAs, formatDate(deadline.date, locale)) }
                    : {})}
              >
                <Input value={deadlineText} placeholder={t.deadlinePlaceholder} onChange={(_, d) => setDeadlineText(d.value)} />
              </Field>
              <Field label={t.extendReason}>
                <Textarea rows={2} value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </>
          )}
          <Field label={mode === 'approve' ? t.closeDate : t.progressDate} {...shownError('date')}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={confirm} disabled={action.busy}>
              {stepLabel[mode]}
            </Button>
            <Button onClick={() => setMode('idle')}>{t.cancel}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
