// The ledger as an ordinary .xlsx, from the same schema the Office.js adapter uses: tables with
// Chinese headers, data validation, date formats, frozen headers, the ZG_* names, the 剩余天数 and
// 预警 formulas and their colours. Node-side only (the CLI `ledger import … -o ledger.xlsx` and the
// template writer): it pulls in exceljs, so the task pane bundle must never import it.
import ExcelJS from 'exceljs';
import { isoToSerial } from '../ledger/dates';
import type { Ledger } from '../ledger/types';
import { cellValue, cellsFromRow } from './cells';
import {
  CHANGES, DATE_FORMAT, HOLIDAYS, INFO_CELLS, INFO_HEADERS, INFO_SHEET, INFO_WIDTHS, LIGHT_COLOURS, MEASURES, PROBLEMS, TABLE_STYLE,
  columnLetter, infoValueAddress, numberFormatOf, type TableDef,
} from './schema';

/** Rows below the data that still get validation and formats, for entries typed by hand. */
const SPARE_ROWS = 500;

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** In the file format a formula cannot use the [@列] shorthand: it is Table[[#This Row],[列]]. */
export function expandThisRow(formula: string, table: string): string {
  return formula.replace(/^=/, '').replace(/\[@([^\]]+)\]/g, (_, col: string) => `${table}[[#This Row],[${col}]]`);
}

function addTable<F extends string>(wb: ExcelJS.Workbook, def: TableDef<F>, rows: Record<F, unknown>[]): void {
  const ws = wb.addWorksheet(def.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = def.columns.map((c) => c.header);
  // Excel needs at least one body row in a table; an empty ledger gets one blank row (ignored on load).
  const body = (rows.length > 0 ? rows : [null]).map((row) =>
    def.columns.map((column) => {
      if (column.formula) return { formula: expandThisRow(column.formula, def.table) };
      if (!row) return null;
      const v = cellsFromRow(def, row, [column.header], 'xlsx')[0];
      return v === '' ? null : v;
    }),
  );
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
    if (column.list) {
      // Range-wide validation exists at runtime (one <dataValidation sqref>) but not in exceljs's typings.
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list', allowBlank: true, showErrorMessage: true, formulae: [`"${column.list.join(',')}"`],
        errorTitle: column.header, error: `请从列表中选择：${column.list.join('、')}`,
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
}

function addInfoSheet(wb: ExcelJS.Workbook, ledger: Ledger): void {
  const ws = wb.addWorksheet(INFO_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...INFO_HEADERS]).font = { bold: true };
  INFO_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const cell of INFO_CELLS) {
    const address = infoValueAddress(cell);
    const row = Number(address.slice(1));
    ws.getCell(`A${row}`).value = cell.label;
    ws.getCell(`C${row}`).value = cell.hint;
    const target = ws.getCell(address);
    if (cell.formula) {
      target.value = { formula: cell.formula.replace(/^=/, '') };
      target.numFmt = DATE_FORMAT;
    } else if (cell.kind === 'date') {
      const iso = ledger.round[cell.field!] as string | null;
      target.value = iso ? isoToSerial(iso) : null;
      target.numFmt = DATE_FORMAT;
    } else {
      const v = cellValue({ header: cell.label, field: cell.field, kind: cell.kind === 'number' ? 'number' : 'text', width: 0 }, ledger.round[cell.field!], 'xlsx');
      target.value = v === '' ? null : v;
    }
    if (cell.list) target.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${cell.list.join(',')}"`] };
    wb.definedNames.add(`'${INFO_SHEET}'!$B$${row}`, cell.name);
  }
}

/** The whole ledger as an .xlsx file (bytes). */
export async function writeLedgerXlsx(ledger: Ledger): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '整改台账助手';
  addInfoSheet(wb, ledger);
  addTable(wb, PROBLEMS, ledger.problems as unknown as Record<string, unknown>[]);
  addTable(wb, MEASURES, ledger.measures as unknown as Record<string, unknown>[]);
  addTable(wb, HOLIDAYS, []);
  addTable(wb, CHANGES, []);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
