// Cell values out of an .xlsx package, for reading ledgers that units send back (汇总): shared
// strings (rich-text runs joined, 拼音 rPh runs left out), inline strings, numbers, booleans, errors,
// the cached <v> of formula cells, which cells carry a date format, and the tables (xl/tables/*.xml)
// with the sheet that owns each. Excel, WPS, LibreOffice and ExcelJS all write these parts, some with
// namespace prefixes; ./xmlScan reads them as XML (entities, CDATA, comments, well-formedness)
// rather than by pattern, fast enough for a 5,000-measure ledger's 13 MB of sheets.
// Pure: no DOM, no Node I/O.
import { partText, relationshipsOf, startTags, worksheets, type SheetRef, type XlsxParts } from './package';
import { scanXml, XmlScanError } from './xmlScan';

export type CellError = { error: string };
/** A cell's value as stored: text, number, TRUE/FALSE, an error such as #N/A, or null when empty. */
export type XlsxValue = string | number | boolean | CellError | null;
/** `formula`: the cell holds a formula (its value is the cached result, null when never calculated). */
export type XlsxCell = { value: XlsxValue; date: boolean; formula?: true };

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** ST_Xstring escapes (`_x000A_` a line feed, `_x005F_` an underscore): one decoder, beside the writers' escaper. */
import { decodeXstring } from '../../ledger/xmlText';
export { decodeXstring };

/** The shared-string table: each <si>'s text, rich-text runs joined, phonetic (rPh) runs skipped. */
export function sharedStrings(parts: XlsxParts): string[] {
  const path = relationshipsOf(parts, 'xl/workbook.xml').find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const xml = partText(parts, path);
  return xml ? sharedStringsOf(xml) : [];
}

/** The texts of a shared-string part. */
export function sharedStringsOf(xml: string): string[] {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') strings.push(decodeXstring(text));
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    wantsText: () => inText,
    text(t) {
      text += t;
    },
  });
  return strings;
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the CJK ids 27–36, 50–58).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date: y/m/d/h/s outside quoted text, escapes and [colour]/[$-804] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare.replace(/general/gi, ''));
}

