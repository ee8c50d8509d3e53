// The ledger as an ordinary .xlsx, from the same schema the Office.js adapter uses: tables with
// Chinese headers, data validation, date formats, frozen headers, the ZG_* names, the 剩余天数 and
// 预警 formulas and their colours, and the 整改统计 sheet with its charts. Node-side only (the CLI
// `ledger import … -o ledger.xlsx` and `ledger template`): it pulls in exceljs, so the task pane
// bundle must never import it.
import { FIGURES_TITLE } from '../ledger/roundFigures';
import { planFigureWrites } from './infoFigures';
import ExcelJS from 'exceljs';
import { sanitizeWorkbook, type WriteWarning } from './xlsxSafe';
import { isoToSerial } from '../ledger/dates';
import type { Ledger } from '../ledger/types';
import type { ChangeEntry } from '../ledger/store';
import { cellValue, cellsFromRow, changeRow, type CellValue } from './cells';
import { DASHBOARD_NAME, dashboardLayout, dashboardSlots, type DashboardSlots } from './dashboard';
import { layoutRowHeights, type CellStyle, type SheetLayout } from './sheetLayout';
import { BORDER_COLOUR, FILE_LOOKS, type CellLook } from './sheetLooks';
import { injectCharts } from './xlsx/charts';
import { addColumnFormulas } from './xlsx/columnFormulas';
import {
  CHANGES, DATE_FORMAT, HOLIDAYS, INFO_CELLS, INFO_HEADERS, INFO_SHEET, INFO_WIDTHS, LIGHT_COLOURS, MEASURES, PROBLEMS, TABLE_STYLE,
  FIRST_DATE_SERIAL, columnLetter, expandThisRow, infoValueAddress, numberFormatOf, validationOf, type TableDef,
} from './schema';

/** Rows below the data that still get validation and formats, for entries typed by hand. */
export const SPARE_ROWS = 500;

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

export { expandThisRow } from './schema';

/** A table body cell as the file holds it: a value, a formula (file syntax, no '='), or empty. */
export type BodyCell = CellValue | { formula: string } | null;

/**
 * The body of a table as written to the file, row by row in schema column order. Excel needs at
 * least one body row in a table, so an empty one gets a single blank row (ignored on load).
 */
export function tableBody<F extends string>(def: TableDef<F>, rows: readonly Record<F, unknown>[]): BodyCell[][] {
  return (rows.length > 0 ? rows : [null]).map((row) =>
    def.columns.map((column): BodyCell => {
      if (column.formula) return { formula: expandThisRow(column.formula, def.table) };
      if (!row) return null;
      const v = cellsFromRow(def, row, [column.header], 'xlsx')[0];
      return v === '' ? null : v;
    }),
  );
}

/** Adds a table on its own sheet, with formats, validation and (for 预警) conditional colours. */
export function addTable<F extends string>(wb: ExcelJS.Workbook, def: TableDef<F>, rows: readonly Record<F, unknown>[]): void {
  const ws = wb.addWorksheet(def.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = def.columns.map((c) => c.header);
  const body = tableBody(def, rows);
  ws.addTable({
    name: def.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: body,
  });
  const lastRow = body.length + 1 + SPARE_ROWS;
  def.columns.forEach((column, i) => {
    const letter = columnLetter(i);
    const wsColumn = ws.getColumn(i + 1);
    wsColumn.width = column.width;
    const format = numberFormatOf(column);
    for (let r = 2; r <= body.length + 1; r++) {
      const cell = ws.getCell(`${letter}${r}`);
      if (format !== 'General') cell.numFmt = format;
      if (column.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    }
    const validation = validationOf(column);
    if (validation) {
      // Range-wide validation exists at runtime (one <dataValidation sqref>) but not in exceljs's typings.
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        ...(validation.kind === 'list'
          ? { type: 'list' as const, formulae: [`"${validation.values.join(',')}"`] }
          : { type: 'date' as const, operator: 'greaterThanOrEqual' as const, formulae: [FIRST_DATE_SERIAL] }),
        allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: validation.title, error: validation.message,
      });
    }
    if (column.header === '预警') {
      ws.addConditionalFormatting({
        ref: `${letter}2:${letter}${lastRow}`,
        rules: Object.entries(LIGHT_COLOURS).map(([light, colour], priority) => ({
          type: 'cellIs', operator: 'equal', formulae: [`"${light}"`], priority: priority + 1,
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(colour.fill) } }, font: { color: { argb: argb(colour.font) } } },
        })),
      });
    }
  });
  ws.getRow(1).font = { bold: true };
  if (def.print) {
    // A4 = paperSize 9; fitToHeight 0 = as many pages tall as it takes; the header row repeats.
    ws.pageSetup = {
      ...ws.pageSetup, paperSize: 9, orientation: def.print.orientation, fitToPage: true, fitToWidth: def.print.pagesWide, fitToHeight: 0,
      showGridLines: def.print.gridlines, ...(def.print.repeatHeaderRow ? { printTitlesRow: '1:1' } : {}),
    };
  }
}

