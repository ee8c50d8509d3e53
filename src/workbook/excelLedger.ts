// Reading the ledger tables out of a workbook and writing a LedgerEdit back, inside one Excel.run:
// queueLedgerLoad (before the first sync) → readLedger (after it) → writeEdit (the write batch) →
// restoreFilters (a lifted filter put back in a batch of its own).
// Rows are located by their 编号 in the loaded values, never by position, so rows the user sorted,
// filtered, inserted or deleted by hand are still written correctly.
import type { LedgerEdit } from '../ledger/ledger-ops';
import { ledgerError, type LedgerError } from '../ledger/errors';
import { LedgerStoreError, type ChangeEntry } from '../ledger/store';
import { EMPTY_ROUND, type Ledger, type MeasureRow, type ProblemRow } from '../ledger/types';
import { cellValue, cellsFromRow, changeRow, dateSystemOfProbe, DATE_PROBE, headerIndex, measureFromCells, problemFromCells, readText, rowsIn1900, type HeaderIndex } from './cells';
import type { DateSystem } from '../ledger/dates';
import { PayloadBatch } from './payload';
import { CHANGES, MEASURES, PROBLEMS, numberFormatOf, type TableDef } from './schema';

/** A table's proxies queued for loading in the first batch. */
export type LoadedTable = {
  def: TableDef;
  table: Excel.Table;
  header: Excel.Range;
  body: Excel.Range;
  filter: Excel.AutoFilter;
};

export type LedgerLoad = { problems: LoadedTable; measures: LoadedTable; tables: Excel.TableCollection; dateProbe: Excel.FunctionResult<number> };

/** A table after the sync: its headers, values and where each 编号 sits. */
export type TableState = {
  loaded: LoadedTable;
  headers: string[];
  index: HeaderIndex;
  /** The body's values, dates as 1900 serials whatever the workbook's date system. */
  values: readonly (readonly unknown[])[];
  /** 编号 → 0-based row of the data body. */
  rowOf: Map<string, number>;
};

export type LedgerState = {
  ledger: Ledger;
  problems: TableState;
  measures: TableState;
  changes: { table: Excel.Table; headers: string[] } | null;
  /** The workbook's date system: dates are read from it and written in it. */
  dateSystem: DateSystem;
};

function queueTable(context: Excel.RequestContext, def: TableDef): LoadedTable {
  const table = context.workbook.tables.getItem(def.table);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values');
  const filter = table.autoFilter.load('enabled,isDataFiltered,criteria');
  return { def, table, header, body, filter };
}

/** Queues everything an action needs to know; a missing ledger table fails the sync (ItemNotFound). */
export function queueLedgerLoad(context: Excel.RequestContext): LedgerLoad {
  const tables = context.workbook.tables.load('items/name,items/columns/items/name');
  const dateProbe = context.workbook.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day).load('value');
  return { problems: queueTable(context, PROBLEMS), measures: queueTable(context, MEASURES), tables, dateProbe };
}

function tableState(loaded: LoadedTable, system: DateSystem): TableState {
  const headers = (loaded.header.values[0] ?? []).map((h) => readText(h));
  const index = headerIndex(headers);
  const idCol = index.get(loaded.def.idHeader);
  if (idCol === undefined) throw new LedgerStoreError(ledgerError('missingColumn', loaded.def.idHeader));
  const values = rowsIn1900(loaded.def, index, loaded.body.values, system);
  const rowOf = new Map<string, number>();
  values.forEach((row, r) => {
    const id = readText(row[idCol]);
    // A blank 编号 is a row the user inserted by hand (or the empty row of a new table): not an item.
    // A repeated 编号 keeps its first row: the add-in never writes to a copy it cannot tell apart.
    if (id && !rowOf.has(id)) rowOf.set(id, r);
  });
  return { loaded, headers, index, values, rowOf };
}

