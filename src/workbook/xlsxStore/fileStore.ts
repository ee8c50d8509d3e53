// The LedgerStore over a ledger .xlsx file (the page without Excel, DESIGN §12; the command line).
// Edits go through the same ledger-ops as the Excel and memory stores and are kept until save(),
// which writes the difference into the package in place — the rows of ZG_Problems / ZG_Measures by
// 编号, the 巡察信息 cells, new 变更记录 rows — and zips it back with every other part (and every
// untouched zip entry) exactly as it came. Pure: bytes in, bytes out; no DOM, no Node I/O.
import { applyCollected } from '../../ledger/distribute/apply';
import * as ops from '../../ledger/ledger-ops';
import type { LedgerEdit, OpsClock } from '../../ledger/ledger-ops';
import { isLedgerError, type LedgerError } from '../../ledger/errors';
import { LedgerStoreError, type ChangeEntry, type LedgerStore, type SendCopyReport } from '../../ledger/store';
import type { Ledger } from '../../ledger/types';
import type { XlsxParts } from '../xlsx/package';
import { openLedgerFile, openLedgerFileAsync, type LedgerFileModel } from './readFile';
import { writeEdit } from './writeFile';
import { zipUpdated } from './zipUpdate';

export type FileStoreOptions = {
  /** The clock for 完成日期 defaults and 变更记录 stamps; default the system clock. */
  now?: () => Date;
  /**
   * Hands a file to the user (the page downloads it). With it the store offers 生成发送副本: a copy
   * of the ledger as saved now, every ZG.* formula replaced by its value.
   */
  deliver?: (bytes: Uint8Array, fileName: string) => void;
};

export type SaveResult = { bytes: Uint8Array; parts: string[] };

export type FileStore = LedgerStore & {
  readonly kind: 'file';
  readonly fileName: string;
  /** What the reader had to assume (missing optional columns, measures of unknown problems). */
  readonly warnings: readonly LedgerError[];
  /** Whether there are edits save() has not written yet. */
  isDirty(): boolean;
  /** Calls back when isDirty() changes; returns an unsubscribe. */
  onDirtyChange(listener: (dirty: boolean) => void): () => void;
  /**
   * The file with every edit so far written in; afterwards the store is clean. `parts` names the
   * package parts that changed (none: the bytes are the file as opened).
   */
  save(): SaveResult;
  /** 变更记录 lines not yet saved, oldest first. */
  changeLog(): readonly ChangeEntry[];
};

/** A store over the bytes of a ledger file, or the LedgerError saying why the file cannot be edited. */
export function openFileStore(bytes: Uint8Array, fileName: string, options: FileStoreOptions = {}): FileStore | LedgerError {
  const opened = openLedgerFile(bytes, fileName);
  if (isLedgerError(opened)) return opened;
  return fileStore(bytes, opened.parts, opened.model, fileName, options);
}

/** openFileStore with the file's parts inflated by the platform's zlib where it has one (the page). */
export async function openFileStoreAsync(bytes: Uint8Array, fileName: string, options: FileStoreOptions = {}): Promise<FileStore | LedgerError> {
  const opened = await openLedgerFileAsync(bytes, fileName);
  if (isLedgerError(opened)) return opened;
  return fileStore(bytes, opened.parts, opened.model, fileName, options);
}

