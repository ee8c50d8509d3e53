import fc from 'fast-check';
import { formulaRefs, offsetFormula, shiftFormula } from './formulaRefs';
import { rowMap, rowMapOfShift } from './rowMap';

// Body rows 2…10 of columns A:E; a row inserted after row 5, or row 6 deleted.
const inserted = rowMap({ first: 2, last: 10, moved: [2, 3, 4, 5, 7, 8, 9, 10, 11], delta: 1, left: 1, right: 5 });
const deleted = rowMap({ first: 2, last: 10, moved: [2, 3, 4, 5, null, 6, 7, 8, 9], delta: -1, left: 1, right: 5 });

describe('shiftFormula', () => {
  test.each([
    ['A1', 'A1'], ['A5', 'A5'], ['A6', 'A7'], ['A10', 'A11'], ['A12', 'A13'], ['$A$6', '$A$7'], ['a6', 'a7'],
    ['SUM(A2:A10)', 'SUM(A2:A11)'], ['SUM(G2:G10)', 'SUM(G2:G11)'], ['SUM(A6:A8)', 'SUM(A7:A9)'], ['A6:A5', 'A7:A5'], ['SUM(A1:A5)', 'SUM(A1:A5)'],
    ['S!A6+T!A6', 'S!A7+T!A6'], ["'S'!$B$6:$C$12", "'S'!$B$7:$C$13"], ['s!A6', 's!A7'],
    ['"A6"&A6&"""A6"', '"A6"&A7&"""A6"'], ['S[[#This Row],[A6]]+A6', 'S[[#This Row],[A6]]+A7'],
    ['A:A+S!$B:$B', 'A:A+S!$B:$B'], ['SUM(6:6)+SUM(S!$12:$14)', 'SUM(7:7)+SUM(S!$13:$15)'],
    ['[1]S!A6+\'[1]S\'!A6+S1:S!A6', '[1]S!A6+\'[1]S\'!A6+S1:S!A6'], ['LOG10(A6)*1E+6+A6%', 'LOG10(A7)*1E+6+A7%'], ['#REF!+S!#REF!', '#REF!+S!#REF!'],
    ['_xlfn.XLOOKUP(A6,A2:A10,B2:B10)', '_xlfn.XLOOKUP(A7,A2:A11,B2:B11)'], ['{1,2;3,4}+A6#', '{1,2;3,4}+A7#'],
  ])('on the sheet, a row inserted after row 5: %s → %s', (formula, expected) => {
    expect(shiftFormula(formula, 'S', true, inserted)).toBe(expected);
  });

  test.each([
    ['A6', '#REF!'], ['S!A6', 'S!#REF!'], ['A7', 'A6'], ['A6:A6', '#REF!'], ['A5:A7', 'A5:A6'], ['A6:A7', 'A6:A6'], ['A12', 'A11'], ['SUM(A2:A10)', 'SUM(A2:A9)'], ['B1:B6', 'B1:B5'],
  ])('on the sheet, row 6 deleted: %s → %s', (formula, expected) => {
    expect(shiftFormula(formula, 'S', true, deleted)).toBe(expected);
  });

  test.each([
    ['A6+S!A6', 'A6+S!A7'], ["'S'!A6&'S x'!A6", "'S'!A7&'S x'!A6"], ['SUM(A2:A10)', 'SUM(A2:A10)'],
  ])('on another sheet: %s → %s', (formula, expected) => {
    expect(shiftFormula(formula, 'S', false, inserted)).toBe(expected);
  });

  test('sheet names with quotes, spaces and CJK', () => {
    expect(shiftFormula("'整改 台账'!A6+'O''B'!A6+整改台账!A6", '整改 台账', false, inserted)).toBe("'整改 台账'!A7+'O''B'!A6+整改台账!A6");
    expect(shiftFormula("'整改 台账'!A6+'O''B'!A6+整改台账!A6", "O'B", false, inserted)).toBe("'整改 台账'!A6+'O''B'!A7+整改台账!A6");
    expect(shiftFormula("'整改 台账'!A6+'O''B'!A6+整改台账!A6", '整改台账', false, inserted)).toBe("'整改 台账'!A6+'O''B'!A6+整改台账!A7");
  });
});

