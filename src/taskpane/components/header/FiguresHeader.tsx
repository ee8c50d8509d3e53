// The live figures over every tab: 整改完成率 (problems), 整改到位率 (measures), 逾期, 临期 and
// 长期坚持占比, each with the counts behind it so a rate is never a bare number.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatRate } from '../../format';
import { figureTile } from '../../paneStyles';
import { fill, useI18n } from '../../i18n';
import type { Figures } from '../../ledgerFacts';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(76px, 1fr))',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
  },
  ...figureTile,
});

export function FiguresHeader({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  const styles = useStyles();
  const tiles: { key: string; label: string; title: string; value: string; sub?: string; tone?: string }[] = [
    { key: 'problems', label: t.completionRate, title: t.completionRateHint, value: formatRate(figures.problemRate), sub: `${figures.problemsDone}/${figures.problems}` },
    { key: 'measures', label: t.measureRate, title: t.measureRateHint, value: formatRate(figures.measureRate), sub: `${figures.measuresDone}/${figures.measures}` },
    { key: 'overdue', label: t.overdue, title: t.overdue, value: fill(t.countUnit, figures.overdue), tone: figures.overdue > 0 ? styles.alert : undefined },
    { key: 'soon', label: t.dueSoon, title: t.dueSoon, value: fill(t.countUnit, figures.dueSoon), tone: figures.dueSoon > 0 ? styles.warn : undefined },
    { key: 'longTerm', label: t.longTermShare, title: t.longTermShare, value: formatRate(figures.longTermShare), sub: `${figures.problemsLongTerm}/${figures.problems}` },
  ];
  return (
    <dl className={styles.figures} aria-label={t.figuresLabel} data-testid="figures">
      {tiles.map((tile) => (
        <div key={tile.key} className={styles.tile} title={tile.title}>
          <dt className={styles.label}>{tile.label}</dt>
          <dd className={mergeClasses(styles.value, tile.tone)} data-figure={tile.key}>
            {tile.value}
            {tile.sub && <span className={styles.sub}>{tile.sub}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