function fileStore(source: Uint8Array, parts: XlsxParts, model: LedgerFileModel, fileName: string, options: FileStoreOptions): FileStore {
  const now = options.now ?? (() => new Date());
  let ledger: Ledger = model.ledger;
  let log: ChangeEntry[] = [];
  let dirty = false;
  const dirtyListeners = new Set<(dirty: boolean) => void>();
  const clock = (): OpsClock => ops.clockAt(now());

  const setDirty = (value: boolean) => {
    if (dirty === value) return;
    dirty = value;
    for (const l of dirtyListeners) l(value);
  };

  /** Commits an edit or rejects with its LedgerError; nothing is half-applied. */
  function commit<T extends { edit: LedgerEdit } | LedgerEdit>(result: T | LedgerError): T {
    if (isLedgerError(result)) throw new LedgerStoreError(result);
    const edit = 'edit' in result ? result.edit : (result as LedgerEdit);
    ledger = edit.ledger;
    log.push(...edit.changes);
    if (edit.changes.length > 0 || edit.ledger !== model.ledger) setDirty(true);
    return result;
  }

  // Answers come asynchronously, as from the other stores, so the pane cannot come to rely on sync ones.
  const run = async <T>(action: () => T): Promise<T> => {
    await Promise.resolve();
    return action();
  };

  function write(): { parts: XlsxParts; touched: string[]; bytes: Uint8Array; model: LedgerFileModel } {
    const next: XlsxParts = { ...parts };
    const written = writeEdit(next, model, ledger, log);
    const bytes = written.touched.length === 0 ? source : zipUpdated(source, next, new Set(written.touched));
    return { parts: next, touched: written.touched, bytes, model: written.model };
  }

  const store: FileStore = {
    kind: 'file',
    fileName,
    warnings: model.warnings,
    isDirty: () => dirty,
    onDirtyChange(listener) {
      dirtyListeners.add(listener);
      return () => void dirtyListeners.delete(listener);
    },
    save() {
      const written = write();
      // What the file now holds is the new baseline (the writer says where every row went).
      source = written.bytes;
      parts = written.parts;
      model = written.model;
      log = [];
      setDirty(false);
      return { bytes: written.bytes, parts: written.touched };
    },
    changeLog: () => log,
    detect: () => run(() => ({ state: 'ok' as const })),
    // A file the store opened is a ledger (openFileStore refuses anything else): nothing to create.
    createOrRepair: () => run(() => ({ created: [], repaired: [], notes: [] })),
    load: () => run(() => copyLedger(ledger)),
    saveRound: (round) => run(() => void commit(ops.saveRound(ledger, round, clock()))),
    addProblem: (problem, measures) =>
      run(() => {
        const r = commit(ops.addProblems(ledger, [{ problem, measures }], clock()));
        return { problemId: r.problemIds[0], measureIds: r.measureIds[0] };
      }),
    addProblems: (items) => run(() => ({ problemIds: commit(ops.addProblems(ledger, items, clock())).problemIds })),
    updateProblem: (id, patch) => run(() => void commit(ops.updateProblem(ledger, id, patch, clock()))),
    updateMeasure: (id, patch) => run(() => void commit(ops.updateMeasure(ledger, id, patch, clock()))),
    appendProgress: (id, date, text) => run(() => void commit(ops.appendProgress(ledger, id, date, text, clock()))),
    setStatus: (id, status, doneDate) => run(() => void commit(ops.setStatus(ledger, id, status, clock(), doneDate))),
    closeStep: (ref, step) => run(() => commit(ops.closeStep(ledger, ref, step, clock())).state),
    deleteProblem: (id) => run(() => void commit(ops.deleteProblem(ledger, id, clock()))),
    deleteMeasure: (id) => run(() => void commit(ops.deleteMeasure(ledger, id, clock()))),
    applyCollected: (changes) => run(() => ({ changed: commit(applyCollected(ledger, changes, clock())).changes.length })),
    // There is no sheet to select a row in, and no one selecting rows: both are no-ops.
    select: () => run(() => undefined),
    onSelect: () => run(() => () => undefined),
  };
  if (options.deliver) {
    const deliver = options.deliver;
    store.makeSendCopy = async (): Promise<SendCopyReport> => {
      const { freezeZgFormulas, sendCopyFileName } = await import('../xlsx/freeze');
      const frozen = freezeZgFormulas(write().bytes, fileName);
      if (isLedgerError(frozen)) throw new LedgerStoreError(frozen);
      const name = sendCopyFileName(fileName);
      deliver(frozen.bytes, name);
      const { uncached, live, macros, externalLinks, linkNames, unsafeEntries } = frozen;
      // What the freeze found goes back with the report: the pane warns about each.
      return { replaced: frozen.replaced, delivery: 'downloaded', fileName: name, uncached, live, macros, externalLinks, linkNames, unsafeEntries };
    };
  }
  return store;
}

/** Rows are replaced, never mutated, by ledger-ops; copying the arrays keeps callers' copies stable. */
function copyLedger(l: Ledger): Ledger {
  return { round: { ...l.round }, problems: l.problems.map((p) => ({ ...p })), measures: l.measures.map((m) => ({ ...m })) };
}