/** The value cell of each 巡察信息 name as the file holds it (dates as serials, ZG_Due a formula). */
export function infoValues(ledger: Ledger): { cell: (typeof INFO_CELLS)[number]; address: string; value: BodyCell }[] {
  return INFO_CELLS.map((cell) => {
    let value: BodyCell;
    if (cell.formula) value = { formula: cell.formula.replace(/^=/, '') };
    else if (cell.kind === 'date') {
      const iso = ledger.round[cell.field!] as string | null;
      value = iso ? isoToSerial(iso) : null;
    } else {
      const v = cellValue({ header: cell.label, field: cell.field, kind: cell.kind === 'number' ? 'number' : 'text', width: 0 }, ledger.round[cell.field!], 'xlsx');
      value = v === '' ? null : v;
    }
    return { cell, address: infoValueAddress(cell), value };
  });
}

export function addInfoSheet(wb: ExcelJS.Workbook, ledger: Ledger): void {
  const ws = wb.addWorksheet(INFO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...INFO_HEADERS]).font = { bold: true };
  INFO_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const { cell, address, value } of infoValues(ledger)) {
    const row = Number(address.slice(1));
    ws.getCell(`A${row}`).value = cell.label;
    ws.getCell(`C${row}`).value = cell.hint;
    const target = ws.getCell(address);
    target.value = value;
    if (cell.formula || cell.kind === 'date') target.numFmt = DATE_FORMAT;
    if (cell.list) target.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${cell.list.join(',')}"`] };
    wb.definedNames.add(`'${INFO_SHEET}'!$B$${row}`, cell.name);
  }
  // 通报数字 below the named cells, as plain rows (label as text, never a formula).
  for (const w of planFigureWrites({ header: null, rows: [], end: 0 }, ledger.round.figures ?? [], INFO_CELLS.length + 1)) {
    const header = w.values[0] === FIGURES_TITLE && typeof w.values[1] === 'string';
    w.values.forEach((v, i) => {
      const target = ws.getCell(w.row, i + 1);
      target.value = typeof v === 'number' ? v : (cellValue({ header: FIGURES_TITLE, field: null, kind: 'text', width: 0 }, v, 'xlsx') as ExcelJS.CellValue);
    });
    if (header) ws.getRow(w.row).font = { bold: true };
  }
}

// ---- generated sheets (SheetLayout) ------------------------------------------------------------

const thin = { style: 'thin' as const, color: { argb: argb(BORDER_COLOUR) } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };
const fill = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

/** A CellLook (sheetLooks, shared with the file store) as ExcelJS cell properties. */
function excelLook(look: CellLook): Partial<Pick<ExcelJS.Cell, 'font' | 'fill' | 'border' | 'alignment'>> {
  const font: Partial<ExcelJS.Font> = {
    ...(look.font ? { name: look.font } : {}), ...(look.bold ? { bold: true } : {}), ...(look.size ? { size: look.size } : {}),
    ...(look.color ? { color: { argb: argb(look.color) } } : {}),
  };
  const alignment: Partial<ExcelJS.Alignment> = {
    ...(look.horizontal ? { horizontal: look.horizontal } : {}), ...(look.vertical ? { vertical: look.vertical === 'center' ? 'middle' : 'top' } : {}),
    ...(look.wrap ? { wrapText: true } : {}),
  };
  return {
    ...(Object.keys(font).length > 0 ? { font } : {}), ...(look.fill ? { fill: fill(look.fill) } : {}), ...(look.border ? { border: BORDER } : {}),
    ...(Object.keys(alignment).length > 0 ? { alignment } : {}),
  };
}

