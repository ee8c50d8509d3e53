import fc from 'fast-check';
import { addMonths, isoToSerial, serialToIso, ymdToSerial, FIRST_EXACT_SERIAL, formatChineseDate } from './dates';

describe('Excel serial ↔ date, in UTC', () => {
  test.each([
    [1970, 1, 1, 25569],
    [1900, 3, 1, 61],
    [2024, 3, 15, 45366],
    [2022, 12, 31, 44926],
    [2000, 2, 29, 36585],
  ])('%i-%i-%i is serial %i', (y, m, d, serial) => {
    expect(ymdToSerial(y, m, d)).toBe(serial);
    expect(serialToIso(serial)).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  });

  test('round-trips every serial from 1900-03-01 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_EXACT_SERIAL, max: 2_958_465 }), (serial) => {
        expect(isoToSerial(serialToIso(serial))).toBe(serial);
      }),
    );
  });

  test('a time of day never moves the date', () => {
    expect(serialToIso(45366.99)).toBe('2024-03-15');
  });

  test('invalid ISO text gives null', () => {
    expect(isoToSerial('2023-02-29')).toBeNull();
    expect(isoToSerial('2024/03/15')).toBeNull();
  });

  test.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2022-02-15', 3, '2022-05-15'],
    ['2022-11-30', 3, '2023-02-28'],
    ['2022-03-31', -1, '2022-02-28'],
  ])('EDATE(%s, %i) = %s', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });

  test('Chinese date format', () => {
    expect(formatChineseDate('2024-03-15')).toBe('2024年3月15日');
  });
});
