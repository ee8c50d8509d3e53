// The problem half of the 录入 form: 类别 (existing or new), 描述, 来源, 责任领导, 牵头单位.
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useId } from 'react';
import { PROBLEM_SOURCES, type ProblemSource } from '../../../ledger/types';
import { useI18n } from '../../i18n';
import { sourceLabel } from '../../i18n/values';
import type { EntryIssues, ProblemDraft } from './entryDraft';
import { useEntryStyles } from './entryStyles';

type Props = {
  problem: ProblemDraft;
  issues: EntryIssues['problem'];
  categories: readonly string[];
  onChange: (field: keyof ProblemDraft, value: string) => void;
};

export function ProblemFields({ problem, issues, categories, onChange }: Props) {
  const { t, locale } = useI18n();
  const styles = useEntryStyles();
  // A freeform combobox: an input with the existing categories as its suggestion list (native
  // <datalist>: the browser narrows it as the user types, any new text is a new category). Fluent's
  // Combobox would cost ~17 KB gzip of the start-up budget for the same behaviour.
  const listId = `${useId()}-categories`;

  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{t.problemSection}</legend>
      <Field label={t.category} required validationState={issues.category?.state} validationMessage={issues.category?.message}>
        <Input
          className={styles.fullWidth}
          placeholder={t.categoryPlaceholder}
          value={problem.category}
          list={listId}
          autoComplete="off"
          onChange={(_, d) => onChange('category', d.value)}
        />
      </Field>
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label={t.description} required validationState={issues.description?.state} validationMessage={issues.description?.message}>
        <Textarea resize="vertical" rows={3} value={problem.description} onChange={(_, d) => onChange('description', d.value)} />
      </Field>
      <Field label={t.source}>
        <Select value={problem.source} onChange={(_, d) => onChange('source', d.value as ProblemSource)}>
          {PROBLEM_SOURCES.map((s) => (
            <option key={s} value={s}>
              {sourceLabel(s, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={t.problemLeader}>
          <Input value={problem.leader} onChange={(_, d) => onChange('leader', d.value)} />
        </Field>
        <Field label={t.leadUnit}>
          <Input value={problem.leadUnit} onChange={(_, d) => onChange('leadUnit', d.value)} />
        </Field>
      </div>
    </fieldset>
  );
}
