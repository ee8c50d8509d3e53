// A summary workbook (汇总.xlsx) read back, so that `ledger consolidate … -o 汇总.xlsx` merges new
// files into the rows already there (a unit sent again replaces its rows) instead of starting over.
// Rows by header, as the pane reads the ZG_Summary table (summaryFromCells). Pure.
import type { SummaryRow } from '../../ledger/consolidate';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import { headerIndex } from '../cells';
import { summaryFromCells } from '../excelSummary';
import { SUMMARY } from '../schema';
import { worksheets } from './package';
import { openXlsx } from './open';
import { cellFor, workbookReader } from './readLedger';
import { findTable, tablesOf } from './sheetCells';

export type SummaryFile = { rows: SummaryRow[]; sheets: string[]; summarySheet: string };

export function readSummaryFile(bytes: Uint8Array, fileName: string): SummaryFile | LedgerError {
  const parts = openXlsx(bytes, fileName);
  if (isLedgerError(parts)) return parts;
  try {
    const table = findTable(tablesOf(parts), SUMMARY.table);
    if (!table) return ledgerError('notASummaryFile', fileName);
    const cells = workbookReader(parts).cellsOf(table.sheet.path);
    const index = headerIndex(table.columns);
    const byHeader = new Map(SUMMARY.columns.map((c) => [c.header, c]));
    const defs = table.columns.map((h) => byHeader.get(h.trim()));
    const rows: SummaryRow[] = [];
    for (let r = table.range.top + table.headerRows; r <= table.range.bottom - table.totalsRows; r++) {
      const row = summaryFromCells(table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), defs[i])), index);
      // The blank row an empty table keeps is not data.
      if (row.sourceUnit !== '' || row.problemId !== '' || row.measureId !== '') rows.push(row);
    }
    return { rows, sheets: worksheets(parts).map((s) => s.name), summarySheet: table.sheet.name };
  } catch {
    return ledgerError('damagedXlsx', fileName);
  }
}
