// The live figures over every tab: 整改完成率 (problems), 整改到位率 (measures), 逾期, 临期 and
// 长期坚持占比, each with the counts behind it so a rate is never a bare number. One line at every
// width, so at 320 px the pane shows the work rather than its figures: below ~420 px the labels take
// their short form (完成率, 到位率…) and the full name stays in the tooltip.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatRate } from '../../format';
import { figureTile } from '../../paneStyles';
import { fill, useI18n } from '../../i18n';
import type { Figures } from '../../ledgerFacts';

const NARROW = '@media (max-width: 420px)';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(5, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalXXS,
    margin: 0,
    // Five equal fifths of 296 px are narrower than "33.33%": the rates would run past their tiles.
    // Sized by content, the short counts (5条) give the rates their room.
    [NARROW]: { gridTemplateColumns: 'repeat(5, auto)' },
  },
  ...figureTile,
  tile: {
    ...figureTile.tile,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    [NARROW]: { paddingInline: tokens.spacingHorizontalXXS },
  },
  value: {
    ...figureTile.value,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
  },
  long: { [NARROW]: { display: 'none' } },
  // English words are wider than two Chinese characters: a size smaller keeps "Long-term" on one line.
  labelEn: { [NARROW]: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 } },
  short: { display: 'none', [NARROW]: { display: 'inline' } },
});

export function FiguresHeader({ figures }: { figures: Figures }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const tiles: { key: string; label: string; short: string; title: string; value: string; sub?: string; tone?: string }[] = [
    { key: 'problems', label: t.completionRate, short: t.completionRateShort, title: `${t.completionRate} = ${t.completionRateHint}`, value: formatRate(figures.problemRate), sub: `${figures.problemsDone}/${figures.problems}` },
    { key: 'measures', label: t.measureRate, short: t.measureRateShort, title: `${t.measureRate} = ${t.measureRateHint}`, value: formatRate(figures.measureRate), sub: `${figures.measuresDone}/${figures.measures}` },
    { key: 'overdue', label: t.overdue, short: t.overdue, title: t.overdue, value: fill(t.countUnit, figures.overdue), tone: figures.overdue > 0 ? styles.alert : undefined },
    { key: 'soon', label: t.dueSoon, short: t.dueSoon, title: t.dueSoon, value: fill(t.countUnit, figures.dueSoon), tone: figures.dueSoon > 0 ? styles.warn : undefined },
    { key: 'longTerm', label: t.longTermShare, short: t.longTermShort, title: t.longTermShare, value: formatRate(figures.longTermShare), sub: `${figures.problemsLongTerm}/${figures.problems}` },
  ];
  return (
    <dl className={styles.figures} aria-label={t.figuresLabel} data-testid="figures">
      {tiles.map((tile) => (
        <div key={tile.key} className={styles.tile} title={tile.title}>
          <dt className={mergeClasses(styles.label, locale === 'en' && styles.labelEn)}>
            <span className={tile.short !== tile.label ? styles.long : undefined}>{tile.label}</span>
            {tile.short !== tile.label && <span className={styles.short}>{tile.short}</span>}
          </dt>
          <dd className={mergeClasses(styles.value, tile.tone)} data-figure={tile.key}>
            {tile.value}
            {tile.sub && <span className={styles.sub}>{tile.sub}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
