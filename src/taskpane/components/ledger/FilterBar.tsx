// Search and filters of the 台账 tab. Native selects: keyboard friendly and narrow-pane friendly.
import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { STATUSES, UNMARKED, type StatusOrUnmarked } from '../../../ledger/types';
import { useI18n } from '../../i18n';
import { isFiltered, NO_FILTER, type DueFilter, type LedgerFilter } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = {
  filter: LedgerFilter;
  units: readonly string[];
  onChange: (patch: Partial<LedgerFilter>) => void;
};

const STATUS_CHOICES: readonly StatusOrUnmarked[] = [...STATUSES, UNMARKED];

export function FilterBar({ filter, units, onChange }: Props) {
  const { t } = useI18n();
  const styles = useLedgerStyles();
  return (
    <div className={styles.panel} role="search">
      <Field label={t.searchLabel}>
        <Input
          type="search"
          placeholder={t.searchPlaceholder}
          value={filter.search}
          onChange={(_, d) => onChange({ search: d.value })}
        />
      </Field>
      <div className={styles.filters}>
        <Field label={t.filterStatus}>
          <Select value={filter.status} onChange={(_, d) => onChange({ status: d.value as LedgerFilter['status'] })}>
            <option value="all">{t.all}</option>
            {STATUS_CHOICES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterUnit}>
          <Select value={filter.unit} onChange={(_, d) => onChange({ unit: d.value })}>
            <option value="">{t.all}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterDue}>
          <Select value={filter.due} onChange={(_, d) => onChange({ due: d.value as DueFilter })}>
            <option value="all">{t.all}</option>
            <option value="overdue">{t.dueOverdue}</option>
            <option value="soon">{t.dueSoon2}</option>
          </Select>
        </Field>
      </div>
      <div className={styles.checks}>
        <Checkbox label={t.onlyLongTerm} checked={filter.longTermOnly} onChange={(_, d) => onChange({ longTermOnly: d.checked === true })} />
        <Checkbox label={t.onlyOpen} checked={filter.openOnly} onChange={(_, d) => onChange({ openOnly: d.checked === true })} />
        {isFiltered(filter) && (
          <Button size="small" appearance="subtle" onClick={() => onChange(NO_FILTER)}>
            {t.clearFilters}
          </Button>
        )}
      </div>
    </div>
  );
}
