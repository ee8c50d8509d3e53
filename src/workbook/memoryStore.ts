// The in-memory LedgerStore of the preview: the task pane in a plain browser (no Office host) and
// in tests. It applies the same ledger-ops as the Excel adapter and answers asynchronously, like
// the real one, so the pane cannot come to rely on synchronous answers.
import * as ops from '../ledger/ledger-ops';
import type { LedgerEdit, OpsClock } from '../ledger/ledger-ops';
import { isLedgerError, ledgerError, type LedgerError } from '../ledger/errors';
import { LedgerStoreError } from '../ledger/store';
import type { ChangeEntry, ItemRef, LedgerPresence, LedgerStore, RepairReport } from '../ledger/store';
import { EMPTY_ROUND, type Ledger } from '../ledger/types';
import { INFO_SHEET, TABLES } from './schema';
import { reportSheetName } from './excelReport';

export type MemoryStoreOptions = {
  /** The clock for 完成日期 defaults and 变更记录 stamps; default the system clock. */
  now?: () => Date;
  /** 'none' starts as a workbook without a ledger (first-run flow); createOrRepair makes it 'ok'. */
  presence?: 'ok' | 'none';
  /** Milliseconds each call waits before answering, to imitate Excel's round trip; default 0. */
  latencyMs?: number;
};

export type MemoryStore = LedgerStore & {
  /** The 变更记录 lines written so far, oldest first. */
  changeLog(): readonly ChangeEntry[];
  /** Simulates the user selecting a row in Excel: listeners of onSelect are called. */
  simulateSelect(ref: ItemRef): void;
  writeReportSheet(name: string, rows: string[][]): Promise<string>;
  /** The sheets writeReportSheet made, oldest first, with their rows as given. */
  reportSheets(): readonly ReportSheet[];
};

export type ReportSheet = { name: string; rows: string[][] };

export function createMemoryStore(initial: Ledger, options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? (() => new Date());
  const latency = options.latencyMs ?? 0;
  let present = (options.presence ?? 'ok') === 'ok';
  let ledger: Ledger = ops.rollUpAll(copyLedger(initial));
  const log: ChangeEntry[] = [];
  const listeners = new Set<(ref: ItemRef) => void>();
  const reports: ReportSheet[] = [];

  const settle = () => new Promise<void>((resolve) => (latency > 0 ? setTimeout(resolve, latency) : queueMicrotask(resolve)));
  const clock = (): OpsClock => ops.clockAt(now());

  function requireLedger(): void {
    if (!present) throw new LedgerStoreError(notALedger());
  }

  /** Commits an edit or rejects with its LedgerError; nothing is half-applied. */
  function commit<T extends { edit: LedgerEdit } | LedgerEdit>(result: T | LedgerError): T {
    if (isLedgerError(result)) throw new LedgerStoreError(result);
    const edit = 'edit' in result ? result.edit : (result as LedgerEdit);
    ledger = edit.ledger;
    log.push(...edit.changes);
    return result;
  }

  async function run<T>(action: () => T): Promise<T> {
    await settle();
    requireLedger();
    return action();
  }

  return {
    kind: 'preview',
    async detect(): Promise<LedgerPresence> {
      await settle();
      return present ? { state: 'ok' } : { state: 'none' };
    },
    async createOrRepair(): Promise<RepairReport> {
      await settle();
      const created = present ? [] : [INFO_SHEET, ...TABLES.map((t) => `${t.sheet}（${t.table}）`)];
      if (!present) ledger = { round: { ...EMPTY_ROUND }, problems: [], measures: [] };
      present = true;
      return { created, repaired: [], notes: [] };
    },
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
    async select() {
      await settle();
    },
    async onSelect(listener) {
      await settle();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    changeLog: () => log,
    simulateSelect(ref) {
      for (const l of listeners) l(ref);
    },
    async writeReportSheet(name, rows) {
      await settle();
      // The same naming rule as Excel, against the sheets this workbook would have.
      const ledgerSheets = present ? [INFO_SHEET, ...TABLES.map((t) => t.sheet)] : [];
      const actual = reportSheetName(name, [...ledgerSheets, ...reports.map((r) => r.name)]);
      reports.push({ name: actual, rows: rows.map((row) => [...row]) });
      return actual;
    },
    reportSheets: () => reports,
  };
}

function notALedger(): LedgerError {
  return ledgerError('notALedger');
}

/** Rows are replaced, never mutated, by ledger-ops; copying the arrays keeps callers' copies stable. */
function copyLedger(l: Ledger): Ledger {
  return { round: { ...l.round }, problems: l.problems.map((p) => ({ ...p })), measures: l.measures.map((m) => ({ ...m })) };
}
