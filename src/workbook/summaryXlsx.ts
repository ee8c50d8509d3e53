// The 巡察办's summary workbook as an .xlsx file: the 汇总统计 sheet (native formulas, chart) and the
// 汇总 table (ZG_Summary), from the same schema and layout the task pane writes through Office.js.
// Node-side only (`ledger consolidate`): it pulls in exceljs.
import ExcelJS from 'exceljs';
import { placeExtraColumns, summaryUnits, type SummaryRow } from '../ledger/consolidate';
import { isoToSerial } from '../ledger/dates';
import type { IsoDate } from '../ledger/types';
import { SUMMARY, type ColumnDef, type TableDef } from './schema';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_NAME, summaryDashboardLayout } from './summaryDashboard';
import { injectCharts } from './xlsx/charts';
import { NO_SUMMARY_EXTRA, type SummaryExtra } from './xlsx/readSummary';
import { addLayoutSheet, addTable } from './xlsxWriter';
import { sanitizeWorkbook, type WriteWarning } from './xlsxSafe';
import { xmlSafeText } from '../ledger/xmlText';

const EXTRA_WIDTH = 16;

/**
 * `asOf`: the 统计截止日期 to keep in the input cell of 汇总统计 (null: blank, i.e. today).
 * `extra`: the columns the 巡察办 added to the table in the file being rewritten (readSummaryFile):
 * written after the schema columns, each value on the merged row with its old row's identity.
 */
export async function writeSummaryXlsx(
  rows: readonly SummaryRow[],
  asOf: IsoDate | null = null,
  extra: SummaryExtra = NO_SUMMARY_EXTRA,
  onWarning: WriteWarning = () => undefined,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '整改台账助手';
  // No cached results in the file: Excel, WPS and LibreOffice compute the dashboard on opening.
  wb.calcProperties.fullCalcOnLoad = true;
  const planned = summaryDashboardLayout(summaryUnits(rows));
  const serial = asOf ? isoToSerial(asOf) : null;
  const layout = serial === null ? planned : { ...planned, cells: planned.cells.map((c) => (c.address === SUMMARY_AS_OF_INPUT ? { ...c, value: serial } : c)) };
  addLayoutSheet(wb, layout);
  // The mark by which the add-in knows the sheet as its own when it refreshes it (excelLayout).
  wb.definedNames.add(`'${layout.sheet}'!$A$1`, SUMMARY_DASHBOARD_NAME);
  // The extra columns join the table blank (no field), then get their values cell by cell.
  // A header is also a table column name: forbidden characters out before it is either.
  const extraColumns: ColumnDef[] = extra.headers.map((header) => ({ header: xmlSafeText(header).text, field: null, kind: 'text', width: EXTRA_WIDTH }));
  const def: TableDef = { ...SUMMARY, columns: [...(SUMMARY.columns as readonly ColumnDef[]), ...extraColumns] };
  addTable(wb, def, rows as unknown as Record<string, unknown>[]);
  if (extra.headers.length > 0) {
    const ws = wb.getWorksheet(SUMMARY.sheet)!;
    placeExtraColumns(extra, rows).forEach((values, r) =>
      values?.forEach((v, j) => {
        if (v === '') return;
        // ExcelJS stores a string as text, never as a formula: a note reading “=1+1” stays that text.
        const cell = ws.getCell(r + 2, SUMMARY.columns.length + j + 1);
        cell.value = v;
        const format = extra.formats[j];
        if (format && typeof v === 'number') cell.numFmt = format;
      }),
    );
  }
  sanitizeWorkbook(wb, onWarning);
  const buffer = await wb.xlsx.writeBuffer();
  return injectCharts(new Uint8Array(buffer as ArrayBuffer), [{ sheet: layout.sheet, charts: layout.charts }]);
}
