// The LedgerStore over a ledger .xlsx file (the page without Excel, DESIGN §12; the command line).
// Edits go through the same ledger-ops as the Excel and memory stores and are kept until save(),
// which writes the difference into the package in place — the rows of ZG_Problems / ZG_Measures by
// 编号, the 巡察信息 cells, new 变更记录 rows — and zips it back with every other part (and every
// untouched zip entry) exactly as it came. The generated sheets (整改统计, a 通报 sheet, 汇总 and
// 汇总统计) are written into the working copy of the package when the user asks for them, and
// reach the file with the next save, as edits do. Pure: bytes in, bytes out; no DOM, no Node I/O.
import * as ops from '../../ledger/ledger-ops';
import type { OpsClock } from '../../ledger/ledger-ops';
import { isLedgerError, type LedgerError } from '../../ledger/errors';
import { LedgerStoreError, type ChangeEntry, type ConsolidationReport, type DashboardReport, type LedgerStore, type SendCopyReport, type SummarySource, type UnitLedger } from '../../ledger/store';
import type { Ledger } from '../../ledger/types';
import { opsMethods } from '../opsStore';
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

export type FileStore = Omit<LedgerStore, 'refreshDashboard' | 'writeReportSheet' | 'consolidate' | 'summarySources'> & {
  readonly kind: 'file';
  refreshDashboard(): Promise<DashboardReport>;
  writeReportSheet(name: string, rows: string[][]): Promise<string>;
  consolidate(units: readonly UnitLedger[]): Promise<ConsolidationReport>;
  /** Which unit's rows in the 汇总 came from which file: the pane asks before one file replaces another's. */
  summarySources(): Promise<SummarySource[]>;
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
  // `parts` is the package as the file holds it; `work` adds the generated sheets written since.
  let work: XlsxParts = parts;
  const dirtyListeners = new Set<(dirty: boolean) => void>();
  const clock = (): OpsClock => ops.clockAt(now());

  const setDirty = (value: boolean) => {
    if (dirty === value) return;
    dirty = value;
    for (const l of dirtyListeners) l(value);
  };

  // Answers come asynchronously, as from the other stores, so the pane cannot come to rely on sync ones.
  const run = async <T>(action: () => T): Promise<T> => {
    await Promise.resolve();
    return action();
  };

  /** Writes generated sheets into a copy of the working package: all of it, or (it threw) none of it. */
  function generate<T>(action: (next: XlsxParts) => T): T {
    const next: XlsxParts = { ...work };
    const result = action(next);
    work = next;
    setDirty(true);
    return result;
  }

  function write(): { parts: XlsxParts; touched: string[]; bytes: Uint8Array; model: LedgerFileModel } {
    const next: XlsxParts = { ...work };
    const written = writeEdit(next, model, ledger, log);
    const changed = new Set(written.touched);
    // What the generated sheets changed: parts new or rewritten (unless to the same bytes), parts gone.
    for (const [path, bytes] of Object.entries(work)) if (parts[path] !== bytes && !sameBytes(parts[path], bytes)) changed.add(path);
    const removed = new Set(Object.keys(parts).filter((path) => !(path in work)));
    const bytes = changed.size === 0 && removed.size === 0 ? source : zipUpdated(source, next, changed, removed);
    return { parts: next, touched: [...changed, ...removed].sort(), bytes, model: written.model };
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
      work = parts;
      model = written.model;
      log = [];
      setDirty(false);
      return { bytes: written.bytes, parts: written.touched };
    },
    changeLog: () => log,
    detect: () => run(() => ({ state: 'ok' as const })),
    // A file the store opened is a ledger (openFileStore refuses anything else): nothing to create.
    createOrRepair: () => run(() => ({ created: [], repaired: [], notes: [] })),
    ...opsMethods({
      ledger: () => ledger,
      commit: (edit) => {
        ledger = edit.ledger;
        log.push(...edit.changes);
        if (edit.changes.length > 0 || edit.ledger !== model.ledger) setDirty(true);
      },
      clock,
      run,
    }),
    // The layouts and their writers are loaded on first use: opening a file does not need them.
    refreshDashboard: async () => {
      const [{ writeDashboard }, { dashboardCounts }] = await Promise.all([import('./generatedSheets'), import('../excelDashboard')]);
      const placed = generate((next) => writeDashboard(next, ledger, [model.problems, model.measures]));
      // A ledger from before the roll-up helper columns got them: later saves write rows with them.
      model = { ...model, problems: placed.tables[0], measures: placed.tables[1] };
      return { sheet: placed.sheet, created: placed.created, ...dashboardCounts(ledger), charts: placed.charts };
    },
    writeReportSheet: async (name, rows) => {
      const { writeReportSheet } = await import('./generatedSheets');
      return generate((next) => writeReportSheet(next, name, rows));
    },
    consolidate: async (units) => {
      const { consolidateParts } = await import('./summaryParts');
      return generate((next) => consolidateParts(next, units, clock().now, model.dateSystem));
    },
    summarySources: async () => {
      const [{ summaryRowsOf }, { summarySources }] = await Promise.all([import('./summaryParts'), import('../../ledger/consolidate')]);
      return summarySources(summaryRowsOf(work, model.dateSystem));
    },
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

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
