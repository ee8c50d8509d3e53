// Reading a ledger file for editing: the ledger itself (as 汇总 reads it, by table name and header),
// plus where everything lives — each table's body rows with the 编号 they hold, the cells behind the
// 巡察信息 names — so that a save can rewrite exactly those cells. A file that is not a ledger
// answers with a LedgerError naming the reason; nothing is thrown. Pure: bytes in, no DOM, no I/O.
import { readFigureBlock, type FigureBlock } from '../infoFigures';
import { toSerial1900, type DateSystem } from '../../ledger/dates';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import { rollUpAll } from '../../ledger/rollup';
import type { Ledger } from '../../ledger/types';
import { headerIndex, measureFromCells, problemFromCells, readText, roundFromCells } from '../cells';
import { CHANGES, INFO_CELLS, MEASURES, PROBLEMS, type TableDef } from '../schema';
import { openXlsx, openXlsxAsync } from '../xlsx/open';
import { definedNames, partText, relationshipsOf, worksheets, xmlPartsOnly, type XlsxParts } from '../xlsx/package';
import { cellFor, REQUIRED_FIELDS, rowList, workbookReader } from '../xlsx/readLedger';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, findTable, parseA1, tablePartOf, tablesOf, type SheetCells, type TablePart } from '../xlsx/sheetCells';
import { rawEntries } from './zipUpdate';

/** A table of the file: its part, and for each body row (top to bottom) the 编号 it holds. */
export type TableSlot = {
  table: TablePart;
  /** Path of the table part (xl/tables/tableN.xml). */
  path: string;
  def: TableDef;
  /** Body rows in sheet order: row number, 编号 ('' for none), and whether every data cell is empty. */
  rows: { r: number; id: string; empty: boolean }[];
};

/** Where a 巡察信息 name points: a sheet part and a cell. */
export type InfoSlot = { path: string; row: number; col: number };

export type LedgerFileModel = {
  ledger: Ledger;
  problems: TableSlot;
  measures: TableSlot;
  /** 变更记录 (optional: a user may delete it; changes are then not logged, as in Excel). */
  changes: TableSlot | null;
  info: Map<string, InfoSlot>;
  /** 通报数字 on 巡察信息 (the sheet of ZG_Org), or null when the file has no 巡察信息. */
  figures: { path: string; block: FigureBlock } | null;
  /** The workbook's date system: a Mac workbook may count from 1904; the core works in 1900 serials. */
  dateSystem: DateSystem;
  warnings: LedgerError[];
};

const tableTitle = (def: TableDef) => `“${def.sheet}（${def.table}）”`;

export function tablePath(parts: XlsxParts, table: TablePart): string {
  // tablesOf found it through the sheet's relationships; find the same part again by its name.
  for (const rel of relationshipsOf(parts, table.sheet.path)) {
    if (!rel.type.endsWith('/table')) continue;
    const xml = partText(parts, rel.target);
    if (xml && tablePartOf(xml)?.attrs.name === table.name) return rel.target;
  }
  throw new Error(`table part of ${table.name} not found`);
}