/** For each cell style index (the `s` of a cell): whether its number format is a date. */
export function dateStyles(parts: XlsxParts): boolean[] {
  const path = relationshipsOf(parts, 'xl/workbook.xml').find((r) => r.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
  const xml = partText(parts, path);
  if (!xml) return [];
  const custom = new Map(startTags(xml, 'numFmt').map((a) => [Number(a.numFmtId), a.formatCode ?? '']));
  // Content up to the next cellXfs tag only (an unrolled loop): linear even on a part full of unclosed ones.
  const cellXfs = /<(?:[\w.-]+:)?cellXfs(?=[\s>])[^<>]*>([^<]*(?:<(?!\/?(?:[\w.-]+:)?cellXfs[\s>])[^<]*)*)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return startTags(cellXfs, 'xf').map((a) => {
    const id = Number(a.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** A1 → 1-based row and column; null when it is not a cell address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  // The common case (`B12`, as every writer stores a cell's r) without a pattern: it runs for every cell.
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 3; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  let row = 0;
  const digits = i;
  for (; i < ref.length && i - digits < 7; i++) {
    const d = ref.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (i === ref.length && col > 0 && i > digits) return { row, col };
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export type CellRange = { top: number; left: number; bottom: number; right: number };

/** Excel's own bounds: no cell, range or table lies beyond them, whatever a file claims. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** A range, clamped to Excel's bounds (a table claiming A1:S9999999 is A1:S1048576); null when it is not one. */
export function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const from = parseA1(a);
  const to = parseA1(b);
  if (!from || !to) return null;
  const row = (n: number) => Math.min(Math.max(n, 1), EXCEL_MAX_ROWS);
  const col = (n: number) => Math.min(Math.max(n, 1), EXCEL_MAX_COLS);
  return { top: row(Math.min(from.row, to.row)), left: col(Math.min(from.col, to.col)), bottom: row(Math.max(from.row, to.row)), right: col(Math.max(from.col, to.col)) };
}

/** The non-empty cells of a sheet; `lastRow` is the lowest row holding one (0 when none), so a range can be clamped to what exists. */
export type SheetCells = {
  get(row: number, col: number): XlsxCell | undefined;
  readonly lastRow: number;
  /**
   * The rows holding a cell from `first` to `last`, ascending: a range is walked over these, so a
   * sheet with a handful of rows and one at 1,048,570 costs a handful of rows, not a million.
   */
  rowsBetween(first: number, last: number): number[];
  /** Every cell held, row by row. */
  each?(visit: (row: number, col: number, cell: XlsxCell) => void): void;
};

/** A cell's value from its type (`t`), its <v> text and its inline string. */
function cellValueOf(type: string, v: string | null, inline: string, strings: readonly string[]): XlsxValue {
  switch (type) {
    case 's':
      return v === null ? null : (strings[Number(v)] ?? null);
    case 'inlineStr':
      return decodeXstring(inline);
    case 'str':
      return v === null ? null : decodeXstring(v);
    case 'b':
      return v === null ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return { error: (v ?? '#N/A').trim() };
    case 'd':
      // ISO 8601 date cells (rare; Excel reads them, Strict files may have them): the date part as text.
      return v === null ? null : v.trim().slice(0, 10);
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

const CELL_ATTRIBUTES = ['r', 't', 's'] as const;

/** One shared cell for every formula never calculated (a ledger's helper columns: thousands of them). */
const FORMULA_WITHOUT_VALUE: XlsxCell = Object.freeze({ value: null, date: false, formula: true as const });

/** A row's number from its `r`: a positive integer, else null (the row then takes its first cell's row, or follows the previous one). */
export function rowNumberOf(r: string | undefined): number | null {
  const n = r === undefined ? NaN : Number(r);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Every non-empty cell of a worksheet part. A row without a usable `r` takes its first cell's row,
 * or follows the previous one; a cell without one follows the previous cell. A cell whose `r` names
 * another row than its own is refused as damage (no writer makes one, and the rewriters, which work
 * row by row, could not keep it where it was read).
 */
export function readSheetCells(xml: string, strings: readonly string[], dateXf: readonly boolean[]): SheetCells {
  const rows = new Map<number, Map<number, XlsxCell>>();
  let lastRow = 0;
  let row = 0;
  let col = 0;
  // The open cell, in locals rather than an object: this runs for every cell of the sheet.
  let inCell = false;
  let type = 'n';
  let style = 0;
  let v: string | null = null;
  let inline = '';
  let formula = false;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  /** The row has no usable r: its first cell's r, if any, gives its number. */
  let pending = false;
  const picked: (string | undefined)[] = [undefined, undefined, undefined];
  scanXml(xml, {
    open(name, a, start) {
      if (name === 'c') {
        a.pick(CELL_ATTRIBUTES, picked);
        const at = picked[0] ? parseA1(picked[0]) : null;
        if (at && at.row !== row) {
          if (!pending) throw new XmlScanError(`cell ${picked[0]} in row ${row}`, start);
          row = at.row;
        }
        pending = false;
        if (at) col = at.col;
        else col++;
        inCell = true;
        type = picked[1] ?? 'n';
        style = Number(picked[2] ?? 0);
        v = null;
        inline = '';
        formula = false;
      } else if (name === 'row') {
        const r = rowNumberOf(a.get('r'));
        pending = r === null;
        row = r ?? row + 1;
        col = 0;
      } else if (!inCell) {
        return;
      } else if (name === 'v') {
        capture = 'v';
        v = '';
      } else if (name === 'f') {
        formula = true;
      } else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && inInline && phonetic === 0) capture = 't';
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'c' && inCell) {
        const value = cellValueOf(type, v, inline, strings);
        // A cell beyond Excel's bounds does not exist in any workbook Excel could open.
        // A formula cell is kept even without a result: a rewrite must know a formula was there.
        if (((value !== null && value !== '') || formula) && row <= EXCEL_MAX_ROWS && col <= EXCEL_MAX_COLS) {
          if (row > lastRow) lastRow = row;
          let line = rows.get(row);
          if (!line) rows.set(row, (line = new Map()));
          if (formula && (value === null || value === '')) line.set(col, FORMULA_WITHOUT_VALUE);
          else {
            const kept: XlsxCell = { value: value === '' ? null : value, date: typeof value === 'number' && dateXf[style] === true };
            if (formula) kept.formula = true;
            line.set(col, kept);
          }
        }
        inCell = false;
      } else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
    },
    wantsText: () => inCell && capture !== null,
    text(t) {
      if (capture === 'v') v += t;
      else inline += t;
    },
  });
  let sorted: number[] | null = null;
  return {
    get: (r, c) => rows.get(r)?.get(c),
    lastRow,
    rowsBetween: (first, last) => rowsIn((sorted ??= [...rows.keys()].sort((a, b) => a - b)), first, last),
    each: (visit) => rows.forEach((line, r) => line.forEach((c, col) => visit(r, col, c))),
  };
}

/** The entries of ascending `sorted` from `first` to `last`, found by binary search. */
export function rowsIn(sorted: readonly number[], first: number, last: number): number[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < first) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < sorted.length && sorted[i] <= last; i++) out.push(sorted[i]);
  return out;
}

/** An Excel table (ListObject) as the package describes it. */
export type TablePart = {
  name: string;
  displayName: string;
  sheet: SheetRef;
  range: CellRange;
  headerRows: number;
  totalsRows: number;
  /** Column names left to right. */
  columns: string[];
};

/** What a table part says of itself: its own attributes, and each column's name and calculated formula. */
export type TablePartXml = { attrs: Record<string, string>; columns: { name: string; formula: string | null }[] };

/**
 * A table part read by the scanner (attributes with `>` in them, references, CDATA and comments in
 * the formulas all read as XML says); null when its root is not a table. Throws XmlScanError when the
 * part is not XML.
 */
export function tablePartOf(xml: string): TablePartXml | null {
  let attrs: Record<string, string> | null = null;
  const columns: TablePartXml['columns'] = [];
  let depth = 0;
  let column: TablePartXml['columns'][number] | null = null;
  let formula = false;
  scanXml(xml, {
    open(name, a) {
      depth++;
      if (depth === 1 && name === 'table') attrs = a.all();
      else if (depth === 3 && name === 'tableColumn' && attrs) columns.push((column = { name: decodeXstring(a.get('name') ?? ''), formula: null }));
      else if (depth === 4 && column && name === 'calculatedColumnFormula') {
        formula = true;
        column.formula = '';
      }
    },
    close() {
      if (depth === 4) formula = false;
      else if (depth === 3) column = null;
      depth--;
    },
    wantsText: () => formula,
    text(t) {
      column!.formula += t;
    },
  });
  return attrs ? { attrs, columns } : null;
}

/** Excel's tables have a header row or none, a totals row or none: a larger count is not a table Excel made. */
const oneOrNone = (count: string | undefined, absent: number) => (count === undefined ? absent : Number(count) >= 1 ? 1 : 0);

/** Every table of the workbook, with the worksheet that owns it (through the sheet's table parts). */
export function tablesOf(parts: XlsxParts): TablePart[] {
  const tables: TablePart[] = [];
  for (const sheet of worksheets(parts)) {
    for (const rel of relationshipsOf(parts, sheet.path)) {
      if (!rel.type.endsWith('/table')) continue;
      const xml = partText(parts, rel.target);
      const part = xml ? tablePartOf(xml) : null;
      if (!part) continue;
      const a = part.attrs;
      const range = parseRange(a.ref ?? '');
      if (!range) continue;
      // Header and totals rows inside the range: a count larger than the range leaves no body.
      const headerRows = Math.min(oneOrNone(a.headerRowCount, 1), range.bottom - range.top + 1);
      tables.push({
        name: a.name ?? '',
        displayName: a.displayName ?? a.name ?? '',
        sheet,
        range,
        headerRows,
        totalsRows: Math.min(oneOrNone(a.totalsRowCount, 0), range.bottom - range.top + 1 - headerRows),
        columns: part.columns.map((c) => c.name),
      });
    }
  }
  return tables;
}

/** A table by name, ignoring case as Excel does (a user may only change the display name). */
export function findTable(tables: readonly TablePart[], name: string): TablePart | undefined {
  const key = name.toLowerCase();
  return tables.find((t) => t.displayName.toLowerCase() === key) ?? tables.find((t) => t.name.toLowerCase() === key);
}
