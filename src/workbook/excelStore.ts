// The Office.js LedgerStore: the workbook is the database. Every user action is ONE Excel.run that
// loads what it needs, syncs once, applies the same ledger-ops as the preview store, queues the
// writes and syncs once more (a write larger than one request is chunked, payload.ts, and a lifted
// filter is put back in a batch of its own): none in a loop over rows.
import { FIGURES_TITLE } from '../ledger/roundFigures';
import { FIGURE_SCAN_ROWS, figureBlockOfGrid, planFigureWrites } from './infoFigures';
import { applyCollected } from '../ledger/distribute/apply';
import * as ops from '../ledger/ledger-ops';
import type { LedgerEdit, OpsClock } from '../ledger/ledger-ops';
import { isLedgerError, ledgerError, type LedgerError } from '../ledger/errors';
import {
  LedgerStoreError,
  type ConsolidationReport, type DashboardReport, type ItemRef, type LedgerPresence, type LedgerStore, type SendCopyReport, type SummarySource, type UnitLedger,
} from '../ledger/store';
import type { Ledger, Round } from '../ledger/types';
import { cellValue, dateSystemOfProbe, DATE_PROBE, roundFromCells, valueIn1900 } from './cells';
import type { DateSystem } from '../ledger/dates';
import { queueChangeLog, queueLedgerLoad, readLedger, restoreFilters, writeEdit, type LedgerState } from './excelLedger';
import { payloadGuarded } from './payload';
import { presenceOf, queueCreateOrRepair, queueShapeLoad, readShape, type RepairReport } from './excelSetup';
import { onTableSelection, selectRow, type ExcelRunner } from './excelSelect';
import { writeReportSheet } from './excelReport';
import { INFO_CELLS, type ColumnDef } from './schema';

/** The part of the `Excel` namespace the store uses (Excel.run); injected in tests. */
export type ExcelApi = ExcelRunner;

export type ExcelStoreOptions = {
  excel?: ExcelApi;
  /** The clock for 完成日期 defaults and 变更记录 stamps; default the system clock. */
  now?: () => Date;
  /**
   * 发送副本 where Excel cannot open the copy as a new workbook (no ExcelApi 1.8, or too large for
   * Excel on the web): hands the bytes to the browser as a download. The pane supplies it.
   */
  download?: (bytes: Uint8Array, fileName: string) => void | Promise<void>;
  /**
   * What went wrong after an action's data was written (a filter Excel would not re-apply): the
   * action still succeeds, and the pane shows this as a warning.
   */
  onWarning?: (warning: LedgerError) => void;
};

export type ExcelStore = Omit<LedgerStore, 'kind' | 'createOrRepair' | 'writeReportSheet' | 'refreshDashboard' | 'consolidate' | 'summarySources' | 'makeSendCopy'> & {
  readonly kind: 'excel';
  createOrRepair(): Promise<RepairReport>;
  writeReportSheet(name: string, rows: string[][]): Promise<string>;
  refreshDashboard(): Promise<DashboardReport>;
  consolidate(units: readonly UnitLedger[]): Promise<ConsolidationReport>;
  summarySources(): Promise<SummarySource[]>;
  makeSendCopy(): Promise<SendCopyReport>;
};

/** Office errors that mean "the ledger (or part of it) is not in this workbook". */
function isMissingItem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ItemNotFound' || code === 'InvalidArgument';
}

/** Syncs the load batch; a missing table or name becomes the user-facing notALedger message. */
export async function syncLoad(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (isMissingItem(error)) throw new LedgerStoreError(ledgerError('notALedger'));
    throw error;
  }
}

/** A 巡察信息 cell's value with a date in the 1900 system the readers expect. */
function infoValue(cell: (typeof INFO_CELLS)[number], value: unknown, system: DateSystem): unknown {
  return cell.kind === 'date' ? valueIn1900(value, system) : value;
}

/** 通报数字: the columns A:C of the 巡察信息 sheet (the sheet ZG_Org is on), queued for loading. */
function figureGrid(wb: Excel.Workbook): { sheet: Excel.Worksheet; values: unknown[][] } {
  const sheet = wb.names.getItem('ZG_Org').getRange().worksheet;
  const range = sheet.getRange(`A1:C${FIGURE_SCAN_ROWS}`).load('values');
  return {
    sheet,
    get values() {
      return range.values;
    },
  };
}

