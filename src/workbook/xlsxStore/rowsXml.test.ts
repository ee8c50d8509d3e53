// The rewriters' view of a sheet against the reader's: on generated worksheets written every way the
// format allows (comments and processing instructions holding `<row>` and `</c>`, CDATA, `>` and
// `r='…'` inside quoted values, rows and cells without r), splitting and joining keeps every cell,
// moving every row moves every cell with it, and a replaced cell is the only one that changes.
import fc from 'fast-check';
import { rows, sheetXml, style } from '../../../test/support/sheetXml';
import { readSheetCells, type SheetCells } from '../xlsx/sheetCells';
import { cellXml, joinSheet, moveRow, splitSheet, withCells } from './rowsXml';

const STRINGS = ['问题编号', '甲 & 乙', ''];
const DATES = [false, true];

function cellMap(sheet: SheetCells, shift = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  sheet.each!((r, c, value) => out.set(`${r + shift},${c}`, value));
  return out;
}

const readable = (xml: string): SheetCells | null => {
  try {
    return readSheetCells(xml, STRINGS, DATES);
  } catch {
    return null;
  }
};

describe('splitSheet cuts rows and cells where the reader sees them', () => {
  test('split and joined: the same cells', () => {
    fc.assert(fc.property(rows, style, (data, st) => {
      const xml = sheetXml(data, st);
      const before = readable(xml);
      fc.pre(before !== null);
      expect(cellMap(readSheetCells(joinSheet(splitSheet(xml)), STRINGS, DATES))).toEqual(cellMap(before!));
    }), { numRuns: 300 });
  });

  test('every row moved down: every cell moved with it, nothing else', () => {
    fc.assert(fc.property(rows, style, fc.integer({ min: 1, max: 3 }), (data, st, by) => {
      const xml = sheetXml(data, st);
      const before = readable(xml);
      fc.pre(before !== null);
      const sheet = splitSheet(xml);
      const moved = { ...sheet, rows: sheet.rows.map((row) => moveRow(sheet.prefix, row, row.r + by)) };
      expect(cellMap(readSheetCells(joinSheet(moved), STRINGS, DATES))).toEqual(cellMap(before!, by));
    }), { numRuns: 300 });
  });

  test('one cell replaced: that cell changes, every other stays', () => {
    fc.assert(fc.property(rows, style, fc.nat(), fc.nat({ max: 5 }), (data, st, pick, col) => {
      const xml = sheetXml(data, st);
      const before = readable(xml);
      fc.pre(before !== null);
      const sheet = splitSheet(xml);
      fc.pre(sheet.rows.length > 0);
      const k = pick % sheet.rows.length;
      const row = sheet.rows[k];
      const ref = `${String.fromCharCode(65 + col)}${row.r}`;
      sheet.rows[k] = withCells(sheet.prefix, row, new Map([[col + 1, cellXml(sheet.prefix, ref, undefined, { kind: 'text', text: '新 <值> & ]]>' })]]));
      const expected = cellMap(before!);
      expected.set(`${row.r},${col + 1}`, { value: '新 <值> & ]]>', date: false });
      expect(cellMap(readSheetCells(joinSheet(sheet), STRINGS, DATES))).toEqual(expected);
    }), { numRuns: 300 });
  });

  test('duplicate and out-of-order rows: one row each, in order, the later cell winning as the reader reads it', () => {
    const xml = '<worksheet><sheetData><row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row><row r="2"><c r="A2"><v>9</v></c></row><row r="3"><c r="B3"><v>5</v></c><c r="C3"><v>6</v></c></row></sheetData></worksheet>';
    const sheet = splitSheet(xml);
    expect(sheet.rows.map((r) => r.r)).toEqual([2, 3]);
    const joined = joinSheet(sheet);
    expect(cellMap(readSheetCells(joined, [], []))).toEqual(cellMap(readSheetCells(xml, [], [])));
    expect(joined).toContain('<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>5</v></c><c r="C3"><v>6</v></c></row>');
  });
});