describe('offsetFormula (a shared formula read from another cell)', () => {
  test.each([
    ['A1', 1, 0, 'A2'], ['$A1', 0, 1, '$A1'], ['A$1', 2, 2, 'C$1'], ['A1', -1, 0, '#REF!'], ['S!A1:B2', 1, 1, 'S!B2:C3'],
    ['"A1"&A1', 1, 1, '"A1"&B2'], ['Z1', 0, 1, 'AA1'], ['A:A+1:1', 1, 1, 'B:B+2:2'], ['T[[#This Row],[x]]', 3, 0, 'T[[#This Row],[x]]'],
  ] as const)('%s moved by %i rows, %i columns → %s', (formula, dr, dc, expected) => {
    expect(offsetFormula(formula, dr, dc)).toBe(expected);
  });
});

describe('formulaRefs', () => {
  test.each([
    ["'[1]S'!A1", [[true, '[1]S']]], ['[1]S!A1', [[true, 'S']]], ['S1:S3!A1', [[true, 'S3']]], ["'O''B'!A1", [[false, "O'B"]]],
    ['LOG10(1)', []], ['1E+5+1.5e-3', []], ['#REF!+#N/A+#DIV/0!', []], ['T[A1]', []], ['A1#', [[false, null]]], ['TRUE+R1C1+ABCD1', []],
  ] as const)('%s', (formula, expected) => {
    expect(formulaRefs(formula).map((r) => [r.foreign, r.sheet])).toEqual(expected);
  });
});

// Pieces that never point into rows 2… of sheet S: rows above it, other sheets, whole columns, text.
const safePiece = fc.oneof(
  fc.constantFrom('A1', '$B$1', 'C1:D1', 'T!A6', "'S x'!B9:B12", '[1]S!A6', "'[2]S'!A6", 'S1:S!A6', 'A:A', 'S!$C:$D', '1:1', 'S!$1:$1', 'S[[#This Row],[列]]', 'S[@A6]', 'SUM', 'LOG10(1)', '1E+5', '#REF!', 'TRUE', '{1,"A6"}'),
  fc.string({ maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`),
  fc.nat(99).map(String),
);
const safeFormula = fc.array(fc.tuple(safePiece, fc.constantFrom('+', '&', ',', ' ', '*', '-', '/', '^', '=', '<>')), { maxLength: 12 })
  .map((parts) => `F(${parts.map(([p, op]) => p + op).join('')}0)`);

describe('properties', () => {
  test('garbage never throws, and a formula pointing at no moved row keeps its exact text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), (text, dr, dc) => {
      shiftFormula(text, 'S', true, inserted);
      shiftFormula(text, 'S', false, deleted);
      offsetFormula(text, dr, dc);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.array(fc.constantFrom('A', '1', '$', ':', '!', "'", '"', '[', ']', '#', '(', 'S', 'E', '+', '.', ' '), { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      expect(typeof shiftFormula(text, 'S', true, deleted)).toBe('string');
    }), { numRuns: 500 });
    fc.assert(fc.property(safeFormula, (formula) => {
      expect(shiftFormula(formula, 'S', true, inserted)).toBe(formula);
      expect(shiftFormula(formula, 'S', false, deleted)).toBe(formula);
    }), { numRuns: 300 });
  });

  test('long hostile formulas are read in one pass', () => {
    for (const unit of ['[', "'", '"', 'A1:', 'S!', '#', "'S'!", 'A', '1E']) {
      const text = unit.repeat(200_000 / unit.length);
      expect(typeof shiftFormula(text, 'S', true, inserted)).toBe('string');
      expect(typeof offsetFormula(text, 1, 1)).toBe('string');
    }
  });

  test.each([
    // [top, bottom], after, delta → [top, bottom] | null: a RowShift as a row map
    [[3, 13], 14, -2, [3, 12]], [[13, 20], 14, -2, [13, 18]], [[13, 14], 14, -2, null], [[2, 14], 14, 3, [2, 17]],
  ] as const)('rows %j with the body ending at %i, moved by %i → %j', (rows, after, delta, expected) => {
    const moved = rowMapOfShift({ after, delta, left: 1, right: 5 }).range(rows[0], rows[1], 1, 3);
    expect(moved && [moved.top, moved.bottom]).toEqual(expected);
  });
});
