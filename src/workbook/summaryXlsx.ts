// The 巡察办's summary workbook as an .xlsx file: the 汇总统计 sheet (native formulas, chart) and the
// 汇总 table (ZG_Summary), from the same schema and layout the task pane writes through Office.js.
// Node-side only (`ledger consolidate`): it pulls in exceljs.
import ExcelJS from 'exceljs';
import { summaryUnits, type SummaryRow } from '../ledger/consolidate';
import { isoToSerial } from '../ledger/dates';
import type { IsoDate } from '../ledger/types';
import { SUMMARY } from './schema';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_NAME, summaryDashboardLayout } from './summaryDashboard';
import { injectCharts } from './xlsx/charts';
import { addLayoutSheet, addTable } from './xlsxWriter';

/** `asOf`: the 统计截止日期 to keep in the input cell of 汇总统计 (null: blank, i.e. today). */
export async function writeSummaryXlsx(rows: readonly SummaryRow[], asOf: IsoDate | null = null): Promise<Uint8Array> {
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
  addTable(wb, SUMMARY, rows as unknown as Record<keyof SummaryRow, unknown>[]);
  const buffer = await wb.xlsx.writeBuffer();
  return injectCharts(new Uint8Array(buffer as ArrayBuffer), [{ sheet: layout.sheet, charts: layout.charts }]);
}
