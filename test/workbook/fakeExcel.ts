// An in-memory stand-in for the part of the Excel object model the adapter uses. office-addin-mock
// (used for the `Excel` namespace object itself, see createExcelMock) mocks a fixed tree of
// properties; it cannot model tables, ranges by address, rows moving under a sort or a filter, or
// typed input. So this file builds those shapes, keeping the Office.js rules that matter:
//  - a loaded property can be read only after load() AND context.sync(), with the value as of the sync;
//  - a missing item requested with getItem() fails the next sync with code ItemNotFound;
//  - Range.values parses strings like typed input: '=', '+', '-', '@' start a formula, numeric text
//    becomes a number, and a leading apostrophe keeps the rest as text (Excel's prefix character);
//  - adding or deleting rows of a filtered table fails (as it does unreliably in Excel), so the
//    adapter must lift the filter first; re-applying a filter can be made to fail (failFilterApply);
//  - a sync whose added rows exceed payloadLimit bytes fails with RequestPayloadSizeLimitExceeded.
import { OfficeMockObject } from 'office-addin-mock';

export type Cell = { v: unknown; f?: string; nf?: string; list?: string; dateRule?: string; validationMessage?: string; wrap?: boolean; bold?: boolean; font?: string; size?: number; valign?: string; fill?: string; color?: string };

/** A chart on a sheet: what chart.add / series / setPosition were given (addresses on the sheet). */
export type FakeChart = {
  name: string;
  type: string;
  title: string;
  series: { name: string; values: string; xValues?: string }[];
  from?: string;
  to?: string;
  /** chart.axes.valueAxis.majorUnit, when set. */
  majorUnit?: number;
};

export class FakeSheet {
  cells = new Map<string, Cell>();
  frozenRows = 0;
  widths = new Map<number, number>();
  /** Row heights in points, by 0-based row (format.rowHeight). */
  heights = new Map<number, number>();
  handlers = new Set<(args: { address: string; worksheetId: string }) => Promise<void>>();
  conditionalFormats: { range: string; rule: unknown; fill?: string; font?: string }[] = [];
  charts: FakeChart[] = [];
  /** Merged ranges (Range.merge), as A1 addresses. */
  merges: string[] = [];
  /** What worksheet.pageLayout was given. */
  page: { orientation?: string; paperSize?: string; zoom?: unknown; printGridlines?: boolean; titleRows?: string } = {};
  constructor(public name: string) {}
  cell(r: number, c: number): Cell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { v: '' }));
    return cell;
  }
  peek(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  /** Office.js typed-input semantics for Range.values. */
  input(r: number, c: number, value: unknown): void {
    const cell = this.cell(r, c);
    delete cell.f;
    if (typeof value === 'string' && value.startsWith("'")) cell.v = value.slice(1);
    else if (typeof value === 'string' && /^[=+\-@]/.test(value) && value.length > 1) {
      cell.f = value;
      cell.v = null; // not evaluated here
    } else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) cell.v = Number(value);
    else cell.v = value;
  }
}

export type FakeTable = { name: string; sheet: FakeSheet; top: number; left: number; cols: number; rows: number; criteria: (object | null)[]; style?: string };

/** 0-based (row, col) ↔ A1. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
export function a1(r: number, c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${r + 1}`;
}

type Box = { sheet: FakeSheet; r: number; c: number; rows: number; cols: number };

function parseAddress(sheet: FakeSheet, address: string): Box {
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (whole) return { sheet, r: 0, c: colIndex(whole[1]), rows: 1_048_576, cols: colIndex(whole[2]) - colIndex(whole[1]) + 1 };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address.replace(/\$/g, ''));
  if (!m) throw new Error(`fake Excel: unsupported address ${address}`);
  const r = Number(m[2]) - 1;
  const c = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r;
  const c2 = m[3] ? colIndex(m[3]) : c;
  return { sheet, r, c, rows: r2 - r + 1, cols: c2 - c + 1 };
}

const tableIds = new WeakMap<FakeTable, string>();
let lastTableId = 0;

/** A table's id: fixed for its life and kept through renames, like Excel's. */
export function fakeTableId(t: FakeTable): string {
  let id = tableIds.get(t);
  if (!id) tableIds.set(t, (id = `{TABLE-${++lastTableId}}`));
  return id;
}

