// A summary workbook (汇总.xlsx) read back, so that `ledger consolidate … -o 汇总.xlsx` merges new
// files into the rows already there (a unit sent again replaces its rows) instead of starting over.
// Rows by header, as the pane reads the ZG_Summary table (summaryFromCells). Pure.
import type { SummaryRow } from '../../ledger/consolidate';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import type { IsoDate } from '../../ledger/types';
import { headerIndex, readDate } from '../cells';
import { summaryFromCells } from '../summaryCells';
import { SUMMARY } from '../schema';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_SHEET } from '../summaryDashboard';
import { worksheets, type XlsxParts } from './package';
import { openXlsx } from './open';
import { cellFor, workbookReader } from './readLedger';
import { findTable, parseA1, tablesOf } from './sheetCells';

export type SummaryFile = {
  rows: SummaryRow[];
  sheets: string[];
  summarySheet: string;
  /** The 统计截止日期 typed on 汇总统计 (SUMMARY_AS_OF_INPUT), kept when the file is rewritten. */
  asOf: IsoDate | null;
};

/** The date the user typed on the 汇总统计 sheet, if the file has that sheet and the cell holds a date. */
function typedAsOf(parts: XlsxParts, reader: ReturnType<typeof workbookReader>): IsoDate | null {
  const sheet = worksheets(parts).find((s) => s.name === SUMMARY_DASHBOARD_SHEET);
  const at = parseA1(SUMMARY_AS_OF_INPUT);
  if (!sheet || !at) return null;
  return readDate(reader.cellsOf(sheet.path).get(at.row, at.col)?.value ?? null);
}

export function readSummaryFile(bytes: Uint8Array, fileName: string): SummaryFile | LedgerError {
  const parts = openXlsx(bytes, fileName);
  if (isLedgerError(parts)) return parts;
  try {
    const table = findTable(tablesOf(parts), SUMMARY.table);
    if (!table) return ledgerError('notASummaryFile', fileName);
    const reader = workbookReader(parts);
    const cells = reader.cellsOf(table.sheet.path);
    const index = headerIndex(table.columns);
    const byHeader = new Map(SUMMARY.columns.map((c) => [c.header, c]));
    const defs = table.columns.map((h) => byHeader.get(h.trim()));
    const rows: SummaryRow[] = [];
    for (let r = table.range.top + table.headerRows; r <= table.range.bottom - table.totalsRows; r++) {
      const row = summaryFromCells(table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), defs[i])), index);
      // The blank row an empty table keeps is not data.
      if (row.sourceUnit !== '' || row.problemId !== '' || row.measureId !== '') rows.push(row);
    }
    return { rows, sheets: worksheets(parts).map((s) => s.name), summarySheet: table.sheet.name, asOf: typedAsOf(parts, reader) };
  } catch {
    return ledgerError('damagedXlsx', fileName);
  }
}
