// 分发/回收: make the departments' files, merge what they send back, and chase what is late.
import type { PanelProps } from '../../panelProps';
import { todayIso } from '../../../ledger/dates';
import { useStatsStyles } from '../stats/statsStyles';
import { COLLECT_STRINGS } from './collectStrings';
import { CollectSection } from './CollectSection';
import { DistributeSection } from './DistributeSection';
import { RemindSection } from './RemindSection';
import { useCollect } from './useCollect';

export function DistributePanel({ store, ledger, locale, onLedgerChanged, today = todayIso() }: PanelProps & { today?: string }) {
  const t = COLLECT_STRINGS[locale];
  const styles = useStatsStyles();
  const asOf = ledger.round.asOf ?? today;
  const collect = useCollect(store, ledger, today, locale, () => void onLedgerChanged());
  return (
    <div className={styles.panel}>
      <DistributeSection store={store} today={today} asOf={asOf} t={t} locale={locale} />
      <CollectSection state={collect} t={t} locale={locale} />
      <RemindSection ledger={ledger} asOf={asOf} t={t} />
    </div>
  );
}
