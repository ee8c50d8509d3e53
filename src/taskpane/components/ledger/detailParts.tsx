// The parts a problem's and a measure's detail share: the list of facts and the foot of the page with the 销号 steps and delete.
import { Fragment, useState, type ReactNode } from 'react';
import type { ItemRef, LedgerStore } from '../../../ledger/store';
import type { CloseState, IsoDate, StatusOrUnmarked } from '../../../ledger/types';
import type { StoreAction } from '../../hooks/useStoreAction';
import { fill, useI18n } from '../../i18n';
import { CloseSteps } from './CloseSteps';
import type { CloseMode } from './useCloseSteps';
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

type FootProps = {
  item: ItemRef;
  closeState: CloseState;
  closeDate: IsoDate | null;
  /** A measure's 整改状态 and log (a problem has neither): they decide whether 延期 is offered, and hold a pending request. */
  status?: StatusOrUnmarked;
  log?: string;
  deadlineText?: string;
  /** The 佐证材料 offered when applying for 销号; with onEvidenceChange, the page's own box (one box, not two). */
  evidence: string;
  onEvidenceChange?: (value: string) => void;
  onModeChange?: (mode: CloseMode) => void;
  /** What the delete dialog says goes with the item. */
  deleteBody: string;
  context: DetailContext;
};

/** The 销号 steps of the item, then delete (after confirmation). */
export function DetailFoot({ item, closeState, closeDate, status, log, deadlineText, evidence, onEvidenceChange, onModeChange, deleteBody, context }: FootProps) {
  const { t } = useI18n();
  const [ownEvidence, setOwnEvidence] = useState(evidence);
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
        status={status}
        log={log}
        deadlineText={deadlineText}
        evidence={onEvidenceChange ? evidence : ownEvidence}
        onEvidenceChange={onEvidenceChange ?? setOwnEvidence}
        onModeChange={onModeChange}
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
