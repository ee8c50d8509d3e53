// Warnings the Excel store raises after an action's data was written (a filter Excel would not
// re-apply): kept here until the action that caused them finishes, then shown by useStoreAction as
// a warning instead of the success message. Module state: one pane, one store.
import type { LedgerError } from '../ledger/errors';

let pending: LedgerError[] = [];

export function emitStoreWarning(warning: LedgerError): void {
  pending.push(warning);
}

/** The warnings raised since the last call, oldest first. */
export function takeStoreWarnings(): LedgerError[] {
  const taken = pending;
  pending = [];
  return taken;
}