export type TableEventKind = 'added' | 'changed' | 'deleted';
export type TableEventArgs = { tableId: string; type: string; source: 'Local' };
export type TableEventHandler = (args: TableEventArgs) => Promise<unknown>;

export type CalculatedEventArgs = { type: 'WorksheetCalculated'; worksheetId: string; address: string };
export type CalculatedEventHandler = (args: CalculatedEventArgs) => Promise<unknown>;

export class FakeModel {
  sheets: FakeSheet[] = [new FakeSheet('Sheet1')];
  tables: FakeTable[] = [];
  names = new Map<string, { sheet: FakeSheet; r: number; c: number }>();
  syncs = 0;
  selected: { sheet: string; address: string } | null = null;
  active: string | null = null;
  /** Handlers on workbook.tables.onAdded / onChanged / onDeleted. */
  tableHandlers: Record<TableEventKind, Set<TableEventHandler>> = { added: new Set(), changed: new Set(), deleted: new Set() };
  /** Handlers on workbook.worksheets.onCalculated. */
  calculatedHandlers = new Set<CalculatedEventHandler>();
  /** application.calculate calls, in the order their batches synced. */
  calculations: string[] = [];
  /**
   * Bytes of row values sent since the last sync, and the most one request may carry (Excel on the
   * web: 5 MB). A sync over the limit fails with RequestPayloadSizeLimitExceeded.
   */
  payload = 0;
  payloadLimit = Infinity;
  /** Rows per table.rows.add call, in order. */
  rowAdds: number[] = [];
  /** The workbook counts dates from 1904 (a Mac-origin workbook): DATE() answers 1,462 less. */
  date1904 = false;
  /** autoFilter.apply fails the sync, as re-applying saved criteria does (office-js 1226, 3030). */
  failFilterApply = false;

  /**
   * Raises a workbook.tables event as Excel does after an edit or a batch (the fake never raises
   * one by itself), and waits for the handlers.
   */
  async raiseTableEvent(kind: TableEventKind, tableId: string): Promise<void> {
    const type = { added: 'TableAdded', changed: 'TableChanged', deleted: 'TableDeleted' }[kind];
    await Promise.all([...this.tableHandlers[kind]].map((handler) => handler({ tableId, type, source: 'Local' })));
  }

