// 回收 in the pane: per returned file its unit and changes (措施编号, field, old → new) with a tick
// each, 接受全部, conflicts showing both values, and what is not taken with its reason.
import { Button, Checkbox, mergeClasses, Spinner } from '@fluentui/react-components';
import type { FieldChange, FileDiff } from '../../../ledger/distribute/collect';
import { formatMessage, type Locale } from '../../../ledger/errors';
import { MEASURE_LABELS } from '../../../ledger/ledger-diff';
import type { MeasureRow } from '../../../ledger/types';
import { formatDate } from '../../format';
import { fill, STRINGS } from '../../i18n';
import { closeStateLabel, statusLabel } from '../../i18n/values';
import { NoticeBar } from '../common/NoticeBar';
import { FilePicker } from '../stats/FilePicker';
import { useStatsStyles } from '../stats/statsStyles';
import type { CollectStrings } from './collectStrings';
import { changeKey, type CollectState } from './useCollect';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A field as the pane names it: the sheet's own header in Chinese, the detail's label in English. */
function fieldLabel(field: keyof MeasureRow, locale: Locale): string {
  if (locale === 'zh-CN') return MEASURE_LABELS[field];
  const t = STRINGS.en;
  const en: Partial<Record<keyof MeasureRow, string>> = { status: t.status, doneDate: t.doneDate, progress: t.progress, evidence: t.evidence, closeState: t.closeState };
  return en[field] ?? MEASURE_LABELS[field];
}

/** A value as the pane shows it elsewhere: dates in prose, 整改状态 and 销号状态 in the pane's language. */
function shown(field: keyof MeasureRow, value: string, t: CollectStrings, locale: Locale): string {
  if (!value) return t.empty;
  if (field === 'status') return statusLabel(value, locale);
  if (field === 'closeState') return closeStateLabel(value, locale);
  return ISO.test(value) ? formatDate(value, locale) : value;
}

/** What changes, shortly: for the logs (整改进展, 佐证材料) only the lines the file adds. */
function newText(c: FieldChange, t: CollectStrings, locale: Locale): string {
  if (c.field === 'progress' || c.field === 'evidence') {
    const had = new Set(c.from.split('\n'));
    return `+ ${c.to.split('\n').filter((l) => !had.has(l)).join(' / ')}`;
  }
  return `${shown(c.field, c.from, t, locale)} → ${shown(c.field, c.to, t, locale)}`;
}

function ChangeItem({ change, on, state, t, locale }: { change: FieldChange; on: boolean; state: CollectState; t: CollectStrings; locale: Locale }) {
  const styles = useStatsStyles();
  const label = `${change.id} ${fieldLabel(change.field, locale)}`;
  // A date the message carries (the file's save date) reads as the pane's other dates.
  const derived = change.derived && formatMessage(change.derived.code, change.derived.params.map((p) => (ISO.test(p) ? formatDate(p, locale) : p)), locale);
  return (
    <li className={mergeClasses(styles.result, change.kind === 'conflict' ? styles.resultBad : styles.resultOk)}>
      <Checkbox checked={on} onChange={(_, d) => state.toggle(change, d.checked === true)} label={change.kind === 'conflict' ? fill(t.conflictItem, label) : label} />
      {change.kind === 'conflict' ? (
        <>
          <span>{fill(t.ledgerValue, shown(change.field, change.from, t, locale))}</span>
          <span>{fill(t.fileValue, shown(change.field, change.to, t, locale))}</span>
        </>
      ) : (
        <span>{newText(change, t, locale)}</span>
      )}
      {derived && <span className={styles.note}>{fill(t.derived, derived)}</span>}
    </li>
  );
}

function FileCard({ diff, state, t, locale }: { diff: FileDiff; state: CollectState; t: CollectStrings; locale: Locale }) {
  const styles = useStatsStyles();
  const status = diff.status === 'refused' ? t.refused : diff.status === 'unchanged' ? t.unchanged : fill(t.changes, diff.changes.length);
  return (
    <section className={styles.section} aria-label={`${diff.unit} ${diff.file}`}>
      <span className={styles.resultHead}>
        <span className={diff.status === 'refused' ? styles.outcomeBad : styles.outcome}>{status}</span>
        <span>{diff.unit}</span>
        <span className={styles.fileName}>{diff.file}</span>
      </span>
      {diff.changes.length > 0 && (
        <>
          <ul className={styles.results}>
            {diff.changes.map((c) => (
              <ChangeItem key={changeKey(c)} change={c} on={state.picked.has(changeKey(c))} state={state} t={t} locale={locale} />
            ))}
          </ul>
          <div className={styles.actions}>
            <Button size="small" onClick={() => state.acceptAll(diff)}>
              {t.acceptAll}
            </Button>
          </div>
        </>
      )}
      {diff.rejected.length > 0 && (
        <details open={diff.status === 'refused'}>
          <summary className={styles.note}>{fill(t.notTaken, diff.rejected.length)}</summary>
          <ul className={styles.results}>
            {diff.rejected.map((r, i) => (
              <li key={i} className={mergeClasses(styles.result, styles.resultBad)}>
                {formatMessage(r.reason.code, r.reason.params, locale)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function CollectSection({ state, t, locale }: { state: CollectState; t: CollectStrings; locale: Locale }) {
  const styles = useStatsStyles();
  const count = state.diffs.flatMap((d) => d.changes).filter((c) => state.picked.has(changeKey(c))).length;
  return (
    <section className={styles.section} aria-labelledby="collect-heading">
      <h2 id="collect-heading" className={styles.heading}>
        {t.heading}
      </h2>
      <p className={styles.intro}>{t.intro}</p>
      <div className={styles.actions}>
        <FilePicker label={t.choose} multiple busy={state.reading} onFiles={(files) => void state.chooseFiles(files)} />
      </div>
      <NoticeBar notice={state.notice} onDismiss={state.clearNotice} />
      {state.diffs.map((d, i) => (
        <FileCard key={`${d.file}-${i}`} diff={d} state={state} t={t} locale={locale} />
      ))}
      {state.diffs.length > 0 && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={count === 0 || state.applying} icon={state.applying ? <Spinner size="tiny" /> : undefined} onClick={() => void state.apply()}>
            {count === 0 ? t.noChanges : fill(t.apply, count)}
          </Button>
        </div>
      )}
    </section>
  );
}