function fail(error: LedgerError): never {
  throw new LedgerStoreError(error);
}

export function createExcelStore(options: ExcelStoreOptions = {}): ExcelStore {
  // Every action's RequestPayloadSizeLimitExceeded becomes a Chinese message (payload.ts).
  const excel = (): ExcelApi => payloadGuarded(options.excel ?? (globalThis as unknown as { Excel: ExcelApi }).Excel);
  const clock = (): OpsClock => ops.clockAt((options.now ?? (() => new Date()))());

  /** One user action: load → sync → compute with ledger-ops → write → sync. */
  function act<T>(compute: (ledger: Ledger, clock: OpsClock) => { edit: LedgerEdit; value: T } | LedgerError): Promise<T> {
    return excel().run(async (context) => {
      const load = queueLedgerLoad(context);
      await syncLoad(context);
      const state: LedgerState = readLedger(load);
      const result = compute(state.ledger, clock());
      if (isLedgerError(result)) fail(result);
      if (result.edit.changes.length > 0) {
        const restores = await writeEdit(context, state, result.edit, state.ledger);
        // The rows are written: from here on nothing turns the action into a failure.
        const filterProblem = await restoreFilters(context, restores);
        if (filterProblem) options.onWarning?.(filterProblem);
      }
      return result.value;
    });
  }

  const plain = (r: LedgerEdit | LedgerError) => (isLedgerError(r) ? r : { edit: r, value: undefined });

  return {
    kind: 'excel',

    detect: () =>
      excel().run(async (context): Promise<LedgerPresence> => {
        const loaded = queueShapeLoad(context);
        await context.sync();
        return presenceOf(readShape(loaded));
      }),

    createOrRepair: () =>
      excel().run(async (context) => {
        const loaded = queueShapeLoad(context);
        await context.sync();
        const report = queueCreateOrRepair(context, readShape(loaded));
        if (report.created.length + report.repaired.length > 0) await context.sync();
        return report;
      }),

    load: () =>
      excel().run(async (context) => {
        const load = queueLedgerLoad(context);
        const names = context.workbook.names.load('items/name,items/type');
        await syncLoad(context);
        const state = readLedger(load);
        const present = new Set(names.items.filter((n) => n.type === 'Range').map((n) => n.name));
        const cells = INFO_CELLS.filter((c) => c.field && present.has(c.name)).map((c) => ({ cell: c, range: context.workbook.names.getItem(c.name).getRange().load('values') }));
        const grid = present.has('ZG_Org') ? figureGrid(context.workbook) : null;
        await context.sync();
        const round = roundFromCells(new Map(cells.map(({ cell, range }) => [cell.name, infoValue(cell, range.values[0]?.[0], state.dateSystem)])));
        const block = grid ? figureBlockOfGrid(grid.values).block : null;
        if (block && block.header !== null) round.figures = block.rows.map((r) => r.figure);
        return ops.rollUpAll({ ...state.ledger, round });
      }),

    saveRound: (round: Round) =>
      excel().run(async (context) => {
        const wb = context.workbook;
        const cells = INFO_CELLS.filter((c) => c.field).map((c) => ({ cell: c, range: wb.names.getItem(c.name).getRange().load('values') }));
        const tables = wb.tables.load('items/name,items/columns/items/name');
        const probe = wb.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day).load('value');
        const grid = round.figures ? figureGrid(wb) : null;
        await syncLoad(context);
        const system = dateSystemOfProbe(probe.value);
        const before = roundFromCells(new Map(cells.map(({ cell, range }) => [cell.name, infoValue(cell, range.values[0]?.[0], system)])));
        const read = grid ? figureBlockOfGrid(grid.values) : null;
        if (read && read.block.header !== null) before.figures = read.block.rows.map((r) => r.figure);
        const edit = ops.saveRound({ round: before, problems: [], measures: [] }, round, clock());
        if (isLedgerError(edit)) fail(edit);
        if (!edit.diff.round) return;
        for (const { cell, range } of cells) {
          const key = cell.field!;
          if (before[key] === edit.ledger.round[key]) continue;
          const kind: ColumnDef['kind'] = cell.kind === 'list' ? 'text' : cell.kind === 'formula' ? 'text' : cell.kind;
          if (kind === 'date') range.numberFormat = [['yyyy-mm-dd']];
          range.values = [[cellValue({ header: cell.label, field: key, kind, width: 0 }, edit.ledger.round[key], 'office', system)]];
        }
        if (grid && read && edit.ledger.round.figures) {
          for (const w of planFigureWrites(read.block, edit.ledger.round.figures, Math.max(read.lastRow, INFO_CELLS.length + 1))) {
            const [label, value, unit] = w.values;
            const text = (v: string) => cellValue({ header: FIGURES_TITLE, field: null, kind: 'text', width: 0 }, v, 'office', system);
            grid.sheet.getRange(`A${w.row}:C${w.row}`).values = [[text(label), typeof value === 'number' ? value : text(value), text(unit)]];
          }
        }
        const changes = tables.items.find((t) => t.name === 'ZG_Changes');
        queueChangeLog({ changes: changes ? { table: changes, headers: changes.columns.items.map((c) => c.name) } : null }, edit.changes, system);
        await context.sync();
      }),

    addProblem: (problem, measures) =>
      act((ledger, c) => {
        const r = ops.addProblems(ledger, [{ problem, measures }], c);
        return isLedgerError(r) ? r : { edit: r.edit, value: { problemId: r.problemIds[0], measureIds: r.measureIds[0] } };
      }),

    addProblems: (items) =>
      act((ledger, c) => {
        const r = ops.addProblems(ledger, items, c);
        return isLedgerError(r) ? r : { edit: r.edit, value: { problemIds: r.problemIds } };
      }),

    addMeasures: (problemId, measures) =>
      act((ledger, c) => {
        const r = ops.addMeasures(ledger, problemId, measures, c);
        return isLedgerError(r) ? r : { edit: r.edit, value: { measureIds: r.measureIds } };
      }),

    updateProblem: (id, patch) => act((ledger, c) => plain(ops.updateProblem(ledger, id, patch, c))),
    updateMeasure: (id, patch) => act((ledger, c) => plain(ops.updateMeasure(ledger, id, patch, c))),
    appendProgress: (id, date, text) => act((ledger, c) => plain(ops.appendProgress(ledger, id, date, text, c))),
    setStatus: (id, status, doneDate) => act((ledger, c) => plain(ops.setStatus(ledger, id, status, c, doneDate))),
    closeStep: (ref, step) =>
      act((ledger, c) => {
        const r = ops.closeStep(ledger, ref, step, c);
        return isLedgerError(r) ? r : { edit: r.edit, value: r.state };
      }),
    deleteProblem: (id) => act((ledger, c) => plain(ops.deleteProblem(ledger, id, c))),
    deleteMeasure: (id) => act((ledger, c) => plain(ops.deleteMeasure(ledger, id, c))),
    // One Excel.run, two syncs: load the ledger, compute the edit, write it with its 变更记录 lines.
    applyCollected: (changes) =>
      act((ledger, c) => {
        const edit = applyCollected(ledger, changes, c);
        return { edit, value: { changed: edit.changes.length } };
      }),

    select: (ref: ItemRef) => selectRow(excel(), ref),
    onSelect: (listener) => onTableSelection(excel(), listener),
    writeReportSheet: (name, rows) => writeReportSheet(excel(), name, rows),
    // 统计, 汇总 and 发送副本 are loaded on first use: the layouts, the merge and the .xlsx code
    // stay out of the chunk every pane start needs.
    refreshDashboard: async () => (await import('./excelDashboard')).refreshDashboard(excel(), syncLoad),
    consolidate: async (units) => (await import('./excelSummary')).consolidate(excel(), units, options.now),
    summarySources: async () => (await import('./excelSummary')).summarySources(excel()),
    makeSendCopy: async () => (await import('./excelSendCopy')).makeSendCopy({ download: options.download }),
  };
}
