// Recognising, creating and repairing the ledger in the open workbook. Repair adds what is missing
// (tables, columns, names) and never touches data; a sheet that is not ours is never overwritten:
// the ledger takes another name, and the report says so.
import { formatMessage } from '../ledger/errors';
import { EMPTY_ROUND } from '../ledger/types';
import type { LedgerPresence, RepairReport } from '../ledger/store';
import {
  DATE_FORMAT, INFO_CELLS, INFO_HEADERS, INFO_SHEET, INFO_WIDTHS, LIGHT_COLOURS, SUMMARY, TABLES, TABLE_STYLE,
  FIRST_DATE_ISO, columnLetter, infoValueAddress, numberFormatOf, validationOf, type ColumnDef, type PrintSetup, type TableDef,
} from './schema';

export type { RepairReport };

/** The workbook as seen by one load of its collections. */
export type WorkbookShape = {
  sheets: string[];
  tables: Map<string, { sheet: string; columns: string[]; rows: number; table: Excel.Table }>;
  names: Map<string, { sheet: string | null }>;
};

export function queueShapeLoad(context: Excel.RequestContext) {
  const wb = context.workbook;
  return {
    sheets: wb.worksheets.load('items/name'),
    tables: wb.tables.load('items/name,items/worksheet/name,items/columns/items/name,items/rows/count'),
    names: wb.names.load('items/name,items/type,items/value'),
  };
}

