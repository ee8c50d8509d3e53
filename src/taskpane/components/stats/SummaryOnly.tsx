// A summary workbook: no ledger of its own, only the 汇总 of the ledgers units sent back (a
// 巡察办's workbook, or first run's 只汇总). The pane shows the 汇总 part of 统计 and, below it, the
// way to keep a ledger here after all; no ledger tab or figure is shown, as there is nothing for
// them to show.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../../ledger/errors';
import type { LedgerStore } from '../../../ledger/store';
import type { IsoDate } from '../../../ledger/types';
import { useI18n } from '../../i18n';
import { CreateLedger } from '../round/FirstRun';
import { ConsolidateSection } from './ConsolidateSection';
import { STATS_STRINGS } from './statsStrings';
import { useStatsStyles } from './statsStyles';
import { useConsolidate } from './useConsolidate';

const useStyles = makeStyles({
  create: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', minWidth: 0 },
});

export type SummaryOnlyProps = {
  store: LedgerStore;
  locale: Locale;
  /** The pane's day: the figures of the units imported are counted as of it. */
  today: IsoDate;
  /** Creates the ledger sheets; the pane then opens the ledger as after first run. */
  onCreate: () => Promise<void>;
};

export function SummaryOnly({ store, locale, today, onCreate }: SummaryOnlyProps) {
  const t = STATS_STRINGS[locale];
  const { t: app } = useI18n();
  const styles = useStatsStyles();
  const own = useStyles();
  const consolidate = useConsolidate(store, locale, today);
  return (
    <div className={styles.panel}>
      <ConsolidateSection state={consolidate} t={t} locale={locale} />
      <section className={styles.section} aria-labelledby="summary-ledger">
        <h2 id="summary-ledger" className={styles.heading}>
          {app.summaryLedgerTitle}
        </h2>
        <p className={styles.intro}>{app.summaryLedgerBody}</p>
        <div className={own.create}>
          <CreateLedger label={app.createLedger} onCreate={onCreate} appearance="secondary" />
        </div>
      </section>
    </div>
  );
}
