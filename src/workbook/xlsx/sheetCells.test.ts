import fc from 'fast-check';
import { decodeXstring, isDateFormatCode, parseA1, parseRange, readSheetCells, rowsIn } from './sheetCells';

describe('isDateFormatCode', () => {
  test.each([
    ['yyyy-mm-dd', true], ['yyyy"年"m"月"d"日"', true], ['[$-804]yyyy"年"m"月"d"日";@', true], ['m/d/yy h:mm', true],
    ['hh:mm:ss', true], ['[DBNum1][$-804]yyyy"年"m"月"', true],
    ['General', false], ['0', false], ['0.0%', false], ['#,##0.00', false], ['0.00E+00', false], ['"天"0', false],
    ['[Red]0.00', false], ['@', false], ['"截止日期"@', false], ['\\d0', false],
  ])('%s → %s', (code, isDate) => expect(isDateFormatCode(code)).toBe(isDate));
});

describe('addresses', () => {
  test.each([
    ['A1', { row: 1, col: 1 }], ['$B$12', { row: 12, col: 2 }], ['AA3', { row: 3, col: 27 }], ['xfd1048576', { row: 1048576, col: 16384 }],
  ])('%s', (ref, at) => expect(parseA1(ref)).toEqual(at));
  test.each(['', 'A', '1', 'A0x', 'R1C1', 'ABCD1'])('%j is not an address', (ref) => expect(parseA1(ref)).toBeNull());
  test('a range, in either corner order', () => {
    expect(parseRange('C3:A1')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRange('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
  });
});

test('ST_Xstring escapes', () => {
  expect(decodeXstring('第一行_x000A_第二行')).toBe('第一行\n第二行');
  expect(decodeXstring('_x005F_x0041_')).toBe('_x0041_');
  expect(decodeXstring('P001_x')).toBe('P001_x');
});

describe('readSheetCells', () => {
  const strings = ['问题编号', '拼音'];
  const dates = [false, true];

  test('every cell type, prefixed element names, rows and cells without r', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>甲</x:t></x:r><x:r><x:t>乙</x:t></x:r><x:rPh sb="0" eb="1"><x:t>jia</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="D2" s="1"><x:v>45366</x:v></x:c><x:c r="E2" t="b"><x:v>1</x:v></x:c><x:c r="F2" t="e"><x:v>#N/A</x:v></x:c>' +
      '<x:c r="G2" t="str"><x:f>A1&amp;"x"</x:f><x:v>a&amp;b</x:v></x:c><x:c r="H2"><x:f>1+1</x:f></x:c><x:c r="I2" t="d"><x:v>2024-03-15T00:00:00</x:v></x:c></x:row>' +
      '<x:row><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const cells = readSheetCells(xml, strings, dates);
    expect(cells.get(2, 1)).toEqual({ value: '问题编号', date: false });
    expect(cells.get(2, 2)).toEqual({ value: '甲乙', date: false });
    expect(cells.get(2, 4)).toEqual({ value: 45366, date: true });
    expect(cells.get(2, 5)?.value).toBe(true);
    expect(cells.get(2, 6)?.value).toEqual({ error: '#N/A' });
    expect(cells.get(2, 7)?.value).toBe('a&b');
    // A formula without a cached value: no value to read, but the cell is known to hold a formula.
    expect(cells.get(2, 8)).toEqual({ value: null, date: false, formula: true });
    expect(cells.get(2, 9)?.value).toBe('2024-03-15');
    expect(cells.get(3, 1)?.value).toBe(7);
  });

  test('malformed XML throws (the reader turns it into damagedXlsx); any text never hangs', () => {
    expect(() => readSheetCells('<worksheet><sheetData><row>', strings, dates)).toThrow();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          readSheetCells(text, strings, dates);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
        }
      }),
    );
  });
});

test('rowsIn: the held rows within a range, as a filter over them would give', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1_048_576 })), fc.integer({ min: 0, max: 1_048_577 }), fc.integer({ min: 0, max: 1_048_577 }), (rows, a, b) => {
      const sorted = [...rows].sort((x, y) => x - y);
      expect(rowsIn(sorted, a, b)).toEqual(sorted.filter((r) => r >= a && r <= b));
    }),
  );
});

test('a sheet with a cell at row 1,048,570 lists only the rows it holds', () => {
  const cells = readSheetCells('<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1048570"><c r="A1048570"><v>2</v></c></row></sheetData>', [], []);
  expect(cells.lastRow).toBe(1048570);
  expect(cells.rowsBetween(2, 1048576)).toEqual([2, 1048570]);
  expect(cells.rowsBetween(3, 1048569)).toEqual([]);
});
