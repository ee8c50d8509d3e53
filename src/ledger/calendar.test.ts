import fc from 'fast-check';
import { addWorkdays, coverageWarning, createCalendar, defaultCalendar, workdaysBetween, workdaysBetweenDays } from './calendar';
import type { WorkCalendar } from './calendar';
import { addDays, epochDayToIso, isoToEpochDay } from './dates';

const cal = defaultCalendar();
const day = (iso: string): number => isoToEpochDay(iso) as number;

/** The slow, obviously right count: step day by day. */
function countSlowly(c: WorkCalendar, from: string, to: string): number {
  const a = day(from);
  const b = day(to);
  let n = 0;
  if (b >= a) for (let d = a + 1; d <= b; d++) n += c.isWorkday(d) ? 1 : 0;
  else for (let d = b + 1; d <= a; d++) n -= c.isWorkday(d) ? 1 : 0;
  return n;
}

describe('the chinese-days calendar', () => {
  test.each(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'])('%s (国庆/中秋) is a holiday', (iso) => {
    expect(cal.isWorkday(day(iso))).toBe(false);
  });

  test.each(['2025-09-28', '2025-10-11'])('%s (a Sunday/Saturday 调休) is a working day', (iso) => {
    expect(cal.isWorkday(day(iso))).toBe(true);
  });

  test.each([
    ['2025-10-09', true], // Thursday
    ['2025-10-12', false], // Sunday
    ['2024-02-10', false], // 春节
    ['2024-02-04', true], // Sunday 调休
  ])('%s working day: %s', (iso, expected) => {
    expect(cal.isWorkday(day(iso))).toBe(expected);
  });

  test('the 10th working day after 2025-09-26 is 2025-10-16', () => {
    expect(addWorkdays(cal, '2025-09-26', 10)).toEqual({ date: '2025-10-16', warning: null });
  });

  test('the covered years are read off the data: 2004 up to the last year with holidays', () => {
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBeGreaterThanOrEqual(2026);
    // The year after the last covered one is plain Monday–Friday: its New Year's Day is "worked".
    const next = `${cal.lastYear + 1}-01-01`;
    const weekday = new Date(`${next}T00:00:00Z`).getUTCDay();
    expect(cal.isWorkday(day(next))).toBe(weekday !== 0 && weekday !== 6);
  });

  test('defaultCalendar is built once', () => {
    expect(defaultCalendar()).toBe(cal);
  });
});

describe('overrides from the 节假日 sheet', () => {
  test('休 and 班 win over the data', () => {
    const own = createCalendar([
      { date: '2025-10-09', type: '休', note: '单位调休' },
      { date: '2025-10-04', type: '班', note: '值班' },
    ]);
    expect(own.isWorkday(day('2025-10-09'))).toBe(false);
    expect(own.isWorkday(day('2025-10-04'))).toBe(true);
    expect(workdaysBetween(own, '2025-09-30', '2025-10-10').days).toBe(2); // 10-04 and 10-10
  });

  test('a later year entered by hand extends the covered range and its days count', () => {
    const year = defaultCalendar().lastYear + 1;
    const own = createCalendar([{ date: `${year}-01-01`, type: '休', note: '元旦' }]);
    expect(own.lastYear).toBe(year);
    expect(own.isWorkday(day(`${year}-01-01`))).toBe(false);
    expect(coverageWarning(own, `${year}-01-01`, `${year}-12-31`)).toBeNull();
  });

  test('an override with a bad date is API misuse', () => {
    expect(() => createCalendar([{ date: '2025/10/09', type: '休', note: '' }])).toThrow(RangeError);
  });
});

describe('counting working days', () => {
  test.each([
    ['2025-09-26', '2025-10-16', 10],
    ['2025-09-26', '2025-09-26', 0],
    ['2025-09-30', '2025-10-08', 0], // the whole 国庆 holiday
    ['2025-09-30', '2025-10-09', 1],
    ['2025-10-16', '2025-09-26', -10],
    ['2025-09-27', '2025-09-28', 1], // Saturday → the 调休 Sunday
  ])('from %s to %s: %i', (from, to, n) => {
    expect(workdaysBetween(cal, from, to)).toEqual({ days: n, warning: null });
  });

  test('agrees with a day-by-day count, inside and outside the covered years', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1995-01-01'), max: day('2035-12-31') }), fc.integer({ min: -800, max: 800 }), (from, span) => {
        const a = epochDayToIso(from);
        const b = epochDayToIso(from + span);
        expect(workdaysBetweenDays(cal, from, from + span)).toBe(countSlowly(cal, a, b));
      }),
    );
  });

  test('addWorkdays lands on a working day n working days away, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('2000-01-01'), max: day('2030-12-31') }), fc.integer({ min: -400, max: 400 }), (from, n) => {
        const start = epochDayToIso(from);
        const { date } = addWorkdays(cal, start, n);
        if (n === 0) expect(date).toBe(start);
        else {
          expect(cal.isWorkday(day(date))).toBe(true);
          // n > 0: n working days in (start, date]; n < 0: date is the |n|-th working day before start.
          if (n > 0) expect(workdaysBetween(cal, start, date).days).toBe(n);
          else expect(workdaysBetween(cal, addDays(date, -1), addDays(start, -1)).days).toBe(-n);
        }
      }),
    );
  });

  test('a calendar made elsewhere (a test double) is counted too', () => {
    const mondayToFriday: WorkCalendar = {
      firstYear: 2020,
      lastYear: 2020,
      isWorkday: (d) => ![0, 6].includes(new Date(d * 86_400_000).getUTCDay()),
    };
    expect(workdaysBetween(mondayToFriday, '2020-01-03', '2020-01-10').days).toBe(5);
    expect(addWorkdays(mondayToFriday, '2020-01-03', 1).date).toBe('2020-01-06');
  });

  test('working days must be a whole number', () => {
    expect(() => addWorkdays(cal, '2025-09-26', 1.5)).toThrow(RangeError);
    expect(() => workdaysBetween(cal, '2025-09-26', 'tomorrow')).toThrow(RangeError);
  });
});

describe('coverage warning', () => {
  const last = cal.lastYear;

  test('dates past the data come with "节假日数据仅覆盖至…年"', () => {
    const w = addWorkdays(cal, `${last}-12-28`, 10).warning;
    expect(w).toContain(`节假日数据仅覆盖至${last}年`);
    expect(w).toContain(`${last + 1}年1月1日至`);
    expect(workdaysBetween(cal, '2025-01-01', '2027-03-05').warning).toBe(
      `节假日数据仅覆盖至${last}年，${last + 1}年1月1日至2027年3月5日按周一至周五计算，请在“节假日”表补充`,
    );
  });

  test('2027 dates are counted Monday to Friday and warned about', () => {
    expect(coverageWarning(cal, '2027-05-01', '2027-05-01')).toBe(`节假日数据仅覆盖至${last}年，2027年5月1日按周一至周五计算，请在“节假日”表补充`);
    expect(workdaysBetween(cal, '2027-04-30', '2027-05-03').days).toBe(1); // 劳动节 not known: only Monday counts
  });

  test('dates before the data are warned about too', () => {
    expect(coverageWarning(cal, '2003-12-01', '2004-01-05')).toContain('2003年12月1日至2003年12月31日');
  });

  test('no warning inside the covered years, in either order', () => {
    expect(coverageWarning(cal, '2004-01-01', `${last}-12-31`)).toBeNull();
    expect(coverageWarning(cal, `${last}-12-31`, '2004-01-01')).toBeNull();
  });
});