function slotOf(parts: XlsxParts, table: TablePart, def: TableDef, cells: SheetCells, system: DateSystem): { slot: TableSlot; body: unknown[][]; below: number[] } {
  const columnDefs = table.columns.map((h) => def.columns.find((c) => c.header === h.trim()));
  const idCol = table.columns.findIndex((h) => h.trim() === def.idHeader);
  const rows: TableSlot['rows'] = [];
  const body: unknown[][] = [];
  // A claimed range (A1:XFD1048576) is clamped to the rows that hold a cell: the work follows the
  // file's content. The rows cut off are empty; a save that rewrites the table drops them, as it
  // drops the empty rows it reads.
  // A blank row between them holds nothing to read (and a rewrite of the body drops it all the same):
  // walked over the rows that hold a cell, so one cell at row 1,048,570 costs one row, not a million.
  const last = Math.min(table.range.bottom - table.totalsRows, cells.lastRow);
  for (const r of cells.rowsBetween(table.range.top + table.headerRows, last)) {
    const values = table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), columnDefs[i], system));
    const empty = values.every((v, i) => columnDefs[i]?.kind === 'formula' || v === '' || v === null);
    rows.push({ r, id: idCol >= 0 ? readText(values[idCol]) : '', empty });
    body.push(values);
  }
  // Rows typed just below the table (WPS and LibreOffice do not grow tables), up to the first blank one.
  const below: number[] = [];
  for (let r = table.range.bottom + 1; table.totalsRows === 0 && r <= cells.lastRow; r++) {
    const filled = table.columns.some((_, i) => columnDefs[i]?.kind !== 'formula' && !isBlank(cellFor(cells.get(r, table.range.left + i), columnDefs[i], system)));
    if (!filled) break;
    below.push(r);
  }
  return { slot: { table, path: tablePath(parts, table), def, rows }, body, below };
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** The rows the page does not show, each with its row number (第N行) and why: never left out silently. */
function notTaken(fileName: string, slot: TableSlot, below: readonly number[]): LedgerError[] {
  const out: LedgerError[] = [];
  const noId = slot.rows.filter((row) => row.id === '' && !row.empty).map((row) => row.r);
  if (noId.length > 0) out.push(ledgerError('rowsWithoutIdShown', fileName, slot.def.sheet, rowList(noId), slot.def.idHeader));
  if (below.length > 0) out.push(ledgerError('rowsBelowTableShown', fileName, slot.def.sheet, rowList(below)));
  return out;
}