  /**
   * Raises workbook.worksheets.onCalculated as Excel does after a recalculation (the fake never
   * raises it by itself, not even after application.calculate), and waits for the handlers.
   */
  async raiseCalculated(): Promise<void> {
    const sheet = this.sheets[0];
    await Promise.all([...this.calculatedHandlers].map((handler) => handler({ type: 'WorksheetCalculated', worksheetId: sheet.name, address: 'A1' })));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  table(name: string): FakeTable {
    const t = this.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }
  headers(t: FakeTable): string[] {
    return Array.from({ length: t.cols }, (_, i) => String(t.sheet.peek(t.top, t.left + i)?.v ?? ''));
  }
  /** Body rows as cell objects (the empty insert row of a new table is not a row). */
  body(t: FakeTable): Cell[][] {
    return Array.from({ length: t.rows }, (_, r) => Array.from({ length: t.cols }, (_, c) => t.sheet.cell(t.top + 1 + r, t.left + c)));
  }
  /** The row whose `header` column holds `id`, as header → cell. */
  rowById(tableName: string, header: string, id: string): Record<string, Cell> | undefined {
    const t = this.table(tableName);
    const hs = this.headers(t);
    const row = this.body(t).find((cells) => cells[hs.indexOf(header)]?.v === id);
    return row && Object.fromEntries(hs.map((h, i) => [h, row[i]]));
  }
  /** Reorders body rows by hand (a sort): row i gets old row order[i]. */
  reorderRows(tableName: string, order: number[]): void {
    const t = this.table(tableName);
    const old = this.body(t).map((row) => row.map((cell) => ({ ...cell })));
    order.forEach((from, to) => old[from].forEach((cell, c) => t.sheet.cells.set(`${t.top + 1 + to},${t.left + c}`, cell)));
  }
  /** Moves a column to another position by hand (cut and insert). */
  moveColumn(tableName: string, header: string, to: number): void {
    const t = this.table(tableName);
    const cols = Array.from({ length: t.cols }, (_, c) => Array.from({ length: t.rows + 1 }, (_, r) => ({ ...t.sheet.cell(t.top + r, t.left + c) })));
    const from = this.headers(t).indexOf(header);
    const [moved] = cols.splice(from, 1);
    cols.splice(to, 0, moved);
    cols.forEach((col, c) => col.forEach((cell, r) => t.sheet.cells.set(`${t.top + r},${t.left + c}`, cell)));
  }
  /** Deletes a column by hand (its values are gone, the rest shift left). */
  deleteColumn(tableName: string, header: string): void {
    const t = this.table(tableName);
    const from = this.headers(t).indexOf(header);
    for (let r = 0; r <= t.rows; r++) {
      for (let c = from; c < t.cols - 1; c++) t.sheet.cells.set(`${t.top + r},${t.left + c}`, { ...t.sheet.cell(t.top + r, t.left + c + 1) });
      t.sheet.cells.delete(`${t.top + r},${t.left + t.cols - 1}`);
    }
    t.cols -= 1;
  }
  filter(tableName: string, column: number, criteria: object): void {
    const t = this.table(tableName);
    t.criteria[column] = criteria;
  }
  isFiltered(t: FakeTable): boolean {
    return t.criteria.some((c) => c !== null && c !== undefined);
  }
  /** Adds rows at the end, or (as TableRowCollection.add with an index) at 0-based body row `index`. */
  insertRows(t: FakeTable, values: unknown[][], index?: number): void {
    if (this.isFiltered(t)) throw Object.assign(new Error('This operation is not permitted on a filtered table'), { code: 'InvalidOperation' });
    const at = index ?? t.rows;
    if (!Number.isInteger(at) || at < 0 || at > t.rows) throw Object.assign(new Error(`row index ${at} out of the table`), { code: 'InvalidArgument' });
    // The table's rows from there on move down (table columns only, as Excel shifts a table's cells).
    for (let r = t.rows - 1; r >= at; r--) {
      for (let c = 0; c < t.cols; c++) t.sheet.cells.set(`${t.top + 1 + r + values.length},${t.left + c}`, { ...t.sheet.cell(t.top + 1 + r, t.left + c) });
    }
    // The row above (the last body row, or the empty insert row of a new table, when appending)
    // lends its format and validation, as a table's new rows inherit them in Excel.
    const templateRow = at === t.rows ? t.top + Math.max(t.rows, 1) : t.top + Math.max(at, 1);
    this.payload += Buffer.byteLength(JSON.stringify(values));
    this.rowAdds.push(values.length);
    values.forEach((row, i) => {
      if (row.length !== t.cols) throw Object.assign(new Error('row size does not match the table'), { code: 'InvalidArgument' });
      const r = t.top + 1 + at + i;
      if (at < t.rows) for (let c = 0; c < t.cols; c++) t.sheet.cells.set(`${r},${t.left + c}`, { v: '' });
      row.forEach((v, c) => {
        const template = t.sheet.peek(templateRow, t.left + c);
        const cell = t.sheet.cell(r, t.left + c);
        if (template && r !== templateRow) Object.assign(cell, { nf: template.nf, list: template.list, wrap: template.wrap });
        t.sheet.input(r, t.left + c, v);
      });
    });
    t.rows += values.length;
  }
  deleteRow(t: FakeTable, index: number): void {
    if (this.isFiltered(t)) throw Object.assign(new Error('This operation is not permitted on a filtered table'), { code: 'InvalidOperation' });
    for (let r = index; r < t.rows - 1; r++) {
      for (let c = 0; c < t.cols; c++) t.sheet.cells.set(`${t.top + 1 + r},${t.left + c}`, { ...t.sheet.cell(t.top + 2 + r, t.left + c) });
    }
    for (let c = 0; c < t.cols; c++) t.sheet.cells.set(`${t.top + t.rows},${t.left + c}`, { v: '' });
    t.rows -= 1;
  }
}

export { parseAddress };
export type { Box };

/**
 * The `Excel` namespace: an office-addin-mock object whose run() hands the batch a fresh fake
 * context (and reuses one when given, as Excel.run(context, batch) does).
 */
export function createExcelMock(makeContext: () => { sync(): Promise<void> }) {
  return new OfficeMockObject(
    {
    run: async function (a: unknown, b?: unknown) {
      const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
      const context = typeof a === 'function' ? makeContext() : a;
      return batch(context);
    },
    },
    'excel' as never,
  ) as unknown as { run: <T>(...args: unknown[]) => Promise<T> };
}
