// A summary workbook (汇总.xlsx) read back, so that `ledger consolidate … -o 汇总.xlsx` merges new
// files into the rows already there (a unit sent again replaces its rows) instead of starting over.
// Rows by header, as the pane reads the ZG_Summary table (summaryFromCells). Pure.
//
// The command line rewrites the whole file, so columns the 巡察办 added to the table (a 核查意见)
// are read too, keyed by row identity (extraColumnsOf), for writeSummaryXlsx to put back on the
// merged rows — as the pane's adapter (excelSummary) does in place.
import { extraColumnsOf, NO_EXTRA_COLUMNS, type ExtraColumns, type SummaryRow } from '../../ledger/consolidate';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import type { IsoDate } from '../../ledger/types';
import { headerIndex, readDate } from '../cells';
import { toSerial1900 } from '../../ledger/dates';
import { summaryFromCells } from '../summaryCells';
import { DATE_FORMAT, SUMMARY } from '../schema';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_SHEET } from '../summaryDashboard';
import { worksheets, xmlPartsOnly, type XlsxParts } from './package';
import { openXlsx } from './open';
import { cellFor, workbookReader } from './readLedger';
import { findTable, isCellError, parseA1, tablesOf, type XlsxCell } from './sheetCells';

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
};

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
    for (let r = table.range.top + table.headerRows; r <= table.range.bottom - table.totalsRows; r++) {
      const row = summaryFromCells(table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), defs[i], reader.dateSystem)), index);
      // The blank row an empty table keeps is not data.
      if (row.sourceUnit === '' && row.problemId === '' && row.measureId === '') continue;
      rows.push(row);
      extraValues.push(
        extraAt.map((i, j) => {
          const cell = cells.get(r, table.range.left + i);
          if (cell?.date && typeof cell.value === 'number') dates[j] = true;
          return extraCell(cell);
        }),
      );
    }
    const extra: SummaryExtra = {
      ...extraColumnsOf(extraAt.map((i) => table.columns[i]), rows, extraValues),
      formats: dates.map((d) => (d ? DATE_FORMAT : null)),
    };
    return { rows, sheets: worksheets(parts).map((s) => s.name), summarySheet: table.sheet.name, asOf: typedAsOf(parts, reader), extra };
  } catch {
    return ledgerError('damagedXlsx', fileName);
  }
}