/** "'巡察信息'!$B$2" or "=巡察信息!$B$2" → 巡察信息. */
export function sheetOfReference(ref: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(ref.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

export function readShape(loaded: ReturnType<typeof queueShapeLoad>): WorkbookShape {
  const tables = new Map<string, { sheet: string; columns: string[]; rows: number; table: Excel.Table }>();
  for (const t of loaded.tables.items) {
    tables.set(t.name, { sheet: t.worksheet.name, columns: t.columns.items.map((c) => c.name), rows: t.rows.count, table: t });
  }
  const names = new Map<string, { sheet: string | null }>();
  for (const n of loaded.names.items) names.set(n.name, { sheet: n.type === 'Range' ? sheetOfReference(String(n.value)) : null });
  return { sheets: loaded.sheets.items.map((s) => s.name), tables, names };
}

/**
 * none: no ledger table at all (with `summary` when the 汇总 table is there: a summary workbook);
 * ok: every required part there; repairable: what is missing.
 */
export function presenceOf(shape: WorkbookShape): LedgerPresence {
  const required = TABLES.filter((t) => t.role === 'required');
  if (!required.some((t) => shape.tables.has(t.table))) return shape.tables.has(SUMMARY.table) ? { state: 'none', summary: true } : { state: 'none' };
  const missing: string[] = [];
  for (const def of required) {
    const t = shape.tables.get(def.table);
    if (!t) {
      missing.push(`${def.sheet}（${def.table}）`);
      continue;
    }
    for (const c of def.columns) if (!t.columns.includes(c.header)) missing.push(`${def.table}[${c.header}]`);
  }
  for (const cell of INFO_CELLS) if (!shape.names.has(cell.name)) missing.push(cell.name);
  return missing.length === 0 ? { state: 'ok' } : { state: 'repairable', missing };
}

/** A free sheet name: the wanted one, else 问题清单(台账), 问题清单(台账2) … */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((s) => s.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 1; ; i++) {
    const name = `${wanted}(台账${i === 1 ? '' : i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Excel column width units are characters; Office.js wants points (≈ 7 px per character at 96 dpi → 5.25 pt, plus padding). */
function widthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

/** A formula column's formula, written once every table exists (the roll-up columns refer to the other table). */
type PendingFormula = { table: Excel.Table; column: ColumnDef; rows: number };

/** Formats and validation of one table column over `rows` body rows; its formula goes to `pending`. */
function formatColumn(ws: Excel.Worksheet, table: Excel.Table, column: ColumnDef, position: number, rows: number, pending: PendingFormula[]): void {
  const body = table.columns.getItem(column.header).getDataBodyRange();
  body.numberFormat = Array.from({ length: rows }, () => [numberFormatOf(column)]);
  if (column.wrap) body.format.wrapText = true;
  const validation = validationOf(column);
  if (validation) {
    body.dataValidation.clear();
    body.dataValidation.rule =
      validation.kind === 'list'
        ? { list: { inCellDropDown: true, source: validation.values.join(',') } }
        : { date: { formula1: FIRST_DATE_ISO, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator } };
    body.dataValidation.errorAlert = { showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: validation.title, message: validation.message };
  }
  if (column.formula) pending.push({ table, column, rows });
  if (column.header === '预警') {
    for (const [light, colour] of Object.entries(LIGHT_COLOURS)) {
      const cf = body.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = colour.fill;
      cf.cellValue.format.font.color = colour.font;
      cf.cellValue.rule = { formula1: `="${light}"`, operator: 'EqualTo' };
    }
  }
  ws.getRange(`${columnLetter(position)}:${columnLetter(position)}`).format.columnWidth = widthPoints(column.width);
}

function createTable(wb: Excel.Workbook, def: TableDef, sheetName: string, pending: PendingFormula[]): void {
  const ws = wb.worksheets.add(sheetName);
  const last = columnLetter(def.columns.length - 1);
  ws.getRange(`A1:${last}1`).values = [def.columns.map((c) => c.header)];
  const table = ws.tables.add(`A1:${last}1`, true);
  table.name = def.table;
  table.style = TABLE_STYLE;
  // A table made from a header row has one empty body row; format it so new rows inherit everything.
  def.columns.forEach((c, i) => formatColumn(ws, table, c, i, 1, pending));
  ws.getRange(`A1:${last}1`).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  if (def.print) setUpPrinting(ws, def.print);
}

/** The sheet's page setup (ExcelApi 1.9), on a sheet the add-in creates; a user's own setup is never replaced. */
function setUpPrinting(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = print.paper;
  // verticalFitToPages 0: as many pages tall as the rows need (fitToHeight="0" in the file).
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  layout.printGridlines = print.gridlines;
  if (print.repeatHeaderRow) layout.setPrintTitleRows('$1:$1');
}

function repairTable(
  wb: Excel.Workbook, def: TableDef, existing: { sheet: string; columns: string[]; rows: number; table: Excel.Table }, pending: PendingFormula[],
  only: (column: ColumnDef) => boolean = () => true,
): string[] {
  const added: string[] = [];
  const ws = wb.worksheets.getItem(existing.sheet);
  let position = existing.columns.length;
  for (const column of def.columns) {
    if (existing.columns.includes(column.header) || !only(column)) continue;
    // Appended at the right: columns are found by header, so where it goes does not matter.
    existing.table.columns.add(undefined, undefined, column.header);
    formatColumn(ws, existing.table, column, position, Math.max(existing.rows, 1), pending);
    position += 1;
    added.push(`${def.table}[${column.header}]`);
  }
  return added;
}

function createInfoSheet(wb: Excel.Workbook, sheetName: string): void {
  const ws = wb.worksheets.add(sheetName);
  ws.getRange('A1:C1').values = [[...INFO_HEADERS]];
  ws.getRange('A1:C1').format.font.bold = true;
  INFO_CELLS.forEach((cell, i) => {
    const row = i + 2;
    ws.getRange(`A${row}`).values = [[cell.label]];
    ws.getRange(`C${row}`).values = [[cell.hint]];
  });
  INFO_WIDTHS.forEach((w, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = widthPoints(w)));
  ws.freezePanes.freezeRows(1);
}

function defineName(wb: Excel.Workbook, sheetName: string, cell: (typeof INFO_CELLS)[number], fresh: boolean): void {
  const range = wb.worksheets.getItem(sheetName).getRange(infoValueAddress(cell));
  if (cell.kind === 'date' || cell.kind === 'formula') range.numberFormat = [[DATE_FORMAT]];
  if (fresh && cell.field === 'months') range.values = [[EMPTY_ROUND.months]];
  if (cell.list) range.dataValidation.rule = { list: { inCellDropDown: true, source: cell.list.join(',') } };
  wb.names.add(cell.name, range, cell.label);
}

/**
 * Queues the formula columns the ledger tables lack (a ledger from before the roll-up columns):
 * 整改统计's formulas refer to them, and Excel refuses a formula naming a column that is not there.
 * Only formula columns, on tables that exist; nothing else is touched. Returns what was added.
 */
export function queueMissingFormulaColumns(context: Excel.RequestContext, shape: WorkbookShape): string[] {
  const pending: PendingFormula[] = [];
  const added = TABLES.flatMap((def) => {
    const existing = shape.tables.get(def.table);
    return existing ? repairTable(context.workbook, def, existing, pending, (c) => c.formula !== undefined) : [];
  });
  for (const { table, column, rows } of pending) {
    table.columns.getItem(column.header).getDataBodyRange().formulas = Array.from({ length: rows }, () => [column.formula]);
  }
  return added;
}

/** Queues the creation/repair; returns the report. Everything is decided from one loaded shape. */
export function queueCreateOrRepair(context: Excel.RequestContext, shape: WorkbookShape): RepairReport {
  const wb = context.workbook;
  const report: RepairReport = { created: [], repaired: [], notes: [] };
  const taken = [...shape.sheets];
  const claim = (wanted: string): string => {
    const name = freeSheetName(wanted, taken);
    taken.push(name);
    if (name !== wanted) report.notes.push(formatMessage('foreignSheet', [wanted, name]));
    return name;
  };

  // 巡察信息 first: table formulas refer to ZG_AsOf, which must exist when they are written.
  const missingNames = INFO_CELLS.filter((c) => !shape.names.has(c.name));
  if (missingNames.length > 0) {
    const ours = INFO_CELLS.map((c) => shape.names.get(c.name)?.sheet).find((s): s is string => !!s && shape.sheets.includes(s));
    let sheet = ours;
    if (!sheet) {
      sheet = claim(INFO_SHEET);
      createInfoSheet(wb, sheet);
      report.created.push(sheet);
    } else {
      // Our sheet lost some names: relabel their rows and define them again; values stay.
      const ws = wb.worksheets.getItem(sheet);
      for (const cell of missingNames) ws.getRange(`A${INFO_CELLS.indexOf(cell) + 2}`).values = [[cell.label]];
      report.repaired.push(...missingNames.map((c) => c.name));
    }
    for (const cell of missingNames) defineName(wb, sheet, cell, !ours);
    const due = INFO_CELLS.find((c) => c.name === 'ZG_Due');
    if (due?.formula && missingNames.includes(due)) wb.worksheets.getItem(sheet).getRange(infoValueAddress(due)).formulas = [[due.formula]];
  }

  const pending: PendingFormula[] = [];
  for (const def of TABLES) {
    const existing = shape.tables.get(def.table);
    if (existing) {
      report.repaired.push(...repairTable(wb, def, existing, pending));
      continue;
    }
    const sheet = claim(def.sheet);
    createTable(wb, def, sheet, pending);
    report.created.push(`${sheet}（${def.table}）`);
  }
  // Formulas last: ZG_Problems' roll-up columns refer to ZG_Measures and back, and Excel refuses a
  // formula that names a table not yet there. Still the same batch, before its one sync.
  for (const { table, column, rows } of pending) {
    table.columns.getItem(column.header).getDataBodyRange().formulas = Array.from({ length: rows }, () => [column.formula]);
  }
  return report;
}
