// The one 整改状态 dropdown: the five stored statuses, weakest first, and 未标注 where a text stated
// no outcome (an import preview, or a measure that was imported that way).
import { Select } from '@fluentui/react-components';
import { STATUSES, UNMARKED } from '../../../ledger/types';
import { useI18n } from '../../i18n';
import { statusLabel } from '../../i18n/values';

export type StatusSelectProps = {
  value: string;
  onChange: (value: string) => void;
  /** 'offer' lists 未标注 as a choice; 'omit' leaves it out. */
  unmarked: 'offer' | 'omit';
  /** The 未标注 option's value ('' in the import preview, where it means "no status"). */
  unmarkedValue?: string;
};

export function StatusSelect({ value, onChange, unmarked, unmarkedValue = UNMARKED }: StatusSelectProps) {
  const { locale } = useI18n();
  return (
    <Select value={value} onChange={(_, d) => onChange(d.value)}>
      {unmarked === 'offer' && <option value={unmarkedValue}>{statusLabel(UNMARKED, locale)}</option>}
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {statusLabel(s, locale)}
        </option>
      ))}
    </Select>
  );
}
