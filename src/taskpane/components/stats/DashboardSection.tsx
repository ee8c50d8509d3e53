// 整改统计: the button that writes the sheet, its outcome, and the key figures of the ledger as the
// sheet will show them (dashboardFigures, the numbers the sheet's formulas are tested against).
import { Button, mergeClasses, Spinner } from '@fluentui/react-components';
import { STATUS_ORDER } from '../../../ledger/stats/dashboard-figures';
import { formatDate, formatRate } from '../../format';
import { fill } from '../../i18n';
import { statusLabel } from '../../i18n/values';
import { NoticeBar } from '../common/NoticeBar';
import type { StatsStrings } from './statsStrings';
import { useStatsStyles } from './statsStyles';
import type { DashboardState } from './useStats';

export function DashboardSection({ state, t, locale }: { state: DashboardState; t: StatsStrings; locale: 'zh-CN' | 'en' }) {
  const styles = useStatsStyles();
  const f = state.figures;
  const tiles: { key: string; label: string; value: string; sub?: string; tone?: string }[] = [
    { key: 'problemRate', label: t.problemRate, value: formatRate(f.problemRate), sub: `${f.problemsDone}/${f.problems}` },
    { key: 'measureRate', label: t.measureRate, value: formatRate(f.measureRate), sub: `${f.measuresDone}/${f.measures}` },
    { key: 'onTimeRate', label: t.onTimeRate, value: formatRate(f.onTimeRate), sub: `${f.measuresOnTime}/${f.measuresDue}` },
    { key: 'overdue', label: t.overdue, value: fill(t.measuresCount, f.overdue), tone: f.overdue > 0 ? styles.alert : undefined },
    { key: 'dueSoon', label: t.dueSoon, value: fill(t.measuresCount, f.dueSoon), tone: f.dueSoon > 0 ? styles.warn : undefined },
    { key: 'longTermShare', label: t.longTermShare, value: formatRate(f.longTermShare), sub: `${f.problemsLongTerm}/${f.problems}` },
  ];
  return (
    <section className={styles.section} aria-labelledby="stats-dashboard">
      <h2 id="stats-dashboard" className={styles.heading}>
        {t.dashboardHeading}
      </h2>
      <p className={styles.intro}>{t.dashboardIntro}</p>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!state.canRefresh || state.busy}
          icon={state.busy ? <Spinner size="tiny" /> : undefined}
          title={state.canRefresh ? undefined : t.refreshMissing}
          onClick={state.refresh}
        >
          {t.refresh}
        </Button>
      </div>
      <NoticeBar notice={state.notice} onDismiss={state.clearNotice} />

      <h3 className={styles.subheading}>{t.figuresHeading}</h3>
      <dl className={styles.tiles} aria-label={t.figuresHeading}>
        {tiles.map((tile) => (
          <div key={tile.key} className={styles.tile}>
            <dt className={styles.tileLabel}>{tile.label}</dt>
            <dd className={mergeClasses(styles.tileValue, tile.tone)} data-stat={tile.key}>
              {tile.value}
              {tile.sub && <span className={styles.tileSub}>{tile.sub}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <h3 id="stats-by-status" className={styles.subheading}>{t.byStatusLabel}</h3>
      <dl className={styles.statusList} aria-labelledby="stats-by-status">
        {STATUS_ORDER.map((status) => (
          <div key={status} className={styles.statusRow}>
            <dt>{statusLabel(status, locale)}</dt>
            <dd className={styles.statusCount}>{fill(t.statusMeasures, f.byStatus[status])}</dd>
          </div>
        ))}
      </dl>
      <span className={styles.note}>{fill(t.asOfNote, formatDate(state.asOf, locale))}</span>
    </section>
  );
}
