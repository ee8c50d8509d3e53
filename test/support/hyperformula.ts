// A ledger workbook in HyperFormula, to evaluate a generated sheet's formula strings with a real
// formula engine. The sheets hold the cells the .xlsx writer writes (tableBody, infoValues: dates as
// serials, flags 是/否, blanks empty, one blank body row for an empty table). HyperFormula has no
// tables, so the translation is purely mechanical and nothing else:
//   Table[列]                    → the absolute range of that column's body rows ('问题清单'!$C$2:$C$13)
//   Table[[#This Row],[列]]      → that column's cell in the formula's own row
//   Table[[#Headers],[列]]       → that column's header cell
//   an array cell {=…}           → =ARRAYFORMULA(…), HyperFormula's array evaluation of one formula
// Workbook names (ZG_AsOf …) become HyperFormula named expressions of the same name. Any other
// bracket syntax throws, so a formula the translation does not understand never passes quietly.
import { HyperFormula, type CellValue, type RawCellContent } from 'hyperformula';
import type { Ledger } from '../../src/ledger/types';
import { INFO_HEADERS, INFO_SHEET, MEASURES, PROBLEMS, columnLetter, type TableDef } from '../../src/workbook/schema';
import type { SheetLayout } from '../../src/workbook/sheetLayout';
import { infoValues, tableBody, type BodyCell } from '../../src/workbook/xlsxWriter';

type TablePlace = { sheet: string; columns: Map<string, string>; firstRow: number; lastRow: number };

const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Rewrites the structured references of one formula (file syntax, no '=') for HyperFormula. */
export function translateFormula(formula: string, tables: ReadonlyMap<string, TablePlace>, row: number): string {
  // String literals ("…", with "" inside) are copied as they are; only the text between them is rewritten.
  return formula.replace(/("(?:[^"]|"")*")|[^"]+/g, (part, literal: string | undefined) => {
    if (literal) return literal;
    const out = part.replace(/([A-Za-z_][\w.]*)\[(?:\[(#This Row|#Headers)\],\[([^\]]+)\]|([^[\]]+))\]/g, (ref, table: string, item?: string, thisRow?: string, column?: string) => {
      const place = tables.get(table);
      const letter = place?.columns.get((thisRow ?? column)!);
      if (!place || !letter) throw new Error(`unknown structured reference ${ref}`);
      if (item === '#Headers') return `${quoteSheet(place.sheet)}!$${letter}$${place.firstRow - 1}`;
      if (thisRow) return `$${letter}${row}`;
      return `${quoteSheet(place.sheet)}!$${letter}$${place.firstRow}:$${letter}$${place.lastRow}`;
    });
    if (/[[\]]/.test(out)) throw new Error(`untranslated bracket syntax in ${formula}`);
    return out;
  });
}

/** A body cell as HyperFormula input: text is prefixed with ' so it stays text (as in the file). */
function raw(cell: BodyCell, translate: (formula: string) => string): RawCellContent {
  if (cell === null) return null;
  if (typeof cell === 'object') return `=${translate(cell.formula)}`;
  if (typeof cell === 'string') return `'${cell}`;
  return cell;
}

export type EvaluatedWorkbook = {
  /** The computed value of a cell of the layout's sheet (A1 address). */
  value: (address: string) => CellValue;
  /** The computed value of a helper cell of ZG_Problems / ZG_Measures: `row` 1 is the first body row. */
  tableValue: (table: 'ZG_Problems' | 'ZG_Measures', header: string, row: number) => CellValue;
  destroy: () => void;
};

/** Builds 巡察信息, 问题清单, 整改台账 and the layout's sheet from a ledger and evaluates it. */
export function evaluateLayout(ledger: Ledger, layout: SheetLayout): EvaluatedWorkbook {
  // Defaults that match Excel: case-insensitive text, wildcards in criteria, whole-cell matching.
  // smartRounding off: results exactly as computed (it rounds to 11 digits otherwise).
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: false, smartRounding: false });
  const sheetId = (name: string) => {
    const id = hf.getSheetId(hf.addSheet(name));
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  const defs: TableDef[] = [PROBLEMS as TableDef, MEASURES as TableDef];
  const bodies = defs.map((def) => tableBody(def, ledger[def === (PROBLEMS as TableDef) ? 'problems' : 'measures'] as unknown as Record<string, unknown>[]));
  const tables = new Map<string, TablePlace>(
    defs.map((def, i) => [
      def.table,
      { sheet: def.sheet, columns: new Map(def.columns.map((c, j) => [c.header, columnLetter(j)])), firstRow: 2, lastRow: bodies[i].length + 1 },
    ]),
  );
  const ids = { info: sheetId(INFO_SHEET), tables: defs.map((def) => sheetId(def.sheet)), layout: sheetId(layout.sheet) };

  const info = infoValues(ledger);
  for (const { cell, address } of info) hf.addNamedExpression(cell.name, `=${quoteSheet(INFO_SHEET)}!${address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`);

  hf.batch(() => {
    hf.setCellContents({ sheet: ids.info, col: 0, row: 0 }, [[...INFO_HEADERS]]);
    for (const { cell, address, value } of info) {
      const at = hf.simpleCellAddressFromString(address, ids.info)!;
      hf.setCellContents({ ...at, col: 0 }, [[`'${cell.label}`, raw(value, (f) => translateFormula(f, tables, at.row + 1))]]);
    }
    defs.forEach((def, i) => {
      const grid: RawCellContent[][] = [def.columns.map((c) => `'${c.header}`)];
      bodies[i].forEach((cells, r) => grid.push(cells.map((cell) => raw(cell, (f) => translateFormula(f, tables, r + 2)))));
      hf.setCellContents({ sheet: ids.tables[i], col: 0, row: 0 }, grid);
    });
    for (const cell of layout.cells) {
      const at = hf.simpleCellAddressFromString(cell.address, ids.layout);
      if (!at) throw new Error(`bad address ${cell.address}`);
      let content: RawCellContent;
      if (typeof cell.value === 'string' && cell.value.startsWith('=')) {
        const formula = translateFormula(cell.value.slice(1), tables, at.row + 1);
        content = cell.array ? `=ARRAYFORMULA(${formula})` : `=${formula}`;
      } else content = typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
      hf.setCellContents(at, [[content]]);
    }
  });

  return {
    value: (address) => {
      const at = hf.simpleCellAddressFromString(address, ids.layout);
      if (!at) throw new Error(`bad address ${address}`);
      return hf.getCellValue(at);
    },
    tableValue: (table, header, row) => {
      const i = defs.findIndex((def) => def.table === table);
      const col = defs[i].columns.findIndex((c) => c.header === header);
      if (col < 0) throw new Error(`${table} has no column ${header}`);
      return hf.getCellValue({ sheet: ids.tables[i], col, row });
    },
    destroy: () => hf.destroy(),
  };
}
