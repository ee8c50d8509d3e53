// The last step of every ExcelJS writer (import -o, template, consolidate): each text cell goes
// through the one sanitiser (src/ledger/xmlText) before the workbook is zipped, so no character XML
// 1.0 forbids reaches a part, no cell holds more than Excel's 32,767 characters, and a text that
// holds `_x0041_` literally reads back as typed. Each change is reported with the cell it was in.
import type ExcelJS from 'exceljs';
import { ledgerError, type LedgerError } from '../ledger/errors';
import { EXCEL_CELL_MAX_CHARS, escapeXstring, safeCellText } from '../ledger/xmlText';

export type WriteWarning = (warning: LedgerError) => void;

/** “B列（核查意见）”: the column letter, and the header above when row 1 holds one. */
function columnName(ws: ExcelJS.Worksheet, col: number): string {
  const letter = ws.getColumn(col).letter;
  const header = ws.getCell(1, col).value;
  return typeof header === 'string' && header.trim() ? `${letter}列（${header.trim()}）` : `${letter}列`;
}

/** One text made safe; `where` names the cell only when something had to change. */
export function safeText(text: string, where: () => [sheet: string, row: number, column: string], warn: WriteWarning): string {
  const fix = safeCellText(text);
  if (fix.removed > 0 || fix.truncatedFrom !== null) {
    const [sheet, row, column] = where();
    if (fix.removed > 0) warn(ledgerError('cellCharsRemoved', sheet, row, column, fix.removed));
    if (fix.truncatedFrom !== null) warn(ledgerError('cellTruncated', sheet, row, column, fix.truncatedFrom, EXCEL_CELL_MAX_CHARS));
  }
  return escapeXstring(fix.text);
}

/** Every text cell of the workbook made safe in place (plain text, rich text runs, hyperlink text). */
export function sanitizeWorkbook(wb: ExcelJS.Workbook, warn: WriteWarning): void {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // The header row names the columns in the warnings, so it is read before it is changed.
        const where = (): [string, number, string] => [ws.name, r, columnName(ws, c)];
        const v = cell.value;
        if (typeof v === 'string') {
          const safe = safeText(v, where, warn);
          if (safe !== v) cell.value = safe;
        } else if (v && typeof v === 'object' && 'richText' in v) {
          cell.value = { richText: v.richText.map((run) => ({ ...run, text: safeText(run.text, where, warn) })) };
        } else if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.text === 'string') {
          cell.value = { ...v, text: safeText(v.text, where, warn) };
        }
      });
    });
  });
}
