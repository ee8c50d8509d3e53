// 汇总 in a file: the ledgers units sent back merged into the ZG_Summary table (sheet 汇总, made on
// first use with its table part) and 汇总统计 rewritten over it — what excelSummary does through
// Office.js, at the package level. The table is read as the command line reads a summary workbook
// (readSummary: rows by header, the 巡察办's own columns by row identity), merged by mergeSummary, and
// its body rewritten in place (tableBody: new cells in the column's style, the table's ref follows).
// A 统计截止日期 typed on 汇总统计 stays and is reported back. Every text cell is an inline string.
import { extraColumnsOf, mergeSummary, placeExtraColumns, summaryUnits, type SummaryRow } from '../../ledger/consolidate';
import { toSerial1900, type DateSystem } from '../../ledger/dates';
import type { ConsolidationReport, UnitLedger } from '../../ledger/store';
import { headerIndex, readDate } from '../cells';
import { reportSheetName } from '../excelReport';
import { columnLetter, numberFormatOf, SUMMARY, TABLE_STYLE, type ColumnDef, type TableDef } from '../schema';
import { summaryFromCells } from '../summaryCells';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_NAME, summaryDashboardLayout } from '../summaryDashboard';
import { addOverride, addRelationship, freePart, relativeTarget } from '../xlsx/charts';
import { encodeXml, partText, setPartText, startTags, worksheets, type XlsxParts } from '../xlsx/package';
import { cellFor, workbookReader } from '../xlsx/readLedger';
import { findTable, isCellError, parseA1, tablesOf, type TablePart, type XlsxCell } from '../xlsx/sheetCells';
import { tablePath, type TableSlot } from './readFile';
import { writeLayoutSheet } from './generatedSheets';
import { addWorksheet } from './sheetParts';
import { worksheetXml, type SheetCell } from './layoutXml';
import type { CellContent } from './rowsXml';
import { styleResolver } from './stylesXml';
import { rewriteTableBody } from './tableBody';
import { contentOf } from './writeFile';

const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

type Extra = string | number | boolean;

const byHeader = new Map(SUMMARY.columns.map((c) => [c.header, c as ColumnDef]));

function extraContent(v: Extra | undefined): CellContent {
  if (v === undefined || v === '') return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  return { kind: 'text', text: typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v };
}

/** The cells of each merged row by table column (0-based), extra columns placed by row identity. */
function rowCells(headers: readonly string[], rows: readonly SummaryRow[], extraValues: (readonly Extra[] | null)[], extraAt: readonly number[], system: DateSystem): Map<number, CellContent>[] {
  return rows.map((row, r) => {
    const cells = new Map<number, CellContent>();
    headers.forEach((h, i) => {
      const def = byHeader.get(h.trim());
      if (def?.field) cells.set(i, contentOf(def, (row as unknown as Record<string, unknown>)[def.field], system));
    });
    extraAt.forEach((i, j) => cells.set(i, extraContent(extraValues[r]?.[j])));
    return cells;
  });
}

type Read = { table: TablePart; path: string; before: SummaryRow[]; extra: ReturnType<typeof extraColumnsOf<Extra>>; extraAt: number[]; bodyRows: number[] };

/** The table as it stands: rows (a blank row is no unit's), the 巡察办's own columns by row identity. */
function readTable(parts: XlsxParts, table: TablePart, system: DateSystem): Read {
  const cells = workbookReader(parts).cellsOf(table.sheet.path);
  const index = headerIndex(table.columns);
  const defs = table.columns.map((h) => byHeader.get(h.trim()));
  const extraAt = defs.flatMap((d, i) => (d ? [] : [i]));
  const before: SummaryRow[] = [];
  const values: Extra[][] = [];
  const bodyRows: number[] = [];
  // Over the rows that hold a cell: a table claiming A1:Z1048576 costs the rows it has, not a million.
  for (const r of cells.rowsBetween(table.range.top + table.headerRows, Math.min(table.range.bottom - table.totalsRows, cells.lastRow))) {
    bodyRows.push(r);
    const row = summaryFromCells(table.columns.map((_, i) => cellFor(cells.get(r, table.range.left + i), defs[i], system)), index);
    if (row.sourceUnit === '' && row.problemId === '' && row.measureId === '') continue;
    before.push(row);
    values.push(extraAt.map((i) => {
      const cell: XlsxCell | undefined = cells.get(r, table.range.left + i);
      return !cell || cell.value === null || isCellError(cell.value) ? '' : cell.value;
    }));
  }
  const rel = tablePath(parts, table);
  return { table, path: rel, before, extra: extraColumnsOf(extraAt.map((i) => table.columns[i]), before, values), extraAt, bodyRows };
}

