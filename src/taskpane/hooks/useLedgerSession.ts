// The pane's connection to its store: detect whether the workbook holds a ledger, create or repair
// it on request, load it, and reload it after every write (keeping the last ledger on screen). A
// workbook with no ledger but a 汇总 table is a 巡察办's summary workbook: it opens on 汇总.
import { useCallback, useEffect, useState } from 'react';
import type { LedgerPresence, LedgerStore } from '../../ledger/store';
import type { Ledger } from '../../ledger/types';
import { describeError } from '../format';
import type { Locale } from '../../ledger/errors';

export type Session =
  | { phase: 'loading' }
  | { phase: 'setup'; presence: Exclude<LedgerPresence, { state: 'ok' }> }
  /** No ledger, only 汇总: a summary workbook, or the user chose 只汇总 on first run. */
  | { phase: 'summary' }
  | { phase: 'ready'; ledger: Ledger; created: boolean }
  | { phase: 'failed'; message: string };

export type LedgerSession = {
  session: Session;
  /** Reloads after a write; rejects (for the caller's MessageBar) when the store cannot be read. */
  reload: () => Promise<void>;
  createOrRepair: () => Promise<void>;
  /** First run → 汇总 without creating a ledger (only where the store can consolidate). */
  openSummary: (() => void) | null;
  retry: () => void;
};

export function useLedgerSession(store: LedgerStore, locale: Locale): LedgerSession {
  const [session, setSession] = useState<Session>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const canConsolidate = typeof store.consolidate === 'function';

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const presence = await store.detect();
        if (!live) return;
        if (presence.state === 'none' && presence.summary && canConsolidate) {
          setSession({ phase: 'summary' });
          return;
        }
        if (presence.state !== 'ok') {
          setSession({ phase: 'setup', presence });
          return;
        }
        const ledger = await store.load();
        if (live) setSession({ phase: 'ready', ledger, created: false });
      } catch (error) {
        if (live) setSession({ phase: 'failed', message: describeError(error, locale) });
      }
    })();
    return () => {
      live = false;
    };
  }, [store, locale, attempt, canConsolidate]);

  const reload = useCallback(async () => {
    const ledger = await store.load();
    setSession((s) => ({ phase: 'ready', ledger, created: s.phase === 'ready' ? s.created : false }));
  }, [store]);

  const createOrRepair = useCallback(async () => {
    await store.createOrRepair();
    const ledger = await store.load();
    setSession({ phase: 'ready', ledger, created: true });
  }, [store]);

  const openSummary = useCallback(() => setSession({ phase: 'summary' }), []);

  const retry = useCallback(() => {
    setSession({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { session, reload, createOrRepair, openSummary: canConsolidate ? openSummary : null, retry };
}
