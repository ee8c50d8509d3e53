// A ledger a unit sent back, read from its .xlsx bytes (汇总). The file may have passed through
// Excel, WPS or LibreOffice, so nothing is taken by position: the tables are found by name
// (ZG_Problems, ZG_Measures) through the sheets' table parts, columns by header through the schema
// (users move columns and add their own), and 巡察信息 through the ZG_* workbook names. Bad files
// are answered with a LedgerError, never thrown. Pure: bytes in, no DOM, no Node I/O.
import { serialToIso, toSerial1900, type DateSystem } from '../../ledger/dates';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import { rollUpAll } from '../../ledger/rollup';
import type { UnitLedger } from '../../ledger/store';
import type { Ledger, MeasureRow, ProblemRow } from '../../ledger/types';
import type { ChangeEntry } from '../../ledger/store';
import { headerIndex, measureFromCells, problemFromCells, readText, roundFromCells, type HeaderIndex } from '../cells';
import { CHANGES, INFO_CELLS, MEASURES, PROBLEMS, type ColumnDef, type TableDef } from '../schema';
import { openXlsx } from './open';
import { dateSystemOf, definedNames, partText, worksheets, xmlPartsOnly, type XlsxParts } from './package';
import {
  dateStyles, findTable, isCellError, parseA1, readSheetCells, sharedStrings, tablesOf, type SheetCells, type TablePart, type XlsxCell,
} from './sheetCells';

/** A ledger read from a file, with what the reader had to assume (shown to the user, never fatal). */
export type LedgerFile = UnitLedger & { warnings: LedgerError[] };

/**
 * The columns without which a file is refused: the 编号 that identify rows and link measures to
 * problems, and what the 汇总 figures count. Any other schema column may be missing (read as blank).
 */
export const REQUIRED_FIELDS: { problems: readonly (keyof ProblemRow)[]; measures: readonly (keyof MeasureRow)[] } = {
  problems: ['id', 'description'],
  measures: ['id', 'problemId', 'text', 'status', 'deadline'],
};

const baseName = (fileName: string) => fileName.split(/[\\/]/).pop() ?? fileName;

/** Reads a ledger file; a LedgerError when it is not an .xlsx, not a ledger, or lacks required columns. */
export function readLedgerFile(bytes: Uint8Array, fileName: string): LedgerFile | LedgerError {
  const parts = openXlsx(bytes, fileName, { only: xmlPartsOnly });
  if (isLedgerError(parts)) return parts;
  try {
    return readParts(parts, fileName);
  } catch {
    // Malformed XML inside a zip that claims to be a workbook: the file is damaged, not ours to fix.
    return ledgerError('damagedXlsx', fileName);
  }
}

const tableTitle = (def: TableDef) => `“${def.sheet}（${def.table}）”`;

/** The workbook's parts, read once each. */
export function workbookReader(parts: XlsxParts) {
  const strings = sharedStrings(parts);
  const dates = dateStyles(parts);
  const sheets = new Map<string, SheetCells>();
  const cellsOf = (path: string): SheetCells => {
    let cells = sheets.get(path);
    if (!cells) {
      const xml = partText(parts, path);
      cells = xml ? readSheetCells(xml, strings, dates) : { get: () => undefined, lastRow: 0, rowsBetween: () => [] };
      sheets.set(path, cells);
    }
    return cells;
  };
  return { cellsOf, dateSystem: dateSystemOf(parts) };
}

/**
 * A cell as the row readers expect it: errors blank, date-formatted numbers ISO text outside date
 * columns, and dates (date-formatted, or numbers in a date column) as 1900 serials whatever the
 * workbook's date system.
 */
export function cellFor(cell: XlsxCell | undefined, column: ColumnDef | undefined, system: DateSystem = '1900'): unknown {
  if (!cell || cell.value === null || isCellError(cell.value)) return '';
  const dateColumn = column?.kind === 'date' || column?.kind === 'datetime';
  if (typeof cell.value !== 'number' || !(cell.date || dateColumn)) return cell.value;
  const serial = toSerial1900(cell.value, system);
  return !dateColumn && serial >= 61 ? serialToIso(serial) : serial;
}

type TableRead<F extends string> = {
  rows: unknown[][];
  /** The sheet row of each entry of `rows` (第N行 in messages). */
  rowNumbers: number[];
  /** Whether each row holds anything in a data column (a blank row is the empty template row). */
  filled: boolean[];
  /** Rows read from below the table's range: typed under it in WPS or LibreOffice, which do not grow tables. */
  below: number[];
  index: HeaderIndex;
  missingOptional: string[];
  missingRequired: string[];
  def: TableDef<F>;
};