/** How each CellStyle looks in a file (the Office.js renderer has its own mapping of the same names). */
const STYLES = Object.fromEntries(Object.entries(FILE_LOOKS).map(([style, look]) => [style, excelLook(look)])) as Record<CellStyle, ReturnType<typeof excelLook>>;

/**
 * Adds a generated sheet: constants as values (never parsed), '='-formulas as formulas — an array
 * cell as <f t="array" ref="A20">, which Excel 2010, WPS and LibreOffice need for array maths —
 * with number formats, styles, widths, row heights and frozen rows. Charts are added to the file
 * afterwards. (A new sheet: an `input` cell gets the layout's content like any other.)
 */
export function addLayoutSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.sheet, layout.frozenRows > 0 ? { views: [{ state: 'frozen', ySplit: layout.frozenRows }] } : {});
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Printed on landscape A4, one page wide with its charts (dashboards get printed for meetings).
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  for (const c of layout.cells) {
    const cell = ws.getCell(c.address);
    if (typeof c.value === 'string' && c.value.startsWith('=') && !c.text) {
      const formula = c.value.slice(1);
      cell.value = c.array ? ({ formula, shareType: 'array', ref: c.address } as ExcelJS.CellFormulaValue) : { formula };
    } else {
      cell.value = c.value;
    }
    if (c.format) cell.numFmt = c.format;
    if (c.style) Object.assign(cell, STYLES[c.style]);
  }
  // A merged box looks like its first cell (borders on every side), and holds only its value.
  for (const range of layout.merges ?? []) {
    const [from] = range.split(':');
    const look = layout.cells.find((c) => c.address === from)?.style;
    ws.mergeCells(range);
    if (look) ws.getCell(range.split(':')[1]).style = { ...ws.getCell(from).style };
  }
  // Rows with a larger font (the title) get their height: nothing grows them when the file opens.
  for (const [row, height] of layoutRowHeights(layout)) ws.getRow(row).height = height;
  return ws;
}

export type WriteOptions = {
  /** Sizes of the 整改统计 lists; dashboardSlots(ledger) unless given. */
  slots?: DashboardSlots;
  /** 变更记录 lines to write, oldest first (a rewritten ledger keeps its log). */
  changes?: readonly ChangeEntry[];
  /** Told each cell whose text had to change to be written (forbidden characters, over 32,767 characters). */
  onWarning?: WriteWarning;
};

/** The whole ledger as an .xlsx file (bytes), with its 整改统计 sheet and charts. */
export async function writeLedgerXlsx(ledger: Ledger, options: WriteOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '整改台账助手';
  // Nothing in the file carries cached results: Excel and WPS compute everything when it opens.
  wb.calcProperties.fullCalcOnLoad = true;
  addInfoSheet(wb, ledger);
  addTable(wb, PROBLEMS, ledger.problems as unknown as Record<string, unknown>[]);
  addTable(wb, MEASURES, ledger.measures as unknown as Record<string, unknown>[]);
  const dashboard = dashboardLayout(options.slots ?? dashboardSlots(ledger));
  addLayoutSheet(wb, dashboard);
  wb.definedNames.add(`'${dashboard.sheet}'!$A$1`, DASHBOARD_NAME);
  addTable(wb, HOLIDAYS, []);
  addTable(wb, CHANGES, (options.changes ?? []).map(changeRow));
  sanitizeWorkbook(wb, options.onWarning ?? (() => undefined));
  const buffer = await wb.xlsx.writeBuffer();
  const withCharts = injectCharts(new Uint8Array(buffer as ArrayBuffer), [{ sheet: dashboard.sheet, charts: dashboard.charts }]);
  return addColumnFormulas(withCharts, [PROBLEMS, MEASURES]);
}
