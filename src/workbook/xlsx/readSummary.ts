// A summary workbook (汇总.xlsx) read back, so that `ledger consolidate … -o 汇总.xlsx` merges new
// files into the rows already there (a unit sent again replaces its rows) instead of starting over.
// Rows by header, as the pane reads the ZG_Summary table (summaryFromCells). Pure.
//
// The command line rewrites the whole file, so columns the 巡察办 added to the table (a 核查意见)
// are read too, keyed by row identity (extraColumnsOf), for writeSummaryXlsx to put back on the
// merged rows — as the pane's adapter (excelSummary) does in place.
import { extraColumnsOf, NO_EXTRA_COLUMNS, summaryUnits, type ExtraColumns, type SummaryRow } from '../../ledger/consolidate';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import type { IsoDate } from '../../ledger/types';
import { headerIndex, readDate } from '../cells';
import { toSerial1900 } from '../../ledger/dates';
import { summaryFromCells } from '../summaryCells';
import { DATE_FORMAT, SUMMARY } from '../schema';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_SHEET, summaryDashboardLayout } from '../summaryDashboard';
import { worksheets, xmlPartsOnly, type XlsxParts } from './package';
import { openXlsx } from './open';
import { cellFor, workbookReader } from './readLedger';
import { findTable, isCellError, parseA1, tablesOf, type SheetCells, type XlsxCell } from './sheetCells';

/** A value of a column the 巡察办 added, as stored ('' when empty or an error; a date is its serial). */
export type ExtraCell = string | number | boolean;

/**
 * The 巡察办's own columns: headers, values by row identity, and per header the number format to
 * write back (DATE_FORMAT for a column holding dates, else null: other formats are not kept).
 */
export type SummaryExtra = ExtraColumns<ExtraCell> & { formats: readonly (string | null)[] };

export const NO_SUMMARY_EXTRA: SummaryExtra = { ...NO_EXTRA_COLUMNS, formats: [] };

export type SummaryFile = {
  rows: SummaryRow[];
  sheets: string[];
  summarySheet: string;
  /** The 统计截止日期 typed on 汇总统计 (SUMMARY_AS_OF_INPUT), kept when the file is rewritten. */
  asOf: IsoDate | null;
  /** Columns of the table that are not in the schema, to carry into the rewritten file. */
  extra: SummaryExtra;
  /**
   * What the 巡察办 added that a rewrite cannot carry (`“汇总”表第5行E列（核查意见）：公式`): formulas
   * in their own columns (a row's formula would land on another row), and cells typed outside the
   * table on 汇总 or outside the layout on 汇总统计. The command line refuses to overwrite such a file.
   */
  userWork: string[];
};

const letters = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Cells outside `inside` on a sheet: notes the user typed there. */
function cellsOutside(cells: SheetCells, sheet: string, inside: (row: number, col: number) => boolean): string[] {
  const found: string[] = [];
  cells.each?.((row, col, cell) => {
    if (!inside(row, col)) found.push(`“${sheet}”表${letters(col)}${row}（第${row}行）${cell.formula ? '：公式' : ''}`);
  });
  return found;
}

/** The cells the 汇总统计 layout of these units writes: anything else on the sheet was typed by a user. */
function dashboardWork(parts: XlsxParts, reader: ReturnType<typeof workbookReader>, rows: readonly SummaryRow[]): string[] {
  const sheet = worksheets(parts).find((s) => s.name === SUMMARY_DASHBOARD_SHEET);
  if (!sheet) return [];
  const ours = new Set(summaryDashboardLayout(summaryUnits(rows)).cells.map((c) => c.address.replace(/\$/g, '')));
  return cellsOutside(reader.cellsOf(sheet.path), sheet.name, (row, col) => ours.has(`${letters(col)}${row}`));
}

/** The date the user typed on the 汇总统计 sheet, if the file has that sheet and the cell holds a date. */
function typedAsOf(parts: XlsxParts, reader: ReturnType<typeof workbookReader>): IsoDate | null {
  const sheet = worksheets(parts).find((s) => s.name === SUMMARY_DASHBOARD_SHEET);
  const at = parseA1(SUMMARY_AS_OF_INPUT);
  if (!sheet || !at) return null;
  const value = reader.cellsOf(sheet.path).get(at.row, at.col)?.value ?? null;
  return readDate(typeof value === 'number' ? toSerial1900(value, reader.dateSystem) : value);
}

function extraCell(cell: XlsxCell | undefined): ExtraCell {
  return !cell || cell.value === null || isCellError(cell.value) ? '' : cell.value;
}

export function readSummaryFile(bytes: Uint8Array, fileName: string): SummaryFile | LedgerError {
  const parts = openXlsx(bytes, fileName, { only: xmlPartsOnly });
  if (isLedgerError(parts)) return parts;
  try {
    const table = findTable(tablesOf(parts), SUMMARY.table);
    if (!table) return ledgerError('notASummaryFile', fileName);
    const reader = workbookReader(parts);
    const cells = reader.cellsOf(table.sheet.path);
    const index = headerIndex(table.columns);
    const byHeader = new Map(SUMMARY.columns.map((c) => [c.header, c]));
    const defs = table.columns.map((h) => byHeader.get(h.trim()));
    const extraAt = defs.flatMap((def, i) => (def ? [] : [i]));
    const dates = extraAt.map(() => false);
    const rows: SummaryRow[] = [];
    const extraValues: ExtraCell[][] = [];
    const userWork: string[] = [];
    const last = Math.min(table.range.bottom - table.totalsRows, cells.lastRow);
    // Only rows holding a cell: a table claiming 1,048,576 rows over a few costs a few.
    for (const r of cells.rowsBetween(table.range.top + table.headerRows, last)) {
      const row = summaryFromCells(table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), defs[i], reader.dateSystem)), index);
      // The blank row an empty table keeps is not data.
      if (row.sourceUnit === '' && row.problemId === '' && row.measureId === '') continue;
      rows.push(row);
      extraValues.push(
        extraAt.map((i, j) => {
          const cell = cells.get(r, table.range.left + i);
          if (cell?.formula) userWork.push(`“${table.sheet.name}”表${letters(table.range.left + i)}${r}（第${r}行，${table.columns[i]}）：公式`);
          if (cell?.date && typeof cell.value === 'number') dates[j] = true;
          return extraCell(cell);
        }),
      );
    }
    const extra: SummaryExtra = {
      ...extraColumnsOf(extraAt.map((i) => table.columns[i]), rows, extraValues),
      formats: dates.map((d) => (d ? DATE_FORMAT : null)),
    };
    const { top, left, right, bottom } = table.range;
    userWork.push(...cellsOutside(cells, table.sheet.name, (row, col) => row >= top && row <= Math.max(bottom, top) && col >= left && col <= right));
    userWork.push(...dashboardWork(parts, reader, rows));
    return { rows, sheets: worksheets(parts).map((s) => s.name), summarySheet: table.sheet.name, asOf: typedAsOf(parts, reader), extra, userWork };
  } catch {
    return ledgerError('damagedXlsx', fileName);
  }
}
