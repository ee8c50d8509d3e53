import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCalendar, defaultCalendar } from '../calendar';
import { ymdToEpochDay, ymdToSerial } from '../dates';
import { isLedgerError } from '../errors';
import { blankLike, dayCounter, daysLeftInto, deadlineInto, lightInto, statusInto, type CellGrid } from '../stats';
import { EMPTY_ROUND, type Ledger, type MeasureRow, type ProblemRow } from '../types';
import { daysLeft, ledgerMetrics, lightOf, problemStatuses } from './ledger-metrics';

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const flat = (grid: unknown[][]): unknown[] => grid.map((row) => {
  const v = row[0];
  return isLedgerError(v) ? v.code : v;
});
const day = (y: number, m: number, d: number) => ymdToEpochDay(y, m, d);
const serial = (y: number, m: number, d: number) => ymdToSerial(y, m, d);
const calendarDays = dayCounter('calendar');
const workdays = dayCounter('workdays', defaultCalendar());

function daysLeftOf(cells: CellGrid, asOf: number, counter = calendarDays): unknown[] {
  return flat(daysLeftInto(blankLike(cells), cells, { asOf, counter }));
}

describe('daysLeftInto (ZG.DAYSLEFT)', () => {
  const asOf = day(2025, 9, 26); // a Friday before the 2025 National Day holiday
  it.each([
    ['an Excel date', serial(2025, 10, 16), 20, 10],
    ['the same day', serial(2025, 9, 26), 0, 0],
    ['a date with a time of day', serial(2025, 9, 27) + 0.75, 1, 0],
    ['through the holiday (9-28 Sunday is a 调休 working day)', serial(2025, 10, 8), 12, 3],
    ['overdue: negative', serial(2025, 9, 22), -4, -4],
    ['deadline text', '2025年10月底前', 35, 0],
    ['a date typed as text', '2025-10-16', 20, 10],
    ['a text number (a date that lost its format)', String(serial(2025, 10, 16)), 20, 10],
  ])('%s', (_, value, calendar, working) => {
    expect(daysLeftOf(col(value), asOf)).toEqual([calendar]);
    if (typeof value === 'number' && working !== 0) expect(daysLeftOf(col(value), asOf, workdays)).toEqual([working]);
  });

  it('working days through the 2025 National Day holiday', () => {
    // 9-28 (Sun) and 10-11 (Sat) are worked; 10-01…10-08 are off: 9-28, 9-29, 9-30, 10-09, 10-10, 10-11.
    expect(daysLeftOf(col(serial(2025, 9, 28), serial(2025, 10, 8), serial(2025, 10, 11), serial(2025, 10, 16)), asOf, workdays)).toEqual([1, 3, 6, 10]);
  });

  it('holiday overrides from the 节假日 sheet move the count', () => {
    const withExtraDayOff = dayCounter('workdays', createCalendar([{ date: '2025-09-29', type: '休', note: '' }]));
    expect(daysLeftOf(col(serial(2025, 10, 16)), asOf, withExtraDayOff)).toEqual([9]);
  });

  it('blank rows stay blank, error values pass through, bad rows get their message', () => {
    const na = { code: '#N/A' };
    const out = daysLeftInto(blankLike(col('', null, na, '长期坚持', '尽快', 'abc', true)), col('', null, na, '长期坚持', '尽快', 'abc', true), {
      asOf,
      counter: calendarDays,
    });
    expect(out[0][0]).toBe('');
    expect(out[1][0]).toBe('');
    expect(out[2][0]).toBe(na);
    expect(flat(out).slice(3)).toEqual(['noDeadline', 'unresolvedDeadline', 'badDeadline', 'badDeadline']);
  });

  it('writes in place when given the input as output, keeping the shape of a two-column block', () => {
    const cells: unknown[][] = [[serial(2025, 9, 27), serial(2025, 9, 30)], ['', serial(2025, 9, 25)]];
    const out = daysLeftInto(cells, cells, { asOf, counter: calendarDays });
    expect(out).toBe(cells);
    expect(cells).toEqual([[1, 4], ['', -1]]);
  });
});