/** Turns the synced load into a ledger (round left empty: actions other than load do not need it). */
export function readLedger(load: LedgerLoad): LedgerState {
  const dateSystem = dateSystemOfProbe(load.dateProbe.value);
  const problems = tableState(load.problems, dateSystem);
  const measures = tableState(load.measures, dateSystem);
  const ledger: Ledger = {
    round: { ...EMPTY_ROUND },
    problems: [...problems.rowOf.values()].map((r) => problemFromCells(PROBLEMS, problems.values[r], problems.index)),
    measures: [...measures.rowOf.values()].map((r) => measureFromCells(MEASURES, measures.values[r], measures.index)),
  };
  const changesItem = load.tables.items.find((t) => t.name === CHANGES.table);
  const changes = changesItem ? { table: changesItem, headers: changesItem.columns.items.map((c) => c.name) } : null;
  return { ledger, problems, measures, changes, dateSystem };
}

// ---- writing ---------------------------------------------------------------------------------

/** A table's filter as it stood before rows were added or deleted, to be put back afterwards. */
export type FilterRestore = { table: Excel.Table; tableName: string; criteria: (Excel.FilterCriteria | null)[] };

/**
 * Adding or deleting rows of a filtered table is unreliable in Office.js (rows are skipped or the
 * call fails), so the filter is lifted in the write batch. Its criteria are put back in a batch of
 * their own (restoreFilters): re-applying saved criteria can fail (office-js issues 1226, 3030), and
 * a failure there must not make a save that happened look failed, nor a retry write the rows twice.
 */
function liftFilter(state: TableState): FilterRestore | null {
  const { filter, table, def } = state.loaded;
  if (!filter.enabled || !filter.isDataFiltered) return null;
  const criteria = filter.criteria.map((c) => (c && c.filterOn ? stripNulls(c) : null));
  filter.clearCriteria();
  return { table, tableName: def.table, criteria };
}

function stripNulls(criteria: Excel.FilterCriteria): Excel.FilterCriteria {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(criteria)) if (v !== null && v !== undefined) out[k] = v;
  return out as unknown as Excel.FilterCriteria;
}

/** Writes the changed cells of one updated row: one cell at a time, so filters and sorting never matter. */
function writeChangedCells<T extends { id: string }>(state: TableState, before: T, after: T, system: DateSystem): void {
  const r = state.rowOf.get(after.id);
  if (r === undefined) throw new LedgerStoreError(ledgerError('notFound', after.id));
  for (const column of state.loaded.def.columns) {
    if (!column.field) continue;
    const field = column.field as keyof T & string;
    if (before[field] === after[field]) continue;
    const c = state.index.get(column.header);
    if (c === undefined) throw new LedgerStoreError(ledgerError('missingColumn', column.header));
    const cell = state.loaded.body.getCell(r, c);
    if (column.kind === 'date' || column.kind === 'datetime') cell.numberFormat = [[numberFormatOf(column)]];
    cell.values = [[cellValue(column, after[field], 'office', system)]];
  }
}

type RowDiff = { added: string[]; updated: string[]; deleted: string[] };

/**
 * Queues one table's part of an edit. New rows go through the batch's payload budget (payload.ts):
 * a batch import of thousands of rows is synced in chunks under Excel on the web's request limit.
 * Returns the filter to restore, if one was lifted.
 */
async function writeRows<T extends { id: string }>(batch: PayloadBatch, state: TableState, system: DateSystem, before: readonly T[], after: readonly T[], diff: RowDiff): Promise<FilterRestore | null> {
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const afterById = new Map(after.map((row) => [row.id, row]));
  for (const id of diff.updated) writeChangedCells(state, beforeById.get(id)!, afterById.get(id)!, system);
  if (diff.added.length === 0 && diff.deleted.length === 0) return null;
  const deleteRows = diff.deleted.map((id) => state.rowOf.get(id)).filter((r): r is number => r !== undefined).sort((a, b) => b - a);
  const cells = (id: string) => cellsFromRow(state.loaded.def, afterById.get(id)! as unknown as Record<string, unknown>, state.headers, 'office', system);
  const { inserts, appended } = placeAdded(state.rowOf, deleteRows, after, new Set(diff.added));
  const restore = liftFilter(state);
  const rows = state.loaded.table.rows;
  // Bottom-up, so each index still points at the row it meant when queued.
  for (const r of deleteRows) rows.getItemAt(r).delete();
  for (const [at, ids] of inserts) {
    let offset = 0;
    await batch.addRows(ids.map(cells), (chunk) => {
      rows.add(at + offset, chunk);
      offset += chunk.length;
    });
  }
  await batch.addRows(appended.map(cells), (chunk) => rows.add(undefined, chunk));
  return restore;
}

