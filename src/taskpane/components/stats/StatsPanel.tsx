// 统计: the 整改统计 sheet and the key figures, 发送副本, and 汇总 of the ledgers units sent back.
import type { PanelProps } from '../../panelProps';
import { ConsolidateSection } from './ConsolidateSection';
import { DashboardSection } from './DashboardSection';
import { SendCopySection } from './SendCopySection';
import { STATS_STRINGS } from './statsStrings';
import { useStatsStyles } from './statsStyles';
import { useConsolidate } from './useConsolidate';
import { useDashboard, useSendCopy } from './useStats';

export function StatsPanel({ store, ledger, locale }: PanelProps) {
  const t = STATS_STRINGS[locale];
  const styles = useStatsStyles();
  const dashboard = useDashboard(store, ledger, locale);
  const sendCopy = useSendCopy(store, locale);
  const consolidate = useConsolidate(store, locale, dashboard.asOf);
  return (
    <div className={styles.panel}>
      <DashboardSection state={dashboard} t={t} locale={locale} />
      <SendCopySection state={sendCopy} t={t} />
      <ConsolidateSection state={consolidate} t={t} locale={locale} />
    </div>
  );
}