describe('lightInto (ZG.LIGHT)', () => {
  const asOf = day(2022, 10, 18);
  const lights = (deadlines: unknown[][], statuses: unknown[][], flags: unknown[][] | null, warnDays: number | null = null, counter = calendarDays) => {
    const out = lightInto(blankLike(deadlines), deadlines, statuses, flags, { asOf, counter, warnDays });
    if (isLedgerError(out)) return out.code;
    return flat(out);
  };

  it.each([
    ['done is 蓝 whatever the deadline', serial(2022, 1, 1), '已完成', null, '蓝'],
    ['long-term without a date is 灰', '', '正在推进', '是', '灰'],
    ['长期坚持 as the deadline text is 灰', '长期坚持', '正在推进', null, '灰'],
    ['a status that says 长期坚持 without a date is 灰', '', '部分已整改，需要长期推进', null, '灰'],
    ['a passed deadline is 红', serial(2022, 10, 17), '正在推进', null, '红'],
    ['due today is 黄', serial(2022, 10, 18), '正在推进', null, '黄'],
    ['due in 7 days is 黄', serial(2022, 10, 25), '正在推进', null, '黄'],
    ['due in 8 days is 绿', serial(2022, 10, 26), '正在推进', null, '绿'],
    ['long-term with a milestone date is judged by the date', serial(2022, 10, 1), '正在推进', '是', '红'],
    ['deadline text', '2022年12月底前', '未启动', null, '绿'],
    ['基本完成 is not done', serial(2022, 10, 1), '基本完成', null, '红'],
    ['no deadline and no flag: missingDeadline', '', '正在推进', '否', 'missingDeadline'],
    ['尽快 needs a person', '尽快', '正在推进', null, 'unresolvedDeadline'],
    ['a blank row stays blank', '', '', null, ''],
    ['a number as status is an error', serial(2022, 12, 1), 3, null, 'badStatus'],
    ['a flag that is no flag', '', '正在推进', 5, 'badFlag'],
  ])('%s', (_, deadline, status, flag, expected) => {
    expect(lights(col(deadline), col(status), flag === null ? null : col(flag))).toEqual([expected]);
  });

  it('warnDays and working days: default 3 working days', () => {
    // 2022-10-18 is a Tuesday: Fri 10-21 is 3 working days away, Mon 10-24 is 4.
    expect(lights(col(serial(2022, 10, 21), serial(2022, 10, 24)), col('', ''), null, null, workdays)).toEqual(['黄', '绿']);
    expect(lights(col(serial(2022, 10, 24)), col(''), null, 4, workdays)).toEqual(['黄']);
    expect(lights(col(serial(2022, 10, 20)), col(''), null, 1)).toEqual(['绿']);
  });

  it('one flag cell applies to every row', () => {
    expect(lights(col('', ''), col('正在推进', '已完成'), [['是']])).toEqual(['灰', '蓝']);
  });

  it('ranges of different size are a sizeMismatch', () => {
    expect(lights(col(1, 2), col('a', 'b', 'c'), null)).toBe('sizeMismatch');
  });
});

describe('deadlineInto (ZG.DEADLINE) and statusInto (ZG.STATUS) on the fixture reports', () => {
  type Item = { status_phrase: string | null; status: string; deadline_phrase: string | null; deadline: string | null };
  type Gold = { report_date: string; aspects: { problems: { items: Item[] }[] }[] };
  const dir = join(__dirname, '../../../test/fixtures/reports');
  const golds: [string, Gold][] = ['000_864535028c48d981', '002_03096bf25862ec47', '004_6ea2e224f2d0a03a'].map((name) => [
    name,
    JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8')) as Gold,
  ]);

  it.each(golds)('%s: every deadline phrase gives the gold date', (_, gold) => {
    const items = gold.aspects.flatMap((a) => a.problems.flatMap((p) => p.items)).filter((i) => i.deadline_phrase);
    const [y, m, d] = gold.report_date.split('-').map(Number);
    const cells = col(...items.map((i) => i.deadline_phrase));
    const out = flat(deadlineInto(blankLike(cells), cells, { ref: day(y, m, d) }));
    const expected = items.map((i) => {
      const [yy, mm, dd] = (i.deadline as string).split('-').map(Number);
      return serial(yy, mm, dd);
    });
    expect(out).toEqual(expected);
  });

  const DONE = new Set(['done', 'done_long_term']);
  it.each(golds)('%s: every status phrase is done exactly when the gold says so', (_, gold) => {
    const items = gold.aspects.flatMap((a) => a.problems.flatMap((p) => p.items)).filter((i) => i.status_phrase);
    const cells = col(...items.map((i) => i.status_phrase));
    const out = flat(statusInto(blankLike(cells), cells));
    expect(out.map((s) => s === '已完成')).toEqual(items.map((i) => DONE.has(i.status)));
  });

  it.each([
    ['2022年12月底前', serial(2022, 12, 31)],
    ['6月底前', serial(2022, 6, 30)],
    ['3个月内', serial(2022, 9, 17)],
    ['立行立改', serial(2022, 6, 17)],
    [serial(2023, 1, 5), serial(2023, 1, 5)],
    ['２０２２年１２月底', serial(2022, 12, 31)],
    ['长期坚持', 'noDeadline'],
    ['尽快', 'unresolvedDeadline'],
    ['截至2022年5月底', 'notADeadline'],
    ['abc', 'badDeadline'],
    ['', ''],
  ])('DEADLINE %p → %p', (text, expected) => {
    const cells = col(text);
    expect(flat(deadlineInto(blankLike(cells), cells, { ref: day(2022, 6, 17) }))).toEqual([expected]);
  });

  it.each([
    ['已完成并长期坚持；…正在推进', '正在推进'],
    ['此项问题已整改', '已完成'],
    ['取得阶段性成效', '基本完成'],
    ['部分单位已完成整改', '部分完成'],
    ['尚未整改', '未启动'],
    ['详见附件', '未标注'],
    [true, '已完成'],
    ['', ''],
    [12, 'badStatus'],
  ])('STATUS %p → %p', (text, expected) => {
    const cells = col(text);
    expect(flat(statusInto(blankLike(cells), cells))).toEqual([expected]);
  });
});

