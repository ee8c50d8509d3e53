// 汇总 in Excel: the ledgers units sent back, merged into the ZG_Summary table (sheet 汇总) and the
// 汇总统计 sheet over it. One Excel.run, two syncs (more only for a 汇总 over one request's 5 MB,
// written in chunks): the table's rows and headers (through
// getItemOrNullObject, so a first import needs no extra round trip), the sheets and the names →
// sync → merge with mergeSummary (a unit already there is replaced where it stood) → rewrite the
// table body and 汇总统计 (keeping the 统计截止日期 the user typed there), and read that date back
// for the report → sync. Every text cell goes through cells.ts: a unit called "=1+1" is stored as
// that text, never as a formula. Nothing here needs a ledger: a summary workbook has none.
//
// Columns the 巡察办 added to the table (a 核查意见 they type into) are not in the schema, so the
// merged rows know nothing of them: their values are read with the body, kept by row identity
// (summaryRowKey: 来源单位, 问题编号, 措施编号) and written back on the merged row with that identity,
// wherever it now stands. A row that is gone (a measure the re-imported ledger no longer has) takes
// its values with it. Values only: a formula typed into such a column is kept as its result.
import { clockAt } from '../ledger/ledger-ops';
import { extraColumnsOf, mergeSummary, placeExtraColumns, summarySources as sourcesOf, summaryUnits, type SummaryRow } from '../ledger/consolidate';
import type { ConsolidationReport, SummarySource, UnitLedger } from '../ledger/store';
import { cellsFromRow, dateSystemOfProbe, DATE_PROBE, headerIndex, officeText, readDate, readText, rowsIn1900, valueIn1900, type CellValue } from './cells';
import type { DateSystem } from '../ledger/dates';
import { queueLayoutLoad, queueLayoutWrite } from './excelLayout';
import { reportSheetName } from './excelReport';
import type { ExcelRunner } from './excelSelect';
import { SUMMARY, TABLE_STYLE, columnLetter, numberFormatOf } from './schema';
import { summaryFromCells } from './summaryCells';
import { PayloadBatch } from './payload';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_NAME, summaryDashboardPlan } from './summaryDashboard';

/** The Office.js values of the rows in the order of `headers`; importedAt becomes a date-time serial. */
function rowsToCells(rows: readonly SummaryRow[], headers: readonly string[], system: DateSystem): CellValue[][] {
  return rows.map((row) => cellsFromRow(SUMMARY, row as unknown as Record<keyof SummaryRow, unknown>, headers, 'office', system));
}

const SCHEMA_HEADERS: ReadonlySet<string> = new Set(SUMMARY.columns.map((c) => c.header));

/** Positions of the table's columns that are not in the schema (the 巡察办's own). */
function extraPositions(headers: readonly string[]): number[] {
  return headers.flatMap((h, i) => (SCHEMA_HEADERS.has(h.trim()) ? [] : [i]));
}

/** A value read from the table, as Range.values must get it back: text stays text ('=…', '001'). */
function officeValue(v: unknown): CellValue {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return officeText(v === null || v === undefined ? '' : String(v));
}

// ---- Excel -------------------------------------------------------------------------------------

/** Excel widths are characters; Office.js wants points (the rule of the ledger sheets, excelSetup). */
const widthPoints = (chars: number) => Math.round(chars * 5.6 + 5);

/** Formats of the typed columns over `count` body rows (new rows added by rows.add inherit them). */
function formatColumns(table: Excel.Table, headers: readonly string[], count: number): void {
  for (const column of SUMMARY.columns) {
    if (!headers.includes(column.header) || column.kind === 'text' || column.kind === 'flag') continue;
    table.columns.getItem(column.header).getDataBodyRange().numberFormat = Array.from({ length: count }, () => [numberFormatOf(column)]);
  }
}

