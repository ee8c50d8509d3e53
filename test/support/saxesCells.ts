// The sheet reader as it was before ./xmlScan: saxes, a complete XML parser, driving the same
// handlers. Kept as the oracle the fast scanner is checked against (sheetCells.test.ts) and as the
// "general XML parser" the bench compares it with.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { decodeXstring, EXCEL_MAX_COLS, EXCEL_MAX_ROWS, parseA1, rowNumberOf, rowsIn, type SheetCells, type XlsxCell, type XlsxValue } from '../../src/workbook/xlsx/sheetCells';

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function scan(xml: string, handlers: { open(name: string, attrs: Record<string, string>): void; close(name: string): void; text(t: string): void }): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  parser.write(xml).close();
}

/** The shared-string table's texts, read by saxes. */
export function saxesSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  scan(xml, {
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
    text(t) {
      if (inText) text += t;
    },
  });
  return strings;
}

type OpenCell = { row: number; col: number; type: string; style: number; v: string | null; inline: string; formula: boolean };

function cellValueOf(c: OpenCell, strings: readonly string[]): XlsxValue {
  switch (c.type) {
    case 's':
      return c.v === null ? null : (strings[Number(c.v)] ?? null);
    case 'inlineStr':
      return decodeXstring(c.inline);
    case 'str':
      return c.v === null ? null : decodeXstring(c.v);
    case 'b':
      return c.v === null ? null : c.v.trim() === '1' || c.v.trim().toLowerCase() === 'true';
    case 'e':
      return { error: (c.v ?? '#N/A').trim() };
    case 'd':
      return c.v === null ? null : c.v.trim().slice(0, 10);
    default: {
      if (c.v === null || c.v.trim() === '') return null;
      const n = Number(c.v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** Every non-empty cell of a worksheet part, read by saxes. */
export function saxesSheetCells(xml: string, strings: readonly string[], dateXf: readonly boolean[]): SheetCells {
  const rows = new Map<number, Map<number, XlsxCell>>();
  let lastRow = 0;
  let row = 0;
  let col = 0;
  let cell: OpenCell | null = null;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let pending = false;
  scan(xml, {
    open(name, a) {
      if (name === 'row') {
        const r = rowNumberOf(a.r);
        pending = r === null;
        row = r ?? row + 1;
        col = 0;
      } else if (name === 'c') {
        const at = a.r ? parseA1(a.r) : null;
        if (at && at.row !== row) {
          if (!pending) throw new Error(`cell ${a.r} in row ${row}`);
          row = at.row;
        }
        pending = false;
        if (at) col = at.col;
        else col++;
        cell = { row, col, type: a.t ?? 'n', style: Number(a.s ?? 0), v: null, inline: '', formula: false };
      } else if (!cell) {
        return;
      } else if (name === 'f') {
        cell.formula = true;
      } else if (name === 'v') {
        capture = 'v';
        cell.v = '';
      } else if (name === 'is') inInline = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && inInline && phonetic === 0) capture = 't';
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const value = cellValueOf(cell, strings);
        if (((value !== null && value !== '') || cell.formula) && cell.row <= EXCEL_MAX_ROWS && cell.col <= EXCEL_MAX_COLS) {
          if (cell.row > lastRow) lastRow = cell.row;
          let line = rows.get(cell.row);
          if (!line) rows.set(cell.row, (line = new Map()));
          const kept: XlsxCell = { value: value === '' ? null : value, date: typeof value === 'number' && dateXf[cell.style] === true };
          if (cell.formula) kept.formula = true;
          line.set(cell.col, kept);
        }
        cell = null;
      }
    },
    text(t) {
      if (!cell) return;
      if (capture === 'v') cell.v += t;
      else if (capture === 't') cell.inline += t;
    },
  });
  const sorted = () => [...rows.keys()].sort((a, b) => a - b);
  return {
    get: (r, c) => rows.get(r)?.get(c),
    lastRow,
    rowsBetween: (first, last) => rowsIn(sorted(), first, last),
    each: (visit) => rows.forEach((line, r) => line.forEach((c, cl) => visit(r, cl, c))),
  };
}