describe('ledger metrics over typed rows', () => {
  const problem = (id: string, longTerm = false, closeState: ProblemRow['closeState'] = '未申请'): ProblemRow => ({
    id, sourceNumber: '', category: '', description: id, source: '巡察反馈', leader: '', leadUnit: '', status: '未标注',
    longTerm, closeState, closeDate: null, note: '',
  });
  const measure = (id: string, problemId: string, status: MeasureRow['status'], deadline: string | null, doneDate: string | null = null, longTerm = false): MeasureRow => ({
    id, problemId, text: id, leader: '', unit: '', coUnits: '', owner: '', deadlineText: '', deadline, status, longTerm, doneDate,
    progress: '', evidence: '', closeState: status === '已完成' ? '已销号' : '未申请', closeDate: null, note: '',
  });
  const ledger: Ledger = {
    round: EMPTY_ROUND,
    problems: [problem('P001'), problem('P002', true), problem('P003')],
    measures: [
      measure('P001-M01', 'P001', '已完成', '2022-09-30', '2022-09-20'),
      measure('P001-M02', 'P001', '已完成', '2022-09-30', '2022-10-05'),
      measure('P002-M01', 'P002', '已完成', '2022-12-31', '2022-10-01'),
      measure('P002-M02', 'P002', '正在推进', '2022-10-01', null, true), // makes P002 长期坚持 in the roll-up
      measure('P003-M01', 'P003', '基本完成', null, null, true),
    ],
  };

  it('rolls problems up to their weakest measure', () => {
    expect(Object.fromEntries(problemStatuses(ledger))).toEqual({ P001: '已完成', P002: '正在推进', P003: '基本完成' });
  });

  it('computes every §7 metric', () => {
    expect(ledgerMetrics(ledger, '2022-10-18', { digits: 2 })).toEqual({
      problems: 3, problemsDone: 1, problemRate: 0.3333,
      measures: 5, measuresDone: 3, measureRate: 0.6,
      problemsLongTerm: 2, longTermShare: 0.6667,
      measuresDue: 3, measuresOnTime: 1, onTimeRate: 0.3333,
      overdue: 1, closed: 3, closeRate: 0.6,
    });
    expect(ledgerMetrics(ledger, '2022-10-18', { countBasic: true }).problemsDone).toBe(2);
  });

  it('days left and the light of one item', () => {
    expect(daysLeft('2025-10-16', '2025-09-26', 'workdays')).toBe(10);
    expect(daysLeft('2025-10-16', '2025-09-26')).toBe(20);
    expect(lightOf({ status: '正在推进', deadline: '2022-10-20', longTerm: false }, '2022-10-18')).toBe('黄');
    expect(lightOf({ status: '正在推进', deadline: null, longTerm: true }, '2022-10-18')).toBe('灰');
    expect(lightOf({ status: '已完成', deadline: '2022-01-01', longTerm: false }, '2022-10-18')).toBe('蓝');
    const none = lightOf({ status: '正在推进', deadline: null, longTerm: false }, '2022-10-18');
    expect(isLedgerError(none) && none.code).toBe('missingDeadline');
  });
});

describe('property: per-row scans never throw and keep the shape', () => {
  const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('长期坚持'), fc.constant('2022年12月底前'), fc.record({ code: fc.constant('#N/A') }));
  it('for any column', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 15 }), fc.array(cell, { maxLength: 15 }), fc.integer({ min: -30000, max: 80000 }), (a, b, asOf) => {
        const cells = col(...a);
        const statuses = col(...b);
        for (const out of [
          daysLeftInto(blankLike(cells), cells, { asOf, counter: workdays }),
          deadlineInto(blankLike(cells), cells, { ref: asOf }),
          statusInto(blankLike(cells), cells),
        ]) expect(out).toHaveLength(a.length);
        const lights = lightInto(blankLike(cells), cells, statuses, null, { asOf, counter: calendarDays });
        if (!isLedgerError(lights)) {
          for (const [v] of lights) expect(typeof v === 'object' || ['', '蓝', '灰', '红', '黄', '绿'].includes(v as string)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
