// The in-memory LedgerStore of the preview: the task pane in a plain browser (no Office host) and
// in tests. It applies the same ledger-ops as the Excel adapter and answers asynchronously, like
// the real one, so the pane cannot come to rely on synchronous answers.
import * as ops from '../ledger/ledger-ops';
import type { OpsClock } from '../ledger/ledger-ops';
import { ledgerError, type LedgerError } from '../ledger/errors';
import { LedgerStoreError } from '../ledger/store';
import type { ChangeEntry, ConsolidationReport, DashboardReport, ItemRef, LedgerPresence, LedgerStore, RepairReport, SummarySource, UnitLedger } from '../ledger/store';
import type { SummaryRow } from '../ledger/consolidate';
import { EMPTY_ROUND, type Ledger } from '../ledger/types';
import { INFO_SHEET, SUMMARY, TABLES } from './schema';
import type { SheetLayout } from './sheetLayout';
import { reportSheetName } from './excelReport';
import { copyLedger, opsMethods } from './opsStore';

export type MemoryStoreOptions = {
  /** The clock for 完成日期 defaults and 变更记录 stamps; default the system clock. */
  now?: () => Date;
  /** 'none' starts as a workbook without a ledger (first-run flow); createOrRepair makes it 'ok'. */
  presence?: 'ok' | 'none';
  /**
   * Rows of a 汇总 table the workbook already holds (a 巡察办's summary workbook opened again): with
   * presence 'none', detect() reports it as a summary workbook.
   */
  summary?: readonly SummaryRow[];
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
  refreshDashboard(): Promise<DashboardReport>;
  consolidate(units: readonly UnitLedger[]): Promise<ConsolidationReport>;
  summarySources(): Promise<SummarySource[]>;
  /** The generated sheets (整改统计, 汇总统计) as last written, by sheet name. */
  generatedSheets(): ReadonlyMap<string, SheetLayout>;
  /** The rows of the 汇总 table. */
  summaryRows(): readonly SummaryRow[];
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
  const generated = new Map<string, SheetLayout>();
  let summary: SummaryRow[] = options.summary ? [...options.summary] : [];
  // The 汇总 table exists once a first 汇总 made it (or the workbook came with one), even if empty.
  let summaryTable = options.summary !== undefined;

  const settle = () => new Promise<void>((resolve) => (latency > 0 ? setTimeout(resolve, latency) : queueMicrotask(resolve)));
  const clock = (): OpsClock => ops.clockAt(now());

  function requireLedger(): void {
    if (!present) throw new LedgerStoreError(notALedger());
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
      if (present) return { state: 'ok' };
      return summaryTable ? { state: 'none', summary: true } : { state: 'none' };
    },
    async createOrRepair(): Promise<RepairReport> {
      await settle();
      const created = present ? [] : [INFO_SHEET, ...TABLES.map((t) => `${t.sheet}（${t.table}）`)];
      if (!present) ledger = { round: { ...EMPTY_ROUND }, problems: [], measures: [] };
      present = true;
      return { created, repaired: [], notes: [] };
    },
    ...opsMethods({
      ledger: () => ledger,
      commit: (edit) => {
        ledger = edit.ledger;
        log.push(...edit.changes);
      },
      clock,
      run,
    }),
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
    // The layouts and the merge are loaded on first use, as in Excel: the preview's start-up chunk stays small.
    async refreshDashboard() {
      await settle();
      requireLedger();
      // dashboardCounts is pure (the Excel adapter's report counts the same way); the module makes no Excel call when loaded.
      const [{ dashboardLayout, dashboardSlots }, { dashboardCounts }] = await Promise.all([import('./dashboard'), import('./excelDashboard')]);
      const layout = dashboardLayout(dashboardSlots(ledger));
      const created = !generated.has(layout.sheet);
      generated.set(layout.sheet, layout);
      return { sheet: layout.sheet, created, ...dashboardCounts(ledger), charts: layout.charts.length };
    },
    async consolidate(units) {
      await settle();
      // 汇总 needs no ledger of its own: a 巡察办's summary workbook may hold none.
      const [{ mergeSummary, summaryUnits }, { summaryDashboardLayout }] = await Promise.all([import('../ledger/consolidate'), import('./summaryDashboard')]);
      const merged = mergeSummary(summary, units, clock().now);
      summary = merged.rows;
      summaryTable = true;
      const unitNames = summaryUnits(summary);
      const layout = summaryDashboardLayout(unitNames);
      generated.set(layout.sheet, layout);
      return {
        sheet: SUMMARY.sheet,
        units: merged.report.map((u) => ({ unit: u.unit, fileName: u.fileName, problems: u.problems, measures: u.measures, outcome: u.outcome })),
        unitCount: unitNames.length,
        rowCount: summary.length,
        // Nobody types into the preview's 汇总统计: its 统计截止日期 stays blank (today).
        asOf: null,
      };
    },
    async summarySources() {
      await settle();
      return (await import('../ledger/consolidate')).summarySources(summary);
    },
    generatedSheets: () => generated,
    summaryRows: () => summary,
  };
}

function notALedger(): LedgerError {
  return ledgerError('notALedger');
}
