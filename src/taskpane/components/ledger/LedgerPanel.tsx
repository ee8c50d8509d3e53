// 台账: the filtered list of problems and measures, and the open item's detail — one or the other in
// the pane, side by side at ≥ 900 px (the page over a file). Filtering is memoised on the ledger and
// the search text is deferred, so typing stays responsive on big ledgers.
import { Button } from '@fluentui/react-components';
import { Suspense, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { ItemRef } from '../../../ledger/store';
import type { IsoDate } from '../../../ledger/types';
import { SIDE_BY_SIDE, useMediaQuery } from '../../hooks/useMediaQuery';
import { useStoreAction } from '../../hooks/useStoreAction';
import { fill, useI18n } from '../../i18n';
import type { PanelProps } from '../../panelProps';
import { ItemDetail } from '../../lazyPanels';
import { NoticeBar } from '../common/NoticeBar';
import { FilterBar } from './FilterBar';
import { ItemList } from './ItemList';
import { filterLedger, type LedgerIndex } from './ledgerView';
import { useLedgerStyles } from './ledgerStyles';
import type { LedgerView } from './useLedgerView';

export type LedgerPanelProps = PanelProps & {
  view: LedgerView;
  /** Built by App once per ledger; the header's figures come from the same index. */
  index: LedgerIndex;
  today: IsoDate;
  /** Opens an item (and selects its row in Excel); null goes back to the list. */
  onOpen: (ref: ItemRef | null) => void;
};

export function LedgerPanel({ store, ledger, onLedgerChanged, view, index, today, onOpen }: LedgerPanelProps) {
  const { t } = useI18n();
  const styles = useLedgerStyles();
  const action = useStoreAction(onLedgerChanged);
  const refIso = ledger.round.feedback ?? today;
  const search = useDeferredValue(view.filter.search);
  const filter = useMemo(() => ({ ...view.filter, search }), [view.filter, search]);
  const result = useMemo(() => filterLedger(index, filter), [index, filter]);

  const wide = useMediaQuery(SIDE_BY_SIDE);
  const backRef = useRef<HTMLButtonElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const selectedKey = view.selected ? `${view.selected.kind}:${view.selected.id}` : '';
  // Opening an item moves focus into its detail, so keyboard users land where they asked to go.
  useEffect(() => {
    if (selectedKey) (wide ? detailRef.current : backRef.current)?.focus();
  }, [selectedKey, wide]);

  const detail = view.selected && (
    <>
      {!wide && (
        <Button ref={backRef} appearance="subtle" onClick={() => onOpen(null)} style={{ alignSelf: 'flex-start' }}>
          ← {t.back}
        </Button>
      )}
      <NoticeBar notice={action.notice} onDismiss={action.clearNotice} />
      <Suspense fallback={<p className={styles.count}>{t.loading}</p>}>
        <ItemDetail item={view.selected} index={index} store={store} action={action} today={today} refIso={refIso} feedbackKnown={ledger.round.feedback !== null} onOpen={onOpen} />
      </Suspense>
    </>
  );
  const list = (
    <>
      {!(wide && view.selected) && <NoticeBar notice={action.notice} onDismiss={action.clearNotice} />}
      <FilterBar filter={view.filter} units={index.units} onChange={view.setFilter} />
      {/* data-applied-search: the search the list reflects (it lags the box while typing); the bench reads it. */}
      <p className={styles.count} role="status" aria-live="polite" data-applied-search={search}>
        {ledger.problems.length === 0
          ? t.emptyLedger
          : result.problems.length === 0
            ? t.noMatch
            : fill(t.resultCount, result.problems.length, result.measureCount)}
      </p>
      <ItemList result={result} limit={view.limit} onShowMore={view.showMore} onOpen={onOpen} />
    </>
  );

  if (wide) {
    return (
      <div className={styles.split}>
        <div className={styles.splitPane}>{list}</div>
        <div className={styles.splitPane} ref={detailRef} tabIndex={-1} aria-label={view.selected ? view.selected.id : undefined}>
          {detail || <p className={styles.placeholder}>{t.pickItem}</p>}
        </div>
      </div>
    );
  }
  return <div className={styles.panel}>{detail || list}</div>;
}
