// The parts a problem's and a measure's detail share: the list of facts, a dated log (整改进展, or a
// problem's 备注), and the foot of the page with the 销号 steps and delete.
import { Fragment, type ReactNode } from 'react';
import type { ItemRef, LedgerStore } from '../../../ledger/store';
import type { CloseState, IsoDate } from '../../../ledger/types';
import type { StoreAction } from '../../hooks/useStoreAction';
import { formatLogLine } from '../../format';
import { fill, useI18n } from '../../i18n';
import { CloseSteps } from './CloseSteps';
import { DeleteItem } from './DeleteItem';
import { useLedgerStyles } from './ledgerStyles';

/** What both details need from the panel around them. */
export type DetailContext = {
  store: LedgerStore;
  action: StoreAction;
  today: IsoDate;
  refIso: IsoDate;
  onDeleted: () => void;
};

/** One line of the facts: a label and its value; `false` leaves an optional one out. */
export type Fact = readonly [label: string, value: ReactNode] | false;

export function FactList({ facts }: { facts: readonly Fact[] }) {
  const styles = useLedgerStyles();
  return (
    <dl className={styles.facts}>
      {facts.map(
        (fact, i) =>
          fact && (
            <Fragment key={i}>
              <dt>{fact[0]}</dt>
              <dd>{fact[1]}</dd>
            </Fragment>
          ),
      )}
    </dl>
  );
}

/** The non-blank lines of a log, newest first as stored, dates in prose; nothing when there are none. */
export function LogLines({ text, label }: { text: string; label?: string }) {
  const { locale } = useI18n();
  const styles = useLedgerStyles();
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length === 0) return null;
  return (
    <ul className={styles.log} aria-label={label}>
      {lines.map((line, i) => (
        <li key={i}>{formatLogLine(line, locale)}</li>
      ))}
    </ul>
  );
}

type FootProps = {
  item: ItemRef;
  closeState: CloseState;
  closeDate: IsoDate | null;
  /** The 佐证材料 offered when applying for 销号. */
  evidence: string;
  /** What the delete dialog says goes with the item. */
  deleteBody: string;
  context: DetailContext;
};

/** The 销号 steps of the item, then delete (after confirmation). */
export function DetailFoot({ item, closeState, closeDate, evidence, deleteBody, context }: FootProps) {
  const { t } = useI18n();
  const styles = useLedgerStyles();
  const { store, action, today, refIso, onDeleted } = context;
  const remove = () => (item.kind === 'problem' ? store.deleteProblem(item.id) : store.deleteMeasure(item.id));
  return (
    <>
      <CloseSteps
        key={`${item.id}-${closeState}`}
        item={item}
        state={closeState}
        closeDate={closeDate}
        evidence={evidence}
        today={today}
        refIso={refIso}
        action={action}
        store={store}
      />
      <div className={styles.buttons}>
        <DeleteItem
          title={fill(t.deleteTitle, item.id)}
          body={deleteBody}
          busy={action.busy}
          onConfirm={async () => {
            const ok = await action.run(remove, fill(t.deleted, item.id));
            if (ok) onDeleted();
            return ok;
          }}
        />
      </div>
    </>
  );
}
