// Search and filters of the 台账 tab. At 320 px the list is the work, so the filters fold behind one
// button beside the search box; the button says how many filters apply, so a folded filter is never
// a hidden one. Native selects: keyboard friendly and narrow-pane friendly.
import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { STATUSES, UNMARKED, type StatusOrUnmarked } from '../../../ledger/types';
import { fill, useI18n } from '../../i18n';
import { statusLabel } from '../../i18n/values';
import { isFiltered, NO_FILTER, type DueFilter, type LedgerFilter } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = {
  filter: LedgerFilter;
  units: readonly string[];
  onChange: (patch: Partial<LedgerFilter>) => void;
};

const STATUS_CHOICES: readonly StatusOrUnmarked[] = [...STATUSES, UNMARKED];

/** How many of the folded filters (everything but the search) narrow the list. */
export function activeFilterCount(filter: LedgerFilter): number {
  return [filter.status !== 'all', filter.unit !== '', filter.due !== 'all', filter.longTermOnly, filter.openOnly].filter(Boolean).length;
}

export function FilterBar({ filter, units, onChange }: Props) {
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const [open, setOpen] = useState(false);
  const panelId = `${useId()}-filters`;
  const active = activeFilterCount(filter);
  return (
    <div className={styles.panel} role="search">
      <div className={styles.searchRow}>
        <Input
          className={styles.searchBox}
          type="search"
          aria-label={t.searchLabel}
          placeholder={t.searchPlaceholder}
          value={filter.search}
          onChange={(_, d) => onChange({ search: d.value })}
        />
        <Button
          className={styles.filterToggle}
          appearance={active > 0 ? 'primary' : 'secondary'}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {active > 0 ? fill(t.filtersActive, active) : t.filtersToggle}
        </Button>
      </div>
      <div id={panelId} className={open ? styles.panel : styles.folded}>
        <div className={styles.filters}>
          <Field label={t.filterStatus}>
            <Select value={filter.status} onChange={(_, d) => onChange({ status: d.value as LedgerFilter['status'] })}>
              <option value="all">{t.all}</option>
              {STATUS_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, locale)}
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
        </div>
      </div>
      {isFiltered(filter) && (
        <Button size="small" appearance="subtle" className={styles.clearFilters} onClick={() => onChange(NO_FILTER)}>
          {t.clearFilters}
        </Button>
      )}
    </div>
  );
}
