// One problem: its facts, the status rolled up from its measures, the measures (each opens), the
// problem's own 销号 steps, and delete (with its measures).
import { Badge } from '@fluentui/react-components';
import type { ItemRef, LedgerStore } from '../../../ledger/store';
import type { IsoDate } from '../../../ledger/types';
import type { StoreAction } from '../../hooks/useStoreAction';
import { fill, useI18n } from '../../i18n';
import { LightBadge, StatusBadge } from './badges';
import { CloseSteps } from './CloseSteps';
import { DeleteItem } from './DeleteItem';
import { deadlineSummary } from './ItemList';
import type { IndexedProblem } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = {
  problem: IndexedProblem;
  store: LedgerStore;
  action: StoreAction;
  today: IsoDate;
  refIso: IsoDate;
  onOpen: (ref: ItemRef) => void;
  onDeleted: () => void;
};

export function ProblemDetail({ problem, store, action, today, refIso, onOpen, onDeleted }: Props) {
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const p = problem.row;
  const noteLines = p.note.split('\n').filter((line) => line.trim());
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
      <dl className={styles.facts}>
        <dt>{t.category}</dt>
        <dd>{p.category}</dd>
        <dt>{t.description}</dt>
        <dd>{p.description}</dd>
        <dt>{t.source}</dt>
        <dd>{p.source}</dd>
        <dt>{t.problemLeader}</dt>
        <dd>{p.leader}</dd>
        <dt>{t.leadUnit}</dt>
        <dd>{p.leadUnit}</dd>
        <dt>{t.statusRollup}</dt>
        <dd>{p.status}</dd>
        {p.sourceNumber && (
          <>
            <dt>原编号</dt>
            <dd>{p.sourceNumber}</dd>
          </>
        )}
      </dl>
      {noteLines.length > 0 && (
        <ul className={styles.log} aria-label="备注">
          {noteLines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}

      <section className={styles.section} aria-labelledby={`measures-${p.id}`}>
        <h3 className={styles.sectionTitle} id={`measures-${p.id}`}>
          {t.measuresSection} ({problem.measures.length})
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
      </section>

      <CloseSteps
        key={`${p.id}-${p.closeState}`}
        item={{ kind: 'problem', id: p.id }}
        state={p.closeState}
        closeDate={p.closeDate}
        evidence={problem.measures.map((m) => m.row.evidence).filter(Boolean).join('\n')}
        today={today}
        refIso={refIso}
        action={action}
        store={store}
      />

      <div className={styles.buttons}>
        <DeleteItem
          title={fill(t.deleteTitle, p.id)}
          body={fill(t.deleteProblemBody, p.id, problem.measures.length)}
          busy={action.busy}
          onConfirm={async () => {
            const ok = await action.run(() => store.deleteProblem(p.id), fill(t.deleted, p.id));
            if (ok) onDeleted();
            return ok;
          }}
        />
      </div>
    </article>
  );
}