/**
 * Where new rows go: one that follows a row already in the table (in the edit's order — a measure
 * added to an existing problem) is inserted right after it, so ZG_Measures stays in problem order;
 * after the last item, and for new problems, rows are appended as before. Inserts are keyed by their
 * 0-based body index once the deletions are done, highest first, so each index holds when queued.
 */
export function placeAdded(rowOf: ReadonlyMap<string, number>, deleted: readonly number[], after: readonly { id: string }[], added: ReadonlySet<string>): { inserts: [number, string[]][]; appended: string[] } {
  const gone = new Set(deleted);
  // A loop, not Math.max(...rows): a spread of a large table's rows would overflow the stack.
  let lastItem = -1;
  for (const r of rowOf.values()) if (!gone.has(r) && r > lastItem) lastItem = r;
  const groups = new Map<number, string[]>();
  const appended: string[] = [];
  let at = -1; // the body index (before deletions) the previous row sits at, -1: append
  for (const { id } of after) {
    const r = rowOf.get(id);
    if (!added.has(id)) {
      if (r !== undefined) at = r === lastItem ? -1 : r;
      continue;
    }
    if (at < 0) appended.push(id);
    else groups.set(at, [...(groups.get(at) ?? []), id]);
  }
  const inserts = [...groups]
    .map(([r, ids]): [number, string[]] => [r + 1 - deleted.filter((d) => d <= r).length, ids])
    .sort((a, b) => b[0] - a[0]);
  return { inserts, appended };
}

/**
 * Writes an edit: changed cells, new rows, deleted rows and the 变更记录 lines, then syncs. Returns
 * the filters it lifted, for restoreFilters to put back in a batch of their own.
 */
export async function writeEdit(context: Excel.RequestContext, state: LedgerState, edit: LedgerEdit, before: Ledger): Promise<FilterRestore[]> {
  const batch = new PayloadBatch(context);
  const restores = [
    await writeRows<ProblemRow>(batch, state.problems, state.dateSystem, before.problems, edit.ledger.problems, edit.diff.problems),
    await writeRows<MeasureRow>(batch, state.measures, state.dateSystem, before.measures, edit.ledger.measures, edit.diff.measures),
  ].filter((r): r is FilterRestore => r !== null);
  if (state.changes && edit.changes.length > 0) {
    const { table, headers } = state.changes;
    await batch.addRows(edit.changes.map((c) => cellsFromRow(CHANGES, changeRow(c), headers, 'office', state.dateSystem)), (chunk) => table.rows.add(undefined, chunk));
  }
  await context.sync();
  return restores;
}

/**
 * Puts lifted filters back, after the rows are written. A filter Excel refuses to re-apply is
 * answered with the names of its tables (the save itself stands); null when all are back.
 */
export async function restoreFilters(context: Excel.RequestContext, restores: readonly FilterRestore[]): Promise<LedgerError | null> {
  if (restores.length === 0) return null;
  try {
    for (const { table, criteria } of restores) {
      criteria.forEach((c, column) => {
        if (c) table.autoFilter.apply(table.getRange(), column, c);
      });
    }
    await context.sync();
    return null;
  } catch {
    return ledgerError('filterNotRestored', restores.map((r) => r.tableName).join('、'));
  }
}

export function queueChangeLog(state: Pick<LedgerState, 'changes'>, changes: readonly ChangeEntry[], system: DateSystem = '1900'): void {
  if (!state.changes || changes.length === 0) return; // the user removed 变更记录: nothing to append to
  const headers = state.changes.headers;
  state.changes.table.rows.add(undefined, changes.map((c) => cellsFromRow(CHANGES, changeRow(c), headers, 'office', system)));
}
