// 汇总: choose the files units sent back, see what became of each (新增 / 替换 / 未导入 with the
// reason), and the figures per unit of what was imported.
import { mergeClasses } from '@fluentui/react-components';
import type { SummaryFigures } from '../../../ledger/consolidate';
import type { Locale } from '../../../ledger/errors';
import { formatDate, formatRate } from '../../format';
import { fill } from '../../i18n';
import { NoticeBar } from '../common/NoticeBar';
import { FilePicker } from './FilePicker';
import { ReplaceQuestion } from './ReplaceQuestion';
import type { StatsStrings } from './statsStrings';
import { useStatsStyles } from './statsStyles';
import type { ConsolidateState, FileResult } from './useConsolidate';

function ResultItem({ result, t }: { result: FileResult; t: StatsStrings }) {
  const styles = useStatsStyles();
  if ('message' in result) {
    const rejected = result.outcome === 'rejected';
    return (
      <li className={mergeClasses(styles.result, rejected ? styles.resultBad : styles.resultSkipped)}>
        <span className={styles.resultHead}>
          <span className={rejected ? styles.outcomeBad : styles.outcomeSkipped}>{rejected ? t.rejected : t.skipped}</span>
          <span className={styles.fileName}>{result.fileName}</span>
        </span>
        <span>{result.message}</span>
      </li>
    );
  }
  return (
    <li className={mergeClasses(styles.result, styles.resultOk)}>
      <span className={styles.resultHead}>
        <span className={styles.outcome}>{result.outcome === 'added' ? t.added : t.replaced}</span>
        <span>{result.unit}</span>
        <span className={styles.fileName}>{result.fileName}</span>
      </span>
      <span>{fill(t.unitLine, result.problems, result.measures)}</span>
      {result.notes.map((note, i) => (
        <span key={i} className={styles.note}>
          {note}
        </span>
      ))}
    </li>
  );
}

function FigureCells({ figures }: { figures: SummaryFigures }) {
  return (
    <>
      <td>{figures.problems}</td>
      <td>{formatRate(figures.problemRate)}</td>
      <td>{figures.measures}</td>
      <td>{formatRate(figures.measureRate)}</td>
      <td>{figures.overdue}</td>
    </>
  );
}

export function ConsolidateSection({ state, t, locale }: { state: ConsolidateState; t: StatsStrings; locale: Locale }) {
  const styles = useStatsStyles();
  return (
    <section className={styles.section} aria-labelledby="stats-summary">
      <h2 id="stats-summary" className={styles.heading}>
        {t.summaryHeading}
      </h2>
      <p className={styles.intro}>{t.summaryIntro}</p>
      <div className={styles.actions}>
        <FilePicker
          label={t.chooseLedgers}
          multiple
          busy={state.reading > 0}
          disabled={!state.canConsolidate}
          onFiles={(files) => void state.importFiles(files)}
        />
        {/* While a question waits for the user, nothing is being read: the question says what is next. */}
        {state.reading > 0 && !state.question && <span className={styles.note} role="status">{fill(t.reading, state.reading)}</span>}
        {!state.canConsolidate && <span className={styles.note}>{t.consolidateMissing}</span>}
      </div>
      <NoticeBar notice={state.notice} onDismiss={state.clearNotice} />
      <ReplaceQuestion question={state.question} onAnswer={state.answer} t={t} />
      {state.results.length > 0 && (
        <ul className={styles.results} aria-label={t.resultsLabel}>
          {state.results.map((result, i) => (
            <ResultItem key={`${i}-${result.fileName}`} result={result} t={t} />
          ))}
        </ul>
      )}
      {state.figures && (
        <div className={styles.tableBox}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t.figuresTable}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colUnit}</th>
                <th scope="col">{t.colProblems}</th>
                <th scope="col">{t.colProblemRate}</th>
                <th scope="col">{t.colMeasures}</th>
                <th scope="col">{t.colMeasureRate}</th>
                <th scope="col">{t.colOverdue}</th>
              </tr>
            </thead>
            <tbody>
              {state.figures.units.map(({ unit, figures }) => (
                <tr key={unit}>
                  <th scope="row">{unit}</th>
                  <FigureCells figures={figures} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.total}</th>
                <FigureCells figures={state.figures.total} />
              </tr>
            </tfoot>
          </table>
          <span className={styles.note}>{fill(t.figuresTableNote, formatDate(state.asOf, locale))}</span>
        </div>
      )}
    </section>
  );
}
