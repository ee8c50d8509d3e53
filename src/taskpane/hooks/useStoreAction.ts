// Runs one user action against the store: busy while it runs, the ledger reloaded after it, and
// the outcome (or the store's error, in the pane's language) kept as a notice for a MessageBar.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../format';
import { useI18n } from '../i18n';
import { takeStoreWarnings } from '../storeWarnings';

/** `items`: points listed under the text (each warning of 发送副本), when there are several. */
export type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string; items?: readonly string[] };

export type StoreAction = {
  busy: boolean;
  notice: Notice | null;
  clearNotice: () => void;
  /**
   * Resolves true when the action succeeded (and the ledger was reloaded). successText may be made
   * from the action's result (an id the store assigned).
   */
  run: <T>(action: () => Promise<T>, successText?: string | ((result: T) => string)) => Promise<boolean>;
};

export function useStoreAction(onLedgerChanged: () => Promise<void>): StoreAction {
  const { locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <T,>(action: () => Promise<T>, successText?: string | ((result: T) => string)) => {
      setBusy(true);
      setNotice(null);
      takeStoreWarnings(); // left over from an action that did not finish here
      let result: T;
      try {
        result = await action();
      } catch (error) {
        if (mounted.current) {
          setNotice({ intent: 'error', text: describeError(error, locale) });
          setBusy(false);
        }
        return false;
      }
      try {
        await onLedgerChanged();
        // Saved, but something after the save went wrong (a filter not restored): say that instead.
        const warnings = takeStoreWarnings();
        if (mounted.current && warnings.length > 0) setNotice({ intent: 'warning', text: warnings.map((w) => w.message).join('\n') });
        else if (mounted.current && successText) setNotice({ intent: 'success', text: typeof successText === 'function' ? successText(result) : successText });
      } catch (error) {
        if (mounted.current) setNotice({ intent: 'error', text: describeError(error, locale) });
      } finally {
        if (mounted.current) setBusy(false);
      }
      return true;
    },
    [onLedgerChanged, locale],
  );
  const clearNotice = useCallback(() => setNotice(null), []);
  return { busy, notice, clearNotice, run };
}
