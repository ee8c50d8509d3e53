// One measure of the 录入 form, with its 整改时限: free text, a date input and quick choices, and
// the date the text was read as shown beneath it.
import { Button, Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import { useId } from 'react';
import type { IsoDate } from '../../../ledger/types';
import { fill, useI18n } from '../../i18n';
import type { EntryIssues, MeasureDraft } from './entryDraft';
import { useEntryStyles } from './entryStyles';
import { useMeasureForm, type QuickChoice } from './useMeasureForm';
import type { MeasurePatch } from './useProblemForm';

type Props = {
  index: number;
  measure: MeasureDraft;
  issues: EntryIssues['measures'][string];
  removable: boolean;
  setMeasure: (key: string, patch: MeasurePatch) => void;
  onRemove: (key: string) => void;
  refIso: IsoDate;
  today: IsoDate;
  feedbackKnown: boolean;
};

const QUICK: readonly QuickChoice[] = ['monthEnd', 'yearEnd', 'immediate', 'longTerm'];

export function MeasureFields({ index, measure, issues, removable, setMeasure, onRemove, refIso, today, feedbackKnown }: Props) {
  const { t } = useI18n();
  const styles = useEntryStyles();
  const form = useMeasureForm(measure, setMeasure, { refIso, today, feedbackKnown });
  const title = fill(t.measureN, index + 1);
  // The heading sits in a row with the remove button, so it names the fieldset by id, not as a legend.
  const titleId = `${useId()}-title`;
  const set = (field: keyof MeasurePatch) => (_: unknown, d: { value: string }) => setMeasure(measure.key, { [field]: d.value });
  const quickLabel: Record<QuickChoice, string> = {
    monthEnd: t.quickMonthEnd,
    yearEnd: t.quickYearEnd,
    immediate: t.quickImmediate,
    longTerm: t.quickLongTerm,
  };
  const deadlineIssue = issues?.deadlineText;

  return (
    <fieldset className={styles.measure} aria-labelledby={`${titleId}`}>
      <div className={styles.measureHeader}>
        <span className={styles.measureLegend} id={titleId}>
          {title}
        </span>
        {removable && (
          <Button size="small" appearance="subtle" aria-label={fill(t.removeMeasure, index + 1)} onClick={() => onRemove(measure.key)}>
            ✕
          </Button>
        )}
      </div>
      <Field label={t.measureText} required validationState={issues?.text?.state} validationMessage={issues?.text?.message}>
        <Textarea resize="vertical" rows={2} value={measure.text} onChange={set('text')} />
      </Field>
      <div className={styles.row}>
        <Field label={t.unit} required validationState={issues?.unit?.state} validationMessage={issues?.unit?.message}>
          <Input value={measure.unit} onChange={set('unit')} />
        </Field>
        <Field label={t.leader}>
          <Input value={measure.leader} onChange={set('leader')} />
        </Field>
        <Field label={t.coUnits}>
          <Input value={measure.coUnits} onChange={set('coUnits')} />
        </Field>
        <Field label={t.owner}>
          <Input value={measure.owner} onChange={set('owner')} />
        </Field>
      </div>
      <Field
        label={t.deadline}
        required={!form.longTerm.checked}
        validationState={deadlineIssue ? deadlineIssue.state : form.hint ? 'success' : 'none'}
        validationMessage={deadlineIssue ? deadlineIssue.message : form.hint?.text}
      >
        <Input placeholder={fill(t.deadlinePlaceholder, today.slice(0, 4))} value={measure.deadlineText} onChange={(_, d) => form.setDeadlineText(d.value)} />
      </Field>
      <div className={styles.quick} role="group" aria-label={`${title} ${t.deadline}`}>
        {QUICK.map((choice) => (
          <Button key={choice} size="small" onClick={() => form.applyQuick(choice)}>
            {quickLabel[choice]}
          </Button>
        ))}
      </div>
      <Field label={t.deadlineDate}>
        <Input type="date" value={form.dateValue} onChange={(_, d) => form.setDate(d.value)} />
      </Field>
      <Checkbox
        label={t.longTerm}
        checked={form.longTerm.checked}
        disabled={form.longTerm.fromDeadline}
        onChange={(_, d) => form.setLongTerm(d.checked === true)}
      />
    </fieldset>
  );
}