function readTable<F extends string>(table: TablePart, def: TableDef<F>, required: readonly F[], cells: SheetCells, system: DateSystem): TableRead<F> {
  const index = headerIndex(table.columns);
  const fieldColumns = def.columns.filter((c) => c.field !== null);
  const absent = fieldColumns.filter((c) => !index.has(c.header));
  const missingRequired = absent.filter((c) => required.includes(c.field as F)).map((c) => c.header);
  const missingOptional = absent.filter((c) => !required.includes(c.field as F)).map((c) => c.header);
  const byHeader = new Map(def.columns.map((c) => [c.header, c]));
  const columnDefs = table.columns.map((h) => byHeader.get(h.trim()));
  const rowAt = (r: number) => table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), columnDefs[i], system));
  // Only the data columns tell whether a row holds anything: formula columns carry values on every row.
  const hasData = (row: unknown[]) => row.some((v, i) => columnDefs[i]?.field && v !== '' && v !== null);
  const rows: unknown[][] = [];
  const rowNumbers: number[] = [];
  const below: number[] = [];
  const first = table.range.top + table.headerRows;
  // A claimed range (A1:XFD1048576) is walked over the rows that hold a cell: the work follows the
  // file's content, also when one cell sits at row 1,048,570. A row without cells is blank: no item.
  const last = Math.min(table.range.bottom - table.totalsRows, cells.lastRow);
  const filled: boolean[] = [];
  for (const r of cells.rowsBetween(first, last)) {
    const row = rowAt(r);
    rows.push(row);
    rowNumbers.push(r);
    filled.push(hasData(row));
  }
  if (table.totalsRows === 0) {
    // Rows typed just below the table, up to the first blank one.
    for (let r = Math.max(table.range.bottom, first - 1) + 1; r <= cells.lastRow; r++) {
      const row = rowAt(r);
      if (!hasData(row)) break;
      rows.push(row);
      rowNumbers.push(r);
      filled.push(true);
      below.push(r);
    }
  }
  return { rows, rowNumbers, filled, below, index, missingOptional, missingRequired, def };
}

/** “第3、7、9行” — at most ten numbers, then how many more. */
export function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join('、');
  return rows.length > 10 ? `第${shown}行等${rows.length}行` : `第${shown}行`;
}

/** Items of a table read, with the rows that hold data but no 编号 reported, never dropped silently. */
function itemsOf<T extends { id: string }>(
  t: TableRead<string>, make: (cells: unknown[]) => T, fileName: string, warnings: LedgerError[],
): { rows: { row: number; item: T }[]; noId: { row: number; item: T }[] } {
  const rows: { row: number; item: T }[] = [];
  const noId: { row: number; item: T }[] = [];
  const idHeader = t.def.columns.find((c) => c.field === 'id')?.header ?? '编号';
  t.rows.forEach((cells, i) => {
    const item = make(cells);
    if (item.id !== '') rows.push({ row: t.rowNumbers[i], item });
    // A blank 编号 with nothing else is the empty template row: not an item, and nothing lost.
    else if (t.filled[i]) noId.push({ row: t.rowNumbers[i], item });
  });
  if (t.below.length > 0) warnings.push(ledgerError('rowsBelowTable', fileName, t.def.sheet, rowList(t.below)));
  if (noId.length > 0) warnings.push(ledgerError('rowsWithoutId', fileName, t.def.sheet, rowList(noId.map((n) => n.row)), idHeader));
  return { rows, noId };
}

