// One problem: its facts, the status rolled up from its measures, the measures (each opens), the
// problem's own 销号 steps, and delete (with its measures). A measure can be added to it.
import { Badge } from '@fluentui/react-components';
import type { ItemRef } from '../../../ledger/store';
import { fill, useI18n } from '../../i18n';
import { sourceLabel, statusLabel } from '../../i18n/values';
import { LightBadge, StatusBadge } from './badges';
import { AddMeasure } from './AddMeasure';
import { DetailFoot, FactList, type DetailContext } from './detailParts';
import { ProgressLog } from './ProgressLog';
import { deadlineSummary } from './ItemList';
import type { IndexedProblem } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = DetailContext & {
  problem: IndexedProblem;
  onOpen: (ref: ItemRef) => void;
  /** Whether the round has a 反馈日期 (立行立改 is counted from it, else from today). */
  feedbackKnown: boolean;
};

export function ProblemDetail({ problem, onOpen, feedbackKnown, ...context }: Props) {
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const p = problem.row;
  return (
    <article className={styles.detail} aria-labelledby={`problem-${p.id}`}>
      <header className={styles.detailHeader}>
        <h2 className={styles.sectionTitle} id={`problem-${p.id}`}>
          {fill(t.problemDetail, p.id)}
        </h2>
        <span className={styles.line}>
          <StatusBadge status={p.status} />
          {p.longTerm && (
            <Badge appearance="tint" color="informative" shape="rounded">
              {t.onlyLongTerm}
            </Badge>
          )}
        </span>
      </header>
      <FactList
        facts={[
          [t.category, p.category],
          [t.description, p.description],
          [t.source, sourceLabel(p.source, locale)],
          [t.problemLeader, p.leader],
          [t.leadUnit, p.leadUnit],
          [t.statusRollup, statusLabel(p.status, locale)],
          !!p.sourceNumber && [t.sourceNumber, p.sourceNumber],
        ]}
      />
      <ProgressLog text={p.note} label={t.note} />

      <section className={styles.section} aria-labelledby={`measures-${p.id}`}>
        <h3 className={styles.sectionTitle} id={`measures-${p.id}`}>
          {fill(t.measuresSectionCount, problem.measures.length)}
        </h3>
        <ul className={styles.measures}>
          {problem.measures.map((m) => (
            <li key={m.row.id} className={styles.measureItem}>
              <button type="button" className={styles.itemButton} onClick={() => onOpen({ kind: 'measure', id: m.row.id })}>
                <span className={styles.line}>
                  <span className={styles.id}>{m.row.id}</span>
                  {m.facts.light !== '蓝' && <LightBadge light={m.facts.light} />}
                  <StatusBadge status={m.row.status} />
                </span>
                <span className={styles.clamp}>{m.row.text}</span>
                <span className={styles.muted}>{[m.row.unit, deadlineSummary(m, t, locale)].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
        <AddMeasure key={p.id} problem={problem} context={context} feedbackKnown={feedbackKnown} />
      </section>

      <DetailFoot
        item={{ kind: 'problem', id: p.id }}
        closeState={p.closeState}
        closeDate={p.closeDate}
        evidence={problem.measures.map((m) => m.row.evidence).filter(Boolean).join('\n')}
        deleteBody={fill(t.deleteProblemBody, p.id, problem.measures.length)}
        context={context}
      />
    </article>
  );
}
