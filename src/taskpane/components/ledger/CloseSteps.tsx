// The 销号 steps of an item — 申请 (with 佐证材料) → 同意销号 / 退回 (with a reason) — and the 延期
// request of a measure — 申请 (新时限, 理由) → 同意 / 不同意. Only the steps the current state allows
// are offered (useCloseSteps); a pending request is shown with what it asks for.
import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { formatDate } from '../../format';
import { fill } from '../../i18n';
import { closeStateLabel } from '../../i18n/values';
import { useLedgerStyles } from './ledgerStyles';
import { useCloseSteps, type CloseStepsProps } from './useCloseSteps';

export function CloseSteps(props: CloseStepsProps) {
  const { item, state, closeDate, evidence, onEvidenceChange, action } = props;
  const s = useCloseSteps(props);
  const { t, locale, mode } = s;
  const styles = useLedgerStyles();

  return (
    <section className={styles.section} aria-labelledby={`close-${item.id}`}>
      <h3 className={styles.sectionTitle} id={`close-${item.id}`}>
        {t.closeSection}
      </h3>
      <dl className={styles.facts}>
        <dt>{t.closeState}</dt>
        {/* Plain text, as every fact here: the word beside a badge saying it again read 已销号 已销号. */}
        <dd>{closeStateLabel(state, locale)}</dd>
        {closeDate && (
          <>
            <dt>{t.closeDate}</dt>
            <dd>{formatDate(closeDate, locale)}</dd>
          </>
        )}
        {s.request && (
          <>
            <dt>{t.extendClose}</dt>
            <dd>
              {fill(t.pendingExtension, s.request.deadlineText || formatDate(s.request.deadline, locale))}
              {s.request.reason && fill(t.extensionReasonShown, s.request.reason)}
            </dd>
          </>
        )}
      </dl>
      {mode === 'idle' ? (
        s.allowed.length > 0 && (
          <div className={styles.buttons}>
            {s.allowed.map((step) => (
              <Button key={step} onClick={() => s.begin(step)} disabled={action.busy}>
                {s.labels[step]}
              </Button>
            ))}
          </div>
        )
      ) : (
        <div className={styles.panel} role="group" aria-label={s.labels[mode]}>
          {mode === 'apply' && (
            <Field label={t.evidence} hint={t.evidenceHint} required {...s.shownError('evidence')}>
              <Textarea rows={3} value={evidence} onChange={(_, d) => onEvidenceChange(d.value)} />
            </Field>
          )}
          {mode === 'extend' && (
            <Field
              label={t.newDeadline}
              hint={props.deadlineText ? fill(t.currentDeadline, props.deadlineText) : undefined}
              required
              {...(s.tried && s.problems.deadline
                ? s.shownError('deadline')
                : s.deadline.state === 'date'
                  ? {
                      validationState: 'success' as const,
                      validationMessage: fill(t.parsedAs, formatDate(s.deadline.date, locale)),
                    }
                  : {})}
            >
              <Input value={s.deadlineText} placeholder={t.deadlinePlaceholder} onChange={(_, d) => s.setDeadlineText(d.value)} />
            </Field>
          )}
          {(mode === 'reject' || mode === 'extend' || mode === 'refuseExtension') && (
            <Field label={mode === 'reject' ? t.rejectReason : mode === 'extend' ? t.extendReason : t.refuseReason} required {...s.shownError('reason')}>
              <Textarea rows={2} value={s.reason} onChange={(_, d) => s.setReason(d.value)} />
            </Field>
          )}
          <Field label={mode === 'approve' ? t.closeDate : t.progressDate} {...s.shownError('date')}>
            <Input type="date" value={s.date} onChange={(_, d) => s.setDate(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={s.confirm} disabled={action.busy}>
              {s.labels[mode]}
            </Button>
            <Button onClick={s.cancel}>{t.cancel}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
