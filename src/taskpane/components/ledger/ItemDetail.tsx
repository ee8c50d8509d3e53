// The open item of the 台账 tab: a problem or a measure, or a note that it is gone. Loaded on
// demand (see lazyPanels.ts): its forms, dialog and 销号 steps are not needed to show the list.
import type { ItemRef, LedgerStore } from '../../../ledger/store';
import type { IsoDate } from '../../../ledger/types';
import type { StoreAction } from '../../hooks/useStoreAction';
import { useI18n } from '../../i18n';
import type { LedgerIndex } from './ledgerView';
import { MeasureDetail } from './MeasureDetail';
import { ProblemDetail } from './ProblemDetail';

export type ItemDetailProps = {
  item: ItemRef;
  index: LedgerIndex;
  store: LedgerStore;
  action: StoreAction;
  today: IsoDate;
  refIso: IsoDate;
  feedbackKnown: boolean;
  onOpen: (ref: ItemRef | null) => void;
};

export function ItemDetail({ item, index, store, action, today, refIso, feedbackKnown, onOpen }: ItemDetailProps) {
  const { t } = useI18n();
  const problem = item.kind === 'problem' ? index.problemById.get(item.id) : undefined;
  const measure = item.kind === 'measure' ? index.measureById.get(item.id) : undefined;
  if (problem) {
    return <ProblemDetail problem={problem} store={store} action={action} today={today} refIso={refIso} feedbackKnown={feedbackKnown} onOpen={onOpen} onDeleted={() => onOpen(null)} />;
  }
  if (measure) {
    return (
      <MeasureDetail
        key={measure.row.id}
        measure={measure}
        store={store}
        action={action}
        today={today}
        refIso={refIso}
        onOpenProblem={(id) => onOpen({ kind: 'problem', id })}
        onDeleted={() => onOpen(null)}
      />
    );
  }
  return <p>{t.itemMissing}</p>;
}