function infoSlots(parts: XlsxParts): Map<string, InfoSlot> {
  const sheetPaths = new Map(worksheets(parts).map((s) => [s.name, s.path]));
  const slots = new Map<string, InfoSlot>();
  const names = definedNames(parts).sort((a, b) => (a.localSheetId === null ? 0 : 1) - (b.localSheetId === null ? 0 : 1));
  for (const n of names) {
    const cell = INFO_CELLS.find((c) => c.name.toLowerCase() === n.name.toLowerCase());
    if (!cell || slots.has(cell.name)) continue;
    const m = /^=?(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(n.formula.trim());
    const path = m ? sheetPaths.get(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : undefined;
    const at = m ? parseA1(m[3]) : null;
    // A name pointing past Excel's last row or column (…!$B$2000000) names no cell a save may write.
    if (path && at && at.row <= EXCEL_MAX_ROWS && at.col <= EXCEL_MAX_COLS) slots.set(cell.name, { path, ...at });
  }
  return slots;
}

/** The model of an opened package, or why it is not a ledger this page can edit. */
export function readModel(parts: XlsxParts, fileName: string): LedgerFileModel | LedgerError {
  const tables = tablesOf(parts);
  const problemTable = findTable(tables, PROBLEMS.table);
  const measureTable = findTable(tables, MEASURES.table);
  if (!problemTable || !measureTable) {
    const missing = [problemTable ? '' : tableTitle(PROBLEMS), measureTable ? '' : tableTitle(MEASURES)].filter(Boolean);
    return ledgerError('notALedgerFile', fileName, missing.join('和'));
  }
  const { cellsOf, dateSystem } = workbookReader(parts);
  mark('zg:strings-read');
  const problemCells = cellsOf(problemTable.sheet.path);
  const measureCells = cellsOf(measureTable.sheet.path);
  mark('zg:sheets-read');
  const p = slotOf(parts, problemTable, PROBLEMS, problemCells, dateSystem);
  const m = slotOf(parts, measureTable, MEASURES, measureCells, dateSystem);
  mark('zg:rows-read');
  const warnings: LedgerError[] = [];
  for (const [table, def, required] of [
    [problemTable, PROBLEMS, REQUIRED_FIELDS.problems],
    [measureTable, MEASURES, REQUIRED_FIELDS.measures],
  ] as const) {
    const index = headerIndex(table.columns);
    const absent = def.columns.filter((c) => c.field !== null && !index.has(c.header));
    const missingRequired = absent.filter((c) => (required as readonly string[]).includes(c.field!));
    if (missingRequired.length > 0) return ledgerError('ledgerMissingColumns', fileName, tableTitle(def), missingRequired.map((c) => c.header).join('、'));
    if (absent.length > 0) warnings.push(ledgerError('ledgerOptionalColumns', fileName, tableTitle(def), absent.map((c) => c.header).join('、')));
  }
  warnings.push(...notTaken(fileName, p.slot, p.below), ...notTaken(fileName, m.slot, m.below));
  // The first row holding an 编号 is the item; a second row with the same 编号 is left as it is.
  const firstOf = (slot: TableSlot) => {
    const seen = new Set<string>();
    return slot.rows.map((row) => row.id !== '' && !seen.has(row.id) && (seen.add(row.id), true));
  };
  const pIndex = headerIndex(problemTable.columns);
  const mIndex = headerIndex(measureTable.columns);
  const pFirst = firstOf(p.slot);
  const mFirst = firstOf(m.slot);
  const problems = p.body.filter((_, i) => pFirst[i]).map((cells) => problemFromCells(PROBLEMS, cells, pIndex));
  const measures = m.body.filter((_, i) => mFirst[i]).map((cells) => measureFromCells(MEASURES, cells, mIndex));
  const info = infoSlots(parts);
  const values = new Map<string, unknown>();
  for (const [name, at] of info) {
    // A 巡察信息 date is a date of the workbook's system even without a date format (as 汇总 reads it).
    const raw = cellsOf(at.path).get(at.row, at.col);
    const date = INFO_CELLS.find((c) => c.name === name)?.kind === 'date';
    values.set(name, date && raw && typeof raw.value === 'number' && !raw.date ? toSerial1900(raw.value, dateSystem) : cellFor(raw, undefined, dateSystem));
  }
  const infoPath = info.get('ZG_Org')?.path;
  const figures = infoPath ? { path: infoPath, block: readFigureBlock((r, c) => cellFor(cellsOf(infoPath).get(r, c), undefined, dateSystem), cellsOf(infoPath).lastRow) } : null;
  const round = roundFromCells(values);
  if (figures && figures.block.header !== null) round.figures = figures.block.rows.map((r) => r.figure);
  const ledger: Ledger = rollUpAll({ round, problems, measures });
  mark('zg:ledger-built');
  const changesTable = findTable(tables, CHANGES.table);
  const changes = changesTable ? slotOf(parts, changesTable, CHANGES, cellsOf(changesTable.sheet.path), dateSystem).slot : null;
  return { ledger, problems: p.slot, measures: m.slot, changes, info, figures, dateSystem, warnings };
}

/** A User Timing mark where there is a clock to mark (the page bench reads them; Node's is cheap too). */
const mark = (name: string) => void globalThis.performance?.mark?.(name);

const startsWithZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Only the XML parts are inflated when a save can copy the rest from the zip as it is — and the
 * legacy VML drawings, whose notes a save moves with their comments (shiftComments.ts).
 */
const storeParts = (path: string) => xmlPartsOnly(path) || path.endsWith('.vml');

/** Opens the bytes of a ledger file: the package and its model, or why it cannot be edited here. */
export function openLedgerFile(bytes: Uint8Array, fileName: string): OpenedFile | LedgerError {
  return modelOf(bytes, fileName, openXlsx(bytes, fileName, rawEntries(bytes) ? { only: storeParts } : {}));
}

/** openLedgerFile with the parts inflated by the platform's zlib where it has one (the page). */
export async function openLedgerFileAsync(bytes: Uint8Array, fileName: string): Promise<OpenedFile | LedgerError> {
  return modelOf(bytes, fileName, await openXlsxAsync(bytes, fileName, rawEntries(bytes) ? { only: storeParts } : {}));
}

type OpenedFile = { parts: XlsxParts; model: LedgerFileModel };

function modelOf(bytes: Uint8Array, fileName: string, parts: XlsxParts | LedgerError): OpenedFile | LedgerError {
  mark('zg:unzipped');
  // A zip that cannot be read to its end (a download cut short, a copy broken on a USB stick) is a
  // damaged workbook, not "not a workbook".
  if (isLedgerError(parts)) return parts.code === 'notXlsx' && startsWithZip(bytes) ? ledgerError('damagedXlsx', fileName) : parts;
  try {
    const model = readModel(parts, fileName);
    return isLedgerError(model) ? model : { parts, model };
  } catch {
    // Malformed XML inside a zip that claims to be a workbook: damaged, not ours to fix.
    return ledgerError('damagedXlsx', fileName);
  }
}
