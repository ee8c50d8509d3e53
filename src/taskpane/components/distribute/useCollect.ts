// State and actions of 回收 in the pane: read each chosen file (a bad one gets its reason and never
// stops the others), compare it with the ledger, let the user pick (plain changes ticked, conflicts
// not: the ledger keeps its value unless someone decides otherwise), then apply the picked changes
// through the store in one action.
import { useCallback, useMemo, useState } from 'react';
import { consistentChoice } from '../../../ledger/distribute/apply';
import { diffReturned, refusedFile, type FieldChange, type FileDiff } from '../../../ledger/distribute/collect';
import { isLedgerError, ledgerError, type Locale } from '../../../ledger/errors';
import type { LedgerStore } from '../../../ledger/store';
import type { IsoDate, Ledger } from '../../../ledger/types';
import { describeError } from '../../format';
import { fill } from '../../i18n';
import type { Notice } from '../../hooks/useStoreAction';
import { readFileBytes } from '../stats/fileBytes';
import { COLLECT_STRINGS } from './collectStrings';

export const changeKey = (c: FieldChange) => `${c.file}\u0000${c.id}\u0000${c.field}`;

export type CollectState = {
  reading: boolean;
  applying: boolean;
  diffs: FileDiff[];
  picked: ReadonlySet<string>;
  notice: Notice | null;
  clearNotice: () => void;
  toggle: (change: FieldChange, on: boolean) => void;
  acceptAll: (diff: FileDiff) => void;
  chooseFiles: (files: readonly File[]) => Promise<void>;
  apply: () => Promise<void>;
};

async function readOne(file: File, ledger: Ledger, today: IsoDate): Promise<FileDiff> {
  try {
    const bytes = await readFileBytes(file);
    // The .xlsx reader is a chunk of its own, fetched on first use.
    const { readReturnedFile } = await import('../../../workbook/xlsx/readReturned');
    const read = readReturnedFile(bytes, file.name);
    return isLedgerError(read) ? refusedFile(file.name, '', read) : diffReturned(ledger, read, today);
  } catch {
    return refusedFile(file.name, '', ledgerError('damagedXlsx', file.name));
  }
}

export function useCollect(store: LedgerStore, ledger: Ledger, today: IsoDate, locale: Locale, onLedgerChanged: () => void): CollectState {
  const t = COLLECT_STRINGS[locale];
  const [reading, setReading] = useState(false);
  const [applying, setApplying] = useState(false);
  const [diffs, setDiffs] = useState<FileDiff[]>([]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);

  const chooseFiles = useCallback(
    async (files: readonly File[]) => {
      setReading(true);
      setNotice(null);
      try {
        const read = await Promise.all(files.map((f) => readOne(f, ledger, today)));
        setDiffs(read);
        setPicked(new Set(read.flatMap((d) => d.changes.filter((c) => c.kind === 'apply').map(changeKey))));
      } finally {
        setReading(false);
      }
    },
    [ledger, today],
  );

  const toggle = useCallback((change: FieldChange, on: boolean) => {
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(changeKey(change));
      else next.delete(changeKey(change));
      return next;
    });
  }, []);

  const acceptAll = useCallback((diff: FileDiff) => setPicked((prev) => new Set([...prev, ...diff.changes.map(changeKey)])), []);

  const all = useMemo(() => diffs.flatMap((d) => d.changes), [diffs]);
  const apply = useCallback(async () => {
    setApplying(true);
    try {
      const accepted = consistentChoice(all.filter((c) => picked.has(changeKey(c))), all);
      const { changed } = await store.applyCollected(accepted);
      setNotice({ intent: 'success', text: fill(t.applied, accepted.length, changed) });
      setDiffs([]);
      setPicked(new Set());
      onLedgerChanged();
    } catch (error) {
      setNotice({ intent: 'error', text: describeError(error, locale) });
    } finally {
      setApplying(false);
    }
  }, [all, picked, store, t, locale, onLedgerChanged]);

  return { reading, applying, diffs, picked, notice, clearNotice: () => setNotice(null), toggle, acceptAll, chooseFiles, apply };
}
