// 添加整改措施: one more measure for a problem already in the ledger (a 巡察办 often asks a unit for
// more). The fields, their 整改时限 reading and their validation are the 录入 form's; the row goes
// right after the problem's last measure (store.addMeasures).
import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isStatus } from '../../../ledger/status';
import type { Status } from '../../../ledger/types';
import { fill, useI18n } from '../../i18n';
import { formKeyDown } from '../common/formKeys';
import { StatusSelect } from '../common/StatusSelect';
import { emptyMeasure, toNewMeasure, validateMeasure, type MeasureDraft } from '../entry/entryDraft';
import { MeasureFields } from '../entry/MeasureFields';
import type { MeasurePatch } from '../entry/useProblemForm';
import type { DetailContext } from './detailParts';
import type { IndexedProblem } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = { problem: IndexedProblem; context: DetailContext; feedbackKnown: boolean };

type Draft = { measure: MeasureDraft; status: Status; note: string; submitted: boolean };

const fresh = (): Draft => ({ measure: emptyMeasure('new'), status: '未启动', note: '', submitted: false });

export function AddMeasure({ problem, context, feedbackKnown }: Props) {
  const { store, action, today, refIso } = context;
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const p = problem.row;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(fresh);
  const [attempts, setAttempts] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  // Set when the form closes from inside it (取消, Esc, saved): the focus would otherwise fall to the
  // page's top with the removed section, so it goes back to the button that opened the form.
  const refocus = useRef(false);
  const setMeasure = useCallback((_key: string, patch: MeasurePatch) => setDraft((d) => ({ ...d, measure: { ...d.measure, ...patch } })), []);
  const { issues, blocking } = useMemo(
    () => validateMeasure(draft.measure, draft.submitted, { t, locale, refIso }),
    [draft.measure, draft.submitted, t, locale, refIso],
  );

  // Opening the form, or a refused save, takes keyboard users to the field that needs them.
  useEffect(() => {
    if (open) sectionRef.current?.querySelector<HTMLElement>(attempts > 0 ? '[aria-invalid="true"]' : 'textarea')?.focus();
  }, [open, attempts]);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    openButtonRef.current?.focus();
  }, [open]);

  function close() {
    refocus.current = true;
    setAttempts(0);
    setDraft(fresh());
    setOpen(false);
  }

  async function save() {
    if (action.busy) return; // Ctrl+Enter while the first save runs (the button is disabled then)
    if (blocking > 0) {
      setDraft((d) => ({ ...d, submitted: true }));
      setAttempts((n) => n + 1);
      return;
    }
    const measure = { ...toNewMeasure(draft.measure, p.leader, refIso), status: draft.status, note: draft.note.trim() };
    const ok = await action.run(
      () => store.addMeasures(p.id, [measure]),
      (r) => fill(t.didAddMeasure, p.id, r.measureIds[0] ?? ''),
    );
    if (ok) close();
  }

  if (!open) {
    return (
      <div className={styles.buttons}>
        <Button ref={openButtonRef} onClick={() => setOpen(true)} disabled={action.busy}>
          {t.addMeasureToProblem}
        </Button>
      </div>
    );
  }
  return (
    <section
      ref={sectionRef}
      className={styles.section}
      aria-labelledby={`add-measure-${p.id}`}
      onKeyDown={formKeyDown({ submit: () => void save(), cancel: () => !action.busy && close() })}
    >
      <h3 className={styles.sectionTitle} id={`add-measure-${p.id}`}>
        {fill(t.addMeasureTitle, p.id)}
      </h3>
      <MeasureFields
        index={problem.measures.length}
        measure={draft.measure}
        issues={issues}
        removable={false}
        setMeasure={setMeasure}
        onRemove={() => undefined}
        refIso={refIso}
        today={today}
        feedbackKnown={feedbackKnown}
      />
      <Field label={t.status}>
        <StatusSelect value={draft.status} onChange={(v) => isStatus(v) && setDraft((d) => ({ ...d, status: v }))} unmarked="omit" />
      </Field>
      <Field label={t.note}>
        <Textarea rows={2} value={draft.note} onChange={(_, d) => setDraft((s) => ({ ...s, note: d.value }))} />
      </Field>
      {draft.submitted && blocking > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{fill(t.formInvalid, blocking)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={save} disabled={action.busy}>
          {action.busy ? t.saving : t.saveMeasure}
        </Button>
        <Button onClick={close} disabled={action.busy}>
          {t.cancel}
        </Button>
      </div>
    </section>
  );
}