/** A new 汇总 sheet with the ZG_Summary table over the rows; returns the sheet's name. */
function createTable(parts: XlsxParts, rows: readonly SummaryRow[], system: DateSystem): string {
  const name = reportSheetName(SUMMARY.sheet, worksheets(parts).map((s) => s.name));
  const headers = SUMMARY.columns.map((c) => c.header);
  const styles = styleResolver(parts);
  const looks = SUMMARY.columns.map((c) => styles.id(c.wrap ? { wrap: true, vertical: 'top' } : {}, numberFormatOf(c)));
  const cells: SheetCell[] = headers.map((h, i) => ({ row: 1, col: i + 1, style: styles.id({ bold: true }), content: { kind: 'text', text: h } }));
  const body = rows.length > 0 ? rowCells(headers, rows, [], [], system) : [new Map<number, CellContent>()];
  body.forEach((row, r) => SUMMARY.columns.forEach((_, i) => cells.push({ row: r + 2, col: i + 1, style: looks[i], content: row.get(i) ?? { kind: 'empty' } })));
  const ref = `A1:${columnLetter(headers.length - 1)}${body.length + 1}`;
  const path = addWorksheet(parts, name, '');
  const tablePath = freePart(parts, 'xl/tables', 'table');
  const ids = Object.keys(parts).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p)).flatMap((p) => startTags(partText(parts, p) ?? '', 'table').map((a) => Number(a.id) || 0));
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${encodeXml(h)}"/>`).join('');
  setPartText(parts, tablePath,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${NS_MAIN}" id="${Math.max(0, ...ids) + 1}" name="${SUMMARY.table}" displayName="${SUMMARY.table}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`);
  addOverride(parts, tablePath, TABLE_TYPE);
  const relId = addRelationship(parts, path, 'table', relativeTarget(path, tablePath));
  setPartText(parts, path, worksheetXml({ cells, widths: SUMMARY.columns.map((c) => c.width), frozenRows: 1, keep: [`<tableParts count="1"><tablePart r:id="${relId}"/></tableParts>`] }));
  styles.commit();
  return name;
}

/** The rows of the package's 汇总 table as they stand (none before the first 汇总). */
export function summaryRowsOf(parts: XlsxParts, system: DateSystem): SummaryRow[] {
  const table = findTable(tablesOf(parts), SUMMARY.table);
  return table ? readTable(parts, table, system).before : [];
}

/** 汇总 into the package; `system` is the workbook's date system. */
export function consolidateParts(parts: XlsxParts, units: readonly UnitLedger[], importedAt: string, system: DateSystem): ConsolidationReport {
  const table = findTable(tablesOf(parts), SUMMARY.table);
  const read = table ? readTable(parts, table, system) : null;
  const merged = mergeSummary(read?.before ?? [], units, importedAt);
  let sheet: string;
  if (read) {
    sheet = read.table.sheet.name;
    const extraValues = placeExtraColumns(read.extra, merged.rows);
    const slot: TableSlot = { table: read.table, path: read.path, def: SUMMARY as TableDef, rows: read.bodyRows.map((r) => ({ r, id: '', empty: false })) };
    rewriteTableBody(parts, slot, { keep: [], add: rowCells(read.table.columns, merged.rows, extraValues, read.extraAt, system) });
  } else {
    sheet = createTable(parts, merged.rows, system);
  }
  const unitNames = summaryUnits(merged.rows);
  const placed = writeLayoutSheet(parts, summaryDashboardLayout(unitNames), SUMMARY_DASHBOARD_NAME);
  const at = parseA1(SUMMARY_AS_OF_INPUT)!;
  const typed = workbookReader(parts).cellsOf(placed.path).get(at.row, at.col)?.value ?? null;
  return {
    sheet,
    units: merged.report.map((u) => ({ unit: u.unit, fileName: u.fileName, problems: u.problems, measures: u.measures, outcome: u.outcome })),
    unitCount: unitNames.length,
    rowCount: merged.rows.length,
    asOf: readDate(typeof typed === 'number' ? toSerial1900(typed, system) : typed),
  };
}