async function createSummaryTable(wb: Excel.Workbook, batch: PayloadBatch, sheetName: string, cells: CellValue[][]): Promise<void> {
  const ws = wb.worksheets.add(sheetName);
  const headers = SUMMARY.columns.map((c) => c.header);
  const last = columnLetter(headers.length - 1);
  // Header and rows written first, in requests under the payload limit, the table made over them:
  // no empty first row to fill or skip.
  ws.getRange(`A1:${last}1`).values = [headers];
  let at = 2;
  await batch.addRows(cells, (chunk) => {
    ws.getRange(`A${at}:${last}${at + chunk.length - 1}`).values = chunk;
    at += chunk.length;
  });
  const table = ws.tables.add(`A1:${last}${cells.length + 1}`, true);
  table.name = SUMMARY.table;
  table.style = TABLE_STYLE;
  formatColumns(table, headers, Math.max(cells.length, 1));
  SUMMARY.columns.forEach((c, i) => {
    const letter = columnLetter(i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(c.width);
  });
  ws.getRange(`A1:${last}1`).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
}

/**
 * Rewrites the body of the existing table with `cells`: overwrite what fits, add or delete the
 * rest, in requests under the payload limit (PayloadBatch syncs between chunks).
 */
async function rewriteBody(table: Excel.Table, batch: PayloadBatch, rowsBefore: number, cells: CellValue[][]): Promise<void> {
  // The table is regenerated as a whole, so the user's filter is lifted (rows cannot be added to or
  // deleted from a filtered table reliably).
  table.clearFilters();
  const body = table.getDataBodyRange();
  let at = 0;
  await batch.addRows(cells, (chunk) => {
    const overwrite = Math.max(0, Math.min(chunk.length, rowsBefore - at));
    if (overwrite > 0) body.getRow(at).getResizedRange(overwrite - 1, 0).values = chunk.slice(0, overwrite);
    if (overwrite < chunk.length) table.rows.add(undefined, chunk.slice(overwrite));
    at += chunk.length;
  });
  if (cells.length < rowsBefore) body.getRow(cells.length).getResizedRange(rowsBefore - cells.length - 1, 0).delete('Up');
}

/** 汇总: merge `units` into ZG_Summary (created on first use) and rewrite 汇总统计. */
export function consolidate(excel: ExcelRunner, units: readonly UnitLedger[], now: () => Date = () => new Date()): Promise<ConsolidationReport> {
  return excel.run(async (context) => {
    const wb = context.workbook;
    const table = wb.tables.getItemOrNullObject(SUMMARY.table);
    table.load('name,worksheet/name,columns/items/name,rows/items/values');
    const layoutLoad = queueLayoutLoad(context);
    const probe = wb.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day).load('value');
    await context.sync();
    const system = dateSystemOfProbe(probe.value);

    const present = !table.isNullObject;
    const headers = present ? table.columns.items.map((c) => readText(c.name)) : SUMMARY.columns.map((c) => c.header);
    const index = headerIndex(headers);
    const bodyRows = present ? table.rows.items.map((r) => r.values[0] ?? []) : [];
    // A row with nothing in it (a table's empty first row, a row inserted by hand) is no unit's row.
    const kept = bodyRows.filter((cells) => cells.some((v) => readText(v) !== ''));
    const before = rowsIn1900(SUMMARY, index, kept, system).map((cells) => summaryFromCells(cells, index));
    const extraAt = extraPositions(headers);
    const extra = extraColumnsOf(extraAt.map((i) => headers[i]), before, kept.map((cells) => extraAt.map((i) => cells[i])));
    const merged = mergeSummary(before, units, clockAt(now()).now);
    const cells = rowsToCells(merged.rows, headers, system);
    placeExtraColumns(extra, merged.rows).forEach((values, r) => values?.forEach((v, j) => (cells[r][extraAt[j]] = officeValue(v))));

    let sheet: string;
    // Excel on the web takes at most 5 MB a request: a 汇总 of many units is written in chunks.
    const batch = new PayloadBatch(context);
    if (present) {
      sheet = table.worksheet.name;
      await rewriteBody(table, batch, bodyRows.length, cells);
      formatColumns(table, headers, Math.max(cells.length, 1));
    } else {
      sheet = reportSheetName(SUMMARY.sheet, layoutLoad.sheets.items.map((s) => s.name));
      await createSummaryTable(wb, batch, sheet, cells);
    }
    const unitNames = summaryUnits(merged.rows);
    const plan = summaryDashboardPlan(unitNames);
    // The unit labels are user text: written as text even when a unit's name starts with '='.
    // SUMMARY_DASHBOARD_NAME marks the sheet as ours (see excelLayout); the .xlsx writer sets it too.
    const placement = queueLayoutWrite(context, layoutLoad, plan.layout, SUMMARY_DASHBOARD_NAME);
    // Loaded in the write batch, so read as the sheet stands after it: the user's date, kept.
    const asOfInput = wb.worksheets.getItem(placement.sheet).getRange(SUMMARY_AS_OF_INPUT).load('values');
    await context.sync();
    return {
      sheet,
      units: merged.report.map((u) => ({ unit: u.unit, fileName: u.fileName, problems: u.problems, measures: u.measures, outcome: u.outcome })),
      unitCount: unitNames.length,
      rowCount: merged.rows.length,
      asOf: readDate(valueIn1900(asOfInput.values[0]?.[0], system)),
    };
  });
}

/**
 * The units in ZG_Summary with their 来源文件 and row counts, read before 汇总 writes (the pane asks
 * before a file replaces another file's rows). One sync, loaded as consolidate loads the table;
 * none without a table.
 */
export function summarySources(excel: ExcelRunner): Promise<SummarySource[]> {
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(SUMMARY.table);
    table.load('name,columns/items/name,rows/items/values');
    await context.sync();
    if (table.isNullObject) return [];
    const index = headerIndex(table.columns.items.map((c) => readText(c.name)));
    const at = (field: 'sourceUnit' | 'sourceFile') => index.get(SUMMARY.columns.find((c) => c.field === field)!.header);
    const [unitAt, fileAt] = [at('sourceUnit'), at('sourceFile')];
    if (unitAt === undefined) return [];
    const rows = table.rows.items.map((r) => r.values[0] ?? []).map((cells) => ({
      sourceUnit: readText(cells[unitAt]),
      sourceFile: fileAt === undefined ? '' : readText(cells[fileAt]),
    }));
    // A row with no unit (a table's empty first row) is no unit's row, as in consolidate.
    return sourcesOf(rows.filter((r) => r.sourceUnit !== ''));
  });
}
