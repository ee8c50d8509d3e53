// The part of a LedgerStore that is nothing but ledger-ops over a ledger held in memory: the memory
// store (the preview) and the file store (the page) both keep the ledger as a value and apply the
// same pure edits to it; they differ only in how an answer is delayed, what a committed edit does
// besides (the file store marks itself unsaved) and where the ledger goes in the end.
import { applyCollected } from '../ledger/distribute/apply';
import * as ops from '../ledger/ledger-ops';
import type { LedgerEdit, OpsClock } from '../ledger/ledger-ops';
import { isLedgerError, type LedgerError } from '../ledger/errors';
import { LedgerStoreError, type LedgerStore } from '../ledger/store';
import type { Ledger } from '../ledger/types';

export type OpsMethods = Pick<
  LedgerStore,
  | 'load' | 'saveRound' | 'addProblem' | 'addProblems' | 'addMeasures' | 'updateProblem' | 'updateMeasure' | 'appendProgress' | 'setStatus' | 'closeStep'
  | 'deleteProblem' | 'deleteMeasure' | 'applyCollected'
>;

export type OpsHost = {
  ledger(): Ledger;
  /** Takes a committed edit (its ledger and 变更记录 lines). */
  commit(edit: LedgerEdit): void;
  clock(): OpsClock;
  /** Runs an action and answers asynchronously (after the store's latency, checks). */
  run<T>(action: () => T): Promise<T>;
};

/** The ledger-ops methods of a store over `host`: an edit is committed whole or rejected with its LedgerError. */
export function opsMethods(host: OpsHost): OpsMethods {
  function commit<T extends { edit: LedgerEdit } | LedgerEdit>(result: T | LedgerError): T {
    if (isLedgerError(result)) throw new LedgerStoreError(result);
    host.commit('edit' in result ? result.edit : (result as LedgerEdit));
    return result;
  }
  const { run, clock } = host;
  const l = host.ledger;
  return {
    load: () => run(() => copyLedger(l())),
    saveRound: (round) => run(() => void commit(ops.saveRound(l(), round, clock()))),
    addProblem: (problem, measures) =>
      run(() => {
        const r = commit(ops.addProblems(l(), [{ problem, measures }], clock()));
        return { problemId: r.problemIds[0], measureIds: r.measureIds[0] };
      }),
    addProblems: (items) => run(() => ({ problemIds: commit(ops.addProblems(l(), items, clock())).problemIds })),
    addMeasures: (problemId, measures) => run(() => ({ measureIds: commit(ops.addMeasures(l(), problemId, measures, clock())).measureIds })),
    updateProblem: (id, patch) => run(() => void commit(ops.updateProblem(l(), id, patch, clock()))),
    updateMeasure: (id, patch) => run(() => void commit(ops.updateMeasure(l(), id, patch, clock()))),
    appendProgress: (id, date, text) => run(() => void commit(ops.appendProgress(l(), id, date, text, clock()))),
    setStatus: (id, status, doneDate) => run(() => void commit(ops.setStatus(l(), id, status, clock(), doneDate))),
    closeStep: (ref, step) => run(() => commit(ops.closeStep(l(), ref, step, clock())).state),
    deleteProblem: (id) => run(() => void commit(ops.deleteProblem(l(), id, clock()))),
    deleteMeasure: (id) => run(() => void commit(ops.deleteMeasure(l(), id, clock()))),
    applyCollected: (changes) => run(() => ({ changed: commit(applyCollected(l(), changes, clock())).changes.length })),
  };
}

/** Rows are replaced, never mutated, by ledger-ops; copying the arrays keeps callers' copies stable. */
export function copyLedger(l: Ledger): Ledger {
  return { round: { ...l.round }, problems: l.problems.map((p) => ({ ...p })), measures: l.measures.map((m) => ({ ...m })) };
}
