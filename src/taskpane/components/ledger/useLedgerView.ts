// The 台账 tab's view state — filters, how many problems are shown, the open item — held by App so
// it survives switching tabs and so a row selected in Excel can open its item.
import { useCallback, useMemo, useState } from 'react';
import type { ItemRef } from '../../../ledger/store';
import { NO_FILTER, type LedgerFilter } from './ledgerView';

/** Problems shown at first and added by each "显示更多". */
export const PAGE_SIZE = 25;

export type LedgerView = {
  filter: LedgerFilter;
  setFilter: (patch: Partial<LedgerFilter>) => void;
  limit: number;
  showMore: () => void;
  selected: ItemRef | null;
  setSelected: (ref: ItemRef | null) => void;
};

export function useLedgerView(initialFilter: LedgerFilter = NO_FILTER): LedgerView {
  const [filter, setFilterState] = useState(initialFilter);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<ItemRef | null>(null);
  const setFilter = useCallback((patch: Partial<LedgerFilter>) => {
    setFilterState((f) => ({ ...f, ...patch }));
    setLimit(PAGE_SIZE);
  }, []);
  const showMore = useCallback(() => setLimit((n) => n + PAGE_SIZE), []);
  return useMemo(() => ({ filter, setFilter, limit, showMore, selected, setSelected }), [filter, setFilter, limit, showMore, selected]);
}