/** 巡察信息 through the ZG_* names (workbook-wide names first; a sheet-local copy only as a fallback). */
function roundValues(parts: XlsxParts, cellsOf: (path: string) => SheetCells, system: DateSystem): Map<string, unknown> {
  const sheetPaths = new Map(worksheets(parts).map((s) => [s.name, s.path]));
  const values = new Map<string, unknown>();
  const names = definedNames(parts).sort((a, b) => (a.localSheetId === null ? 0 : 1) - (b.localSheetId === null ? 0 : 1));
  for (const n of names) {
    const cell = INFO_CELLS.find((c) => c.name.toLowerCase() === n.name.toLowerCase());
    if (!cell || values.has(cell.name)) continue;
    const m = /^=?(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(n.formula.trim());
    if (!m) continue;
    const path = sheetPaths.get(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    const at = parseA1(m[3]);
    if (!path || !at) continue;
    // A 巡察信息 date is read as a date cell of the workbook's system (ISO when date-formatted).
    const raw = cellsOf(path).get(at.row, at.col);
    values.set(cell.name, cell.kind === 'date' && raw && typeof raw.value === 'number' && !raw.date ? toSerial1900(raw.value, system) : cellFor(raw, undefined, system));
  }
  return values;
}

/** The ledger in a package, and each measure's sheet row (第N行) for messages about it. */
export type LedgerTables = {
  ledger: Ledger;
  warnings: LedgerError[];
  measureRows: { row: number; measure: MeasureRow }[];
  /** Measure rows with text but no 措施编号 (typed in by someone): not items, but not to be lost silently. */
  unnumbered: { row: number; text: string }[];
};

function readParts(parts: XlsxParts, fileName: string): LedgerFile | LedgerError {
  const read = readLedgerTables(parts, fileName);
  if (isLedgerError(read)) return read;
  const { ledger, warnings } = read;
  // The unit is what 汇总 replaces by, so it must come from the ledger itself: a file name would
  // merge different units that mailed the same template name (整改台账.xlsx) into one, silently.
  const unit = ledger.round.org.trim();
  if (!unit) return ledgerError('unitMissing', baseName(fileName));
  return { unit, fileName, ledger, warnings };
}

/** The tables and 巡察信息 of a ledger package (any 被巡察单位, blank included). */
export function readLedgerTables(parts: XlsxParts, fileName: string): LedgerTables | LedgerError {
  const tables = tablesOf(parts);
  const problemTable = findTable(tables, PROBLEMS.table);
  const measureTable = findTable(tables, MEASURES.table);
  if (!problemTable || !measureTable) {
    const missing = [problemTable ? '' : tableTitle(PROBLEMS), measureTable ? '' : tableTitle(MEASURES)].filter(Boolean);
    return ledgerError('notALedgerFile', fileName, missing.join('和'));
  }
  const { cellsOf, dateSystem } = workbookReader(parts);
  const problems = readTable(problemTable, PROBLEMS, REQUIRED_FIELDS.problems, cellsOf(problemTable.sheet.path), dateSystem);
  const measures = readTable(measureTable, MEASURES, REQUIRED_FIELDS.measures, cellsOf(measureTable.sheet.path), dateSystem);
  for (const t of [problems, measures] as TableRead<string>[]) {
    if (t.missingRequired.length > 0) return ledgerError('ledgerMissingColumns', fileName, tableTitle(t.def), t.missingRequired.join('、'));
  }
  const warnings: LedgerError[] = [];
  for (const t of [problems, measures] as TableRead<string>[]) {
    if (t.missingOptional.length > 0) warnings.push(ledgerError('ledgerOptionalColumns', fileName, tableTitle(t.def), t.missingOptional.join('、')));
  }
  const problemRows = itemsOf(problems as TableRead<string>, (cells) => problemFromCells(PROBLEMS, cells, problems.index), fileName, warnings).rows.map((r) => r.item);
  const measureRead = itemsOf(measures as TableRead<string>, (cells) => measureFromCells(MEASURES, cells, measures.index), fileName, warnings);
  const numbered = measureRead.rows.map(({ row, item }) => ({ row, measure: item }));
  const unnumbered = measureRead.noId.filter((n) => n.item.text !== '').map(({ row, item }) => ({ row, text: item.text }));
  const measureRows = numbered.map((n) => n.measure);
  const round = roundFromCells(roundValues(parts, cellsOf, dateSystem));
  const ledger: Ledger = rollUpAll({ round, problems: problemRows, measures: measureRows });

  const problemIds = new Set(problemRows.map((p) => p.id));
  const orphans = measureRows.filter((m) => !problemIds.has(m.problemId));
  if (orphans.length > 0) warnings.push(ledgerError('orphanMeasures', fileName, orphans.length, orphans[0].id));
  return { ledger, warnings, measureRows: numbered, unnumbered };
}

/** The 变更记录 lines of a ledger package, oldest first ([] without the table). */
export function readChangeLog(parts: XlsxParts): ChangeEntry[] {
  const table = findTable(tablesOf(parts), CHANGES.table);
  if (!table) return [];
  const reader = workbookReader(parts);
  const read = readTable(table, CHANGES, [], reader.cellsOf(table.sheet.path), reader.dateSystem);
  const at = (cells: unknown[], header: string) => {
    const i = read.index.get(header);
    return i === undefined ? '' : cells[i];
  };
  const h = Object.fromEntries(CHANGES.columns.map((c) => [c.field, c.header])) as Record<string, string>;
  return read.rows
    .map((cells) => {
      const t = at(cells, h.time);
      const time = typeof t === 'number' ? dateTimeText(t) : readText(t);
      return { time, id: readText(at(cells, h.id)), field: readText(at(cells, h.field)), before: readText(at(cells, h.before)), after: readText(at(cells, h.after)) };
    })
    .filter((e) => e.time || e.id || e.field);
}

/** An Excel date-time serial as `YYYY-MM-DD HH:MM:SS`. */
function dateTimeText(serial: number): string {
  const day = Math.floor(serial);
  const seconds = Math.round((serial - day) * 86400);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${serialToIso(day)} ${p(Math.floor(seconds / 3600))}:${p(Math.floor((seconds % 3600) / 60))}:${p(seconds % 60)}`;
}
