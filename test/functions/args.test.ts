import { dateArg, digitsArg, flagArg, warnDaysArg } from '../../src/functions/args';
import { setHolidayOverrides } from '../../src/functions/context';
import * as zg from '../../src/functions/zg';
import { setMessageLocale, isLedgerError } from '../../src/ledger/errors';
import { ymdToEpochDay, ymdToSerial } from '../../src/ledger/dates';

const TODAY = ymdToEpochDay(2022, 10, 18);
const code = (v: unknown) => (isLedgerError(v) ? v.code : v);

describe('argument coercion', () => {
  it.each([
    [null, null], [undefined, null], ['', null], [2, 2], ['2', 2], [' 0 ', 0], [[[3]]], [10, 10],
    [11, 'badDigits'], [1.5, 'badDigits'], [-1, 'badDigits'], ['两位', 'badDigits'], [true, 'badDigits'], [[[1, 2]], 'badDigits'],
  ])('digits %p → %p', (input, expected = 3) => {
    expect(code(digitsArg(input))).toEqual(expected);
  });

  it.each([
    [null, false], [true, true], [false, false], [1, true], [0, false], ['是', true], ['否', false], ['Y', true], ['TRUE', true], ['✓', true],
    [[[true]], true], ['也许', 'badFlag'], [{ code: '#N/A' }, 'badFlag'],
  ])('flag %p → %p', (input, expected) => {
    expect(code(flagArg(input, 'workdays'))).toEqual(expected);
  });

  it.each([
    [null, TODAY], ['', TODAY], [ymdToSerial(2024, 3, 15), ymdToEpochDay(2024, 3, 15)], ['2024-03-15', ymdToEpochDay(2024, 3, 15)],
    ['2024/3/15', ymdToEpochDay(2024, 3, 15)], ['2024年3月15日', ymdToEpochDay(2024, 3, 15)], [String(ymdToSerial(2024, 3, 15)), ymdToEpochDay(2024, 3, 15)],
    ['2024-02-30', 'badDate'], ['明天', 'badDate'], [true, 'badDate'], [-5, 'badDate'], [[[1, 2]], 'badDate'],
  ])('date %p → %p', (input, expected) => {
    expect(code(dateArg(input, 'asOf', TODAY))).toEqual(expected);
  });

  it.each([[null, null], [0, 0], ['10', 10], [2.5, 2.5], [-1, 'badNumber'], ['x', 'badNumber']])('warnDays %p → %p', (input, expected) => {
    expect(code(warnDaysArg(input))).toEqual(expected);
  });

  it('messages name the argument in the message locale', () => {
    setMessageLocale('en');
    try {
      const e = dateArg('tomorrow', 'asOf', TODAY);
      expect(isLedgerError(e) && e.message).toBe('asOf: "tomorrow" is not a valid date; expected a date or text such as 2024-03-15');
    } finally {
      setMessageLocale('zh-CN');
    }
  });
});

describe('the 节假日 overrides the pane hands to the functions runtime', () => {
  afterEach(() => setHolidayOverrides([]));

  it('change working-day counts until cleared', () => {
    const args = [[[ymdToSerial(2025, 10, 16)]], ymdToSerial(2025, 9, 26), true] as const;
    expect(zg.daysLeft(...args)).toEqual([[10]]);
    setHolidayOverrides([{ date: '2025-09-29', type: '休', note: '单位调休' }]);
    expect(zg.daysLeft([[ymdToSerial(2025, 10, 16)]], ymdToSerial(2025, 9, 26), true)).toEqual([[9]]);
    setHolidayOverrides([]);
    expect(zg.daysLeft([[ymdToSerial(2025, 10, 16)]], ymdToSerial(2025, 9, 26), true)).toEqual([[10]]);
  });
});
