// One measure: its facts, 整改状态 (已完成 sets an editable 完成日期), dated 整改进展, 佐证材料,
// 长期坚持, the 销号 steps, and delete.
import { Button, Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatMessage } from '../../../ledger/errors';
import { latestWorkflow, parseExtension } from '../../../ledger/progress';
import { isStatus } from '../../../ledger/status';
import type { IsoDate } from '../../../ledger/types';
import { formatDate } from '../../format';
import { fill, useI18n } from '../../i18n';
import { StatusSelect } from '../common/StatusSelect';
import { LightBadge, StatusBadge } from './badges';
import { DetailFoot, FactList, type DetailContext } from './detailParts';
import { ProgressLog } from './ProgressLog';
import { deadlineSummary } from './ItemList';
import type { IndexedMeasure } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = DetailContext & {
  measure: IndexedMeasure;
  onOpenProblem: (id: string) => void;
};

export function MeasureDetail({ measure, onOpenProblem, ...context }: Props) {
  const { store, action, today } = context;
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const m = measure.row;
  const [status, setStatus] = useState<string>(m.status);
  const [doneDate, setDoneDate] = useState<IsoDate>(m.doneDate ?? today);
  const [progressDate, setProgressDate] = useState<IsoDate>(today);
  const [progressText, setProgressText] = useState('');
  const [progressTried, setProgressTried] = useState(false);
  const [evidence, setEvidence] = useState(m.evidence);
  // While 申请销号 is open its form holds the 佐证材料 box: one box, not two.
  const [applying, setApplying] = useState(false);
  // After an approved 延期 the deadline it replaced stays in sight.
  const extended = latestWorkflow(m.progress, ['extendApprove']);
  const original = extended ? parseExtension(extended.detail).previous : '';

  // When the store's row changes (a save here, or the ledger reloaded), the inputs follow it.
  useEffect(() => {
    setStatus(m.status);
    setDoneDate(m.doneDate ?? today);
    setEvidence(m.evidence);
  }, [m.status, m.doneDate, m.evidence, today]);

  const statusChanged = status !== m.status || (status === '已完成' && doneDate !== m.doneDate);

  async function saveStatus() {
    if (!isStatus(status)) return;
    await action.run(() => store.setStatus(m.id, status, status === '已完成' ? doneDate : undefined), fill(t.didStatus, m.id, status));
  }

  async function addProgress() {
    setProgressTried(true);
    if (!progressText.trim() || !progressDate) return;
    const ok = await action.run(() => store.appendProgress(m.id, progressDate, progressText.trim()), fill(t.didProgress, m.id));
    if (ok) {
      setProgressText('');
      setProgressTried(false);
    }
  }

  return (
    <article className={styles.detail} aria-labelledby={`measure-${m.id}`}>
      <header className={styles.detailHeader}>
        <h2 className={styles.sectionTitle} id={`measure-${m.id}`}>
          {fill(t.measureDetail, m.id)}
        </h2>
        <span className={styles.line}>
          {measure.facts.light !== '蓝' && <LightBadge light={measure.facts.light} />}
          <StatusBadge status={m.status} />
          <span className={styles.muted}>{deadlineSummary(measure, t, locale)}</span>
        </span>
        <Button appearance="transparent" size="small" onClick={() => onOpenProblem(m.problemId)} style={{ alignSelf: 'flex-start' }}>
          {fill(t.problemOf, m.problemId)}
        </Button>
      </header>
      <FactList
        facts={[
          [t.measureText, m.text],
          [t.unit, m.unit],
          !!m.coUnits && [t.coUnits, m.coUnits],
          [t.leader, m.leader],
          [t.owner, m.owner],
          [
            t.deadline,
            <>
              {m.deadlineText}
              {/* The date it was read as, unless the phrase already says it (2024年3月15日前). */}
              {m.deadline && !m.deadlineText.includes(formatDate(m.deadline, 'zh-CN')) && fill(t.deadlineReadAs, formatDate(m.deadline, locale))}
              {original && <div className={styles.muted}>{fill(t.originalDeadline, original)}</div>}
            </>,
          ],
        ]}
      />

      <section className={styles.section} aria-labelledby={`status-${m.id}`}>
        <h3 className={styles.sectionTitle} id={`status-${m.id}`}>
          {t.status}
        </h3>
        <div className={styles.row}>
          <Field label={t.status}>
            <StatusSelect value={status} onChange={setStatus} unmarked={m.status === '未标注' ? 'offer' : 'omit'} />
          </Field>
          {status === '已完成' && (
            <Field label={t.doneDate}>
              <Input type="date" value={doneDate} onChange={(_, d) => setDoneDate(d.value)} />
            </Field>
          )}
        </div>
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={saveStatus} disabled={action.busy || !statusChanged || !isStatus(status)}>
            {t.saveStatus}
          </Button>
        </div>
        <Checkbox
          label={t.longTerm}
          checked={m.longTerm}
          disabled={action.busy}
          onChange={(_, d) =>
            action.run(() => store.updateMeasure(m.id, { longTerm: d.checked === true }), fill(d.checked === true ? t.didLongTermOn : t.didLongTermOff, m.id))
          }
        />
      </section>

      <section className={styles.section} aria-labelledby={`progress-${m.id}`}>
        <h3 className={styles.sectionTitle} id={`progress-${m.id}`}>
          {t.progress}
        </h3>
        {m.progress.trim() ? <ProgressLog text={m.progress} /> : <span className={styles.muted}>{t.noProgress}</span>}
        <div className={styles.row}>
          <Field label={t.progressDate}>
            <Input type="date" value={progressDate} onChange={(_, d) => setProgressDate(d.value)} />
          </Field>
        </div>
        <Field
          label={t.progressText}
          validationState={progressTried && !progressText.trim() ? 'error' : 'none'}
          validationMessage={progressTried && !progressText.trim() ? formatMessage('required', [t.progressText], locale) : undefined}
        >
          <Textarea rows={2} value={progressText} onChange={(_, d) => setProgressText(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button onClick={addProgress} disabled={action.busy}>
            {t.addProgress}
          </Button>
        </div>
      </section>

      {!applying && (
        <section className={styles.section} aria-labelledby={`evidence-${m.id}`}>
          <h3 className={styles.sectionTitle} id={`evidence-${m.id}`}>
            {t.evidence}
          </h3>
          <Field label={t.evidence} hint={t.evidenceHint}>
            <Textarea rows={3} value={evidence} onChange={(_, d) => setEvidence(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button
              onClick={() => action.run(() => store.updateMeasure(m.id, { evidence }), fill(t.didEvidence, m.id))}
              disabled={action.busy || evidence === m.evidence}
            >
              {t.saveEvidence}
            </Button>
          </div>
        </section>
      )}

      <DetailFoot
        item={{ kind: 'measure', id: m.id }}
        closeState={m.closeState}
        closeDate={m.closeDate}
        status={m.status}
        log={m.progress}
        deadlineText={m.deadlineText}
        evidence={evidence}
        onEvidenceChange={setEvidence}
        onModeChange={(mode) => setApplying(mode === 'apply')}
        deleteBody={fill(t.deleteMeasureBody, m.id)}
        context={context}
      />
    </article>
  );
}
