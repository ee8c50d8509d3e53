// The pane's connection to its store: detect whether the workbook holds a ledger, create or repair
// it on request, load it, and reload it after every write (keeping the last ledger on screen).
import { useCallback, useEffect, useState } from 'react';
import type { LedgerPresence, LedgerStore } from '../../ledger/store';
import type { Ledger } from '../../ledger/types';
import { describeError } from '../format';
import type { Locale } from '../../ledger/errors';

export type Session =
  | { phase: 'loading' }
  | { phase: 'setup'; presence: Exclude<LedgerPresence, { state: 'ok' }> }
  | { phase: 'ready'; ledger: Ledger; created: boolean }
  | { phase: 'failed'; message: string };

export type LedgerSession = {
  session: Session;
  /** Reloads after a write; rejects (for the caller's MessageBar) when the store cannot be read. */
  reload: () => Promise<void>;
  createOrRepair: () => Promise<void>;
  retry: () => void;
};

export function useLedgerSession(store: LedgerStore, locale: Locale): LedgerSession {
  const [session, setSession] = useState<Session>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const presence = await store.detect();
        if (!live) return;
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
  }, [store, locale, attempt]);

  const reload = useCallback(async () => {
    const ledger = await store.load();
    setSession((s) => ({ phase: 'ready', ledger, created: s.phase === 'ready' ? s.created : false }));
  }, [store]);

  const createOrRepair = useCallback(async () => {
    await store.createOrRepair();
    const ledger = await store.load();
    setSession({ phase: 'ready', ledger, created: true });
  }, [store]);

  const retry = useCallback(() => {
    setSession({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { session, reload, createOrRepair, retry };
}
