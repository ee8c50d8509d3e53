// The filtered problems with their measures, shown a page at a time ("显示更多") so a 5,000-measure
// ledger renders as fast as a small one. Every item is a real button that opens its detail.
import { Badge, Button, mergeClasses } from '@fluentui/react-components';
import { memo } from 'react';
import type { ItemRef } from '../../../ledger/store';
import { formatDate } from '../../format';
import { fill, useI18n, type Strings } from '../../i18n';
import { LightBadge, StatusBadge, CloseBadge } from './badges';
import type { FilteredProblem, FilterResult, IndexedMeasure } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';

type Props = {
  result: FilterResult;
  limit: number;
  onShowMore: () => void;
  onOpen: (ref: ItemRef) => void;
};

export function ItemList({ result, limit, onShowMore, onOpen }: Props) {
  const { t } = useI18n();
  const styles = useLedgerStyles();
  const shown = result.problems.slice(0, limit);
  const rest = result.problems.length - shown.length;
  return (
    <>
      <ul className={styles.list} aria-label={t.tabLedger}>
        {shown.map((item) => (
          <ProblemCard key={item.problem.row.id} item={item} onOpen={onOpen} />
        ))}
      </ul>
      {rest > 0 && <Button onClick={onShowMore}>{fill(t.showMore, rest)}</Button>}
    </>
  );
}

/** 剩N天 / 逾期N天 / 今天到期, or the 整改时限 text when there is no date. */
export function deadlineSummary(m: IndexedMeasure, t: Strings, locale: 'zh-CN' | 'en'): string {
  const { row, facts } = m;
  if (row.status === '已完成') return row.doneDate ? `${t.doneDate} ${formatDate(row.doneDate, locale)}` : '';
  if (!row.deadline || facts.daysLeft === null) return row.deadlineText || t.noDeadline;
  const days = facts.daysLeft;
  const when = days < 0 ? fill(t.daysOverdue, -days) : days === 0 ? t.dueToday : fill(t.daysLeft, days);
  return `${formatDate(row.deadline, locale)} · ${when}`;
}

const ProblemCard = memo(function ProblemCard({ item, onOpen }: { item: FilteredProblem; onOpen: (ref: ItemRef) => void }) {
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const p = item.problem.row;
  return (
    <li className={styles.problem}>
      <button
        type="button"
        className={mergeClasses(styles.itemButton, styles.problemButton)}
        onClick={() => onOpen({ kind: 'problem', id: p.id })}
      >
        <span className={styles.line}>
          <span className={styles.id}>{p.id}</span>
          <StatusBadge status={p.status} />
          {p.longTerm && (
            <Badge appearance="tint" color="informative" shape="rounded">
              {t.onlyLongTerm}
            </Badge>
          )}
          <CloseBadge state={p.closeState} />
        </span>
        {p.category && <span className={styles.muted}>{p.category}</span>}
        <span className={styles.clamp}>{p.description}</span>
      </button>
      {item.measures.length > 0 && (
        <ul className={styles.measures} aria-label={fill(t.measuresCount, item.measures.length)}>
          {item.measures.map((m) => (
            <li key={m.row.id} className={styles.measureItem}>
              <button
                type="button"
                className={styles.itemButton}
                onClick={() => onOpen({ kind: 'measure', id: m.row.id })}
              >
                <span className={styles.line}>
                  <span className={styles.id}>{m.row.id}</span>
                  {m.facts.light !== '蓝' && <LightBadge light={m.facts.light} />}
                  <StatusBadge status={m.row.status} />
                  <CloseBadge state={m.row.closeState} />
                </span>
                <span className={styles.clamp}>{m.row.text}</span>
                <span className={styles.muted}>
                  {[m.row.unit, deadlineSummary(m, t, locale)].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
});
