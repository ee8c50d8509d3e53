// 录入: a problem with any number of measures, written to the store in one call once the form is
// valid. The draft comes from App (useProblemForm there), so it survives switching tabs.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { IsoDate } from '../../../ledger/types';
import { describeError } from '../../format';
import { fill, useI18n } from '../../i18n';
import type { PanelProps } from '../../panelProps';
import { formKeyDown } from '../common/formKeys';
import { toNewItems, validateDraft } from './entryDraft';
import { useEntryStyles } from './entryStyles';
import { MeasureFields } from './MeasureFields';
import { ProblemFields } from './ProblemFields';
import type { ProblemForm } from './useProblemForm';

export type EntryPanelProps = PanelProps & { form: ProblemForm; today: IsoDate };

type Notice = { intent: 'success' | 'error'; text: string };

export function EntryPanel({ store, ledger, onLedgerChanged, form, today }: EntryPanelProps) {
  const { t, locale } = useI18n();
  const styles = useEntryStyles();
  const { draft } = form;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // No Esc here: the only other button, 重置, throws the draft away, which a stray key must not do.
  const onKeyDown = formKeyDown({ submit: () => formRef.current?.requestSubmit() });

  const feedback = ledger.round.feedback;
  const refIso = feedback ?? today;
  const categories = useMemo(() => [...new Set(ledger.problems.map((p) => p.category).filter(Boolean))], [ledger.problems]);
  const issues = useMemo(() => validateDraft(draft, { t, locale, refIso }), [draft, t, locale, refIso]);

  // After a refused save, take keyboard users to the first field that needs them.
  useEffect(() => {
    if (attempts === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (issues.blocking > 0) {
      form.markSubmitted();
      setNotice(null);
      setAttempts((n) => n + 1);
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const { problem, measures } = toNewItems(draft, refIso);
      const result = await store.addProblem(problem, measures);
      form.reset();
      setNotice({ intent: 'success', text: fill(t.saved, result.problemId, result.measureIds.length) });
      await onLedgerChanged();
    } catch (error) {
      setNotice({ intent: 'error', text: describeError(error, locale) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className={styles.form} onSubmit={save} onKeyDown={onKeyDown} noValidate aria-label={t.entryTitle}>
      <ProblemFields problem={draft.problem} issues={issues.problem} categories={categories} onChange={form.setProblemField} />
      <fieldset className={styles.section}>
        <legend className={styles.legend}>{t.measuresSection}</legend>
        {draft.measures.map((m, i) => (
          <MeasureFields
            key={m.key}
            index={i}
            measure={m}
            issues={issues.measures[m.key]}
            removable={draft.measures.length > 1}
            setMeasure={form.setMeasure}
            onRemove={form.removeMeasure}
            refIso={refIso}
            today={today}
            feedbackKnown={feedback !== null}
          />
        ))}
        <Button onClick={form.addMeasure}>{t.addMeasure}</Button>
      </fieldset>
      {draft.submitted && issues.blocking > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{fill(t.formInvalid, issues.blocking)}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t.saving : t.saveProblem}
        </Button>
        <Button
          onClick={() => {
            form.reset();
            setNotice(null);
          }}
          disabled={busy}
        >
          {t.resetForm}
        </Button>
      </div>
    </form>
  );
}
