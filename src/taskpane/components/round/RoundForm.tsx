// 巡察信息: 巡察组, 被巡察单位, 巡察类型, 巡察起止, 反馈日期, 集中整改期(月), 统计截止日期, and the
// 通报数字 that imports saved (shown, not edited: they are corrected on the sheet).
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROUND_KINDS, type RoundFigure, type RoundKind } from '../../../ledger/types';
import { useStoreAction } from '../../hooks/useStoreAction';
import { fill, useI18n } from '../../i18n';
import { roundKindLabel } from '../../i18n/values';
import { column, heading } from '../../paneStyles';
import type { PanelProps } from '../../panelProps';
import { NoticeBar } from '../common/NoticeBar';
import { draftOfRound, roundOfDraft, validateRound, type RoundDraft, type RoundField } from './roundDraft';

const useStyles = makeStyles({
  form: column(tokens.spacingVerticalS),
  title: heading,
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  // Two fields side by side share their rows (label, input, message) through a subgrid: a label that
  // wraps or a message under one field must not shift the input beside it.
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: 0,
    alignItems: 'start',
    '& > .fui-Field': { gridRow: 'span 3', display: 'grid', gridTemplateRows: 'subgrid', alignContent: 'start', alignItems: 'end' },
    '& > .fui-Field > .fui-Field__validationMessage': { alignSelf: 'start' },
    // Fluent inputs carry an intrinsic min-width (a date input's is wide in English): let them shrink to their column.
    '& .fui-Field, & .fui-Input, & .fui-Label': { minWidth: 0 },
    '& .fui-Label': { overflowWrap: 'anywhere' },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  figures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  figuresTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** 通报数字 saved from imports: read-only here (the sheet is where a person corrects them). */
function RoundFigures({ figures }: { figures: readonly RoundFigure[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (figures.length === 0) return null;
  const title = fill(t.roundFigures, figures.length);
  return (
    <section aria-label={title}>
      <h3 className={styles.figuresTitle}>{title}</h3>
      <p className={styles.intro}>{t.roundFiguresHint}</p>
      <ul className={styles.figures}>
        {figures.map((f) => (
          <li key={f.label}>
            {f.label}：{f.value}
            {f.unit}
          </li>
        ))}
      </ul>
    </section>
  );
}

export type RoundFormProps = Pick<PanelProps, 'store' | 'ledger' | 'onLedgerChanged'> & { onSaved?: () => void };

export function RoundForm({ store, ledger, onLedgerChanged, onSaved }: RoundFormProps) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const action = useStoreAction(onLedgerChanged);
  const [draft, setDraft] = useState<RoundDraft>(() => draftOfRound(ledger.round));
  const [tried, setTried] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  // Arriving with focus lost — the 创建整改台账 button that was pressed has gone — the user's next
  // step is this form: start at its first field. Focus held elsewhere (the 巡察信息 button) stays.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) firstField.current?.focus();
  }, []);
  const issues = validateRound(draft, t, locale);
  const set = (field: RoundField) => (_: unknown, d: { value: string }) => setDraft((prev) => ({ ...prev, [field]: d.value }));
  const fieldState = (field: RoundField) =>
    tried && issues[field] ? { validationState: 'error' as const, validationMessage: issues[field] } : {};

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.keys(issues).length > 0) return;
    const ok = await action.run(() => store.saveRound(roundOfDraft(draft)), t.roundSaved);
    if (ok) onSaved?.();
  }

  return (
    <form className={styles.form} onSubmit={save} noValidate aria-labelledby="round-title">
      <h2 className={styles.title} id="round-title">
        {t.roundTitle}
      </h2>
      <p className={styles.intro}>{t.roundIntro}</p>
      <Field label={t.inspector} required {...fieldState('inspector')}>
        <Input ref={firstField} value={draft.inspector} onChange={set('inspector')} />
      </Field>
      <Field label={t.org} required {...fieldState('org')}>
        <Input value={draft.org} onChange={set('org')} />
      </Field>
      <Field label={t.roundKind} {...fieldState('kind')}>
        <Select value={draft.kind} onChange={(_, d) => setDraft((prev) => ({ ...prev, kind: d.value as RoundKind | '' }))}>
          <option value="">{t.notSelected}</option>
          {ROUND_KINDS.map((k) => (
            <option key={k} value={k}>
              {roundKindLabel(k, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={t.roundStart} {...fieldState('start')}>
          <Input type="date" value={draft.start} onChange={set('start')} />
        </Field>
        <Field label={t.roundEnd} {...fieldState('end')}>
          <Input type="date" value={draft.end} onChange={set('end')} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t.feedback} required {...fieldState('feedback')}>
          <Input type="date" value={draft.feedback} onChange={set('feedback')} />
        </Field>
        <Field label={t.months} required {...fieldState('months')}>
          <Input type="number" min={1} max={24} step={1} value={draft.months} onChange={set('months')} />
        </Field>
      </div>
      <Field label={t.asOf} hint={t.asOfHint} {...fieldState('asOf')}>
        <Input type="date" value={draft.asOf} onChange={set('asOf')} />
      </Field>
      <RoundFigures figures={ledger.round.figures ?? []} />
      <NoticeBar notice={action.notice} onDismiss={action.clearNotice} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t.saveRound}
        </Button>
      </div>
    </form>
  );
}
