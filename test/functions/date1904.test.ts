// The ZG.* functions in a workbook using the 1904 date system (Mac-origin files), where Excel hands
// them every date cell 1,462 lower than in a 1900 workbook. With the runtime flag the pane sets
// (setFunctionDateSystem, fed by boot.ts from DATE(2000,1,1)), the same days give the same answers
// in both systems, and ZG.DEADLINE answers in the workbook's own serials.
import fc from 'fast-check';
import { FunctionError, setClock, setHolidayOverrides } from '../../src/functions/context';
import { cellIn1900, datesFrom1900, datesIn1900, functionDateSystem, setFunctionDateSystem } from '../../src/functions/dateSystem';
import * as zg from '../../src/functions/zg';
import { DATE_1904_OFFSET, ymdToSerial, type DateSystem } from '../../src/ledger/dates';
import { isLedgerError } from '../../src/ledger/errors';
import { feedHolidaysToFunctions } from '../../src/taskpane/boot';
import type { ExcelRunner } from '../../src/workbook/excelSelect';
import { createExcelStore } from '../../src/workbook/excelStore';
import { FakeContext } from '../workbook/fakeContext';
import { createExcelMock, FakeModel } from '../workbook/fakeExcel';

const OFF = DATE_1904_OFFSET;
const s = ymdToSerial;
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

beforeAll(() => setClock(() => new Date(2022, 9, 18, 10))); // 2022-10-18
afterAll(() => setClock(null));
afterEach(() => setFunctionDateSystem('1900'));

/** A cell as a 1904 workbook stores the same content: numbers (and text numbers) 1,462 lower. */
function as1904(v: unknown): unknown {
  if (typeof v === 'number') return v - OFF;
  if (typeof v === 'string' && /^\d+$/.test(v)) return String(Number(v) - OFF);
  return v;
}
const grid1904 = (g: unknown[][]) => g.map((row) => row.map(as1904));

/** Answers compared by value: error cells and whole-call errors by their code and message. */
function plain(answer: unknown): unknown {
  if (isLedgerError(answer)) return { error: answer.kind, message: answer.message };
  if (answer instanceof FunctionError) return { error: answer.code, message: answer.message };
  if (Array.isArray(answer)) return answer.map(plain);
  return answer;
}

/** Runs `call` with the flag set to `system`; the functions write into their arguments, so each run gets its own. */
function inSystem<T>(system: DateSystem, call: () => T): unknown {
  setFunctionDateSystem(system);
  try {
    return plain(call());
  } finally {
    setFunctionDateSystem('1900');
  }
}

describe('known days, both systems', () => {
  test.each<[string, () => unknown, (d: (v: number) => number) => unknown, unknown]>([
    // name, 1900 call, the same call given 1904 serials (d shifts a serial), answer
    ['DAYSLEFT to 2022-12-31', () => zg.daysLeft(col(s(2022, 12, 31))), () => zg.daysLeft(col(s(2022, 12, 31) - OFF)), [[74]]],
    ['DAYSLEFT with an as-of date', () => zg.daysLeft(col(s(2022, 12, 31)), s(2022, 12, 1)), () => zg.daysLeft(col(s(2022, 12, 31) - OFF), s(2022, 12, 1) - OFF), [[30]]],
    ['DAYSLEFT with an as-of cell [[…]]', () => zg.daysLeft(col(s(2022, 12, 31)), [[s(2022, 12, 1)]]), () => zg.daysLeft(col(s(2022, 12, 31) - OFF), [[s(2022, 12, 1) - OFF]]), [[30]]],
    ['OVERDUE', () => zg.overdue(col(s(2022, 9, 30), s(2022, 11, 30)), col('正在推进', '正在推进')), () => zg.overdue(col(s(2022, 9, 30) - OFF, s(2022, 11, 30) - OFF), col('正在推进', '正在推进')), 1],
    [
      'ONTIMERATE',
      () => zg.onTimeRate(col(s(2022, 9, 30), s(2022, 9, 30)), col(s(2022, 9, 29), s(2022, 10, 2)), col('已完成', '已完成')),
      () => zg.onTimeRate(col(s(2022, 9, 30) - OFF, s(2022, 9, 30) - OFF), col(s(2022, 9, 29) - OFF, s(2022, 10, 2) - OFF), col('已完成', '已完成')),
      0.5,
    ],
    ['LIGHT', () => zg.light(col(s(2022, 9, 30), s(2022, 10, 20), s(2023, 1, 1)), col('正在推进', '正在推进', '正在推进')), () => zg.light(col(s(2022, 9, 30) - OFF, s(2022, 10, 20) - OFF, s(2023, 1, 1) - OFF), col('正在推进', '正在推进', '正在推进')), [['红'], ['黄'], ['绿']]],
    ['a date that lost its format (text)', () => zg.daysLeft(col(String(s(2022, 12, 31)))), () => zg.daysLeft(col(String(s(2022, 12, 31) - OFF))), [[74]]],
    ['1904-01-01, serial 0 in 1904', () => zg.daysLeft(col(s(1904, 1, 1)), s(1904, 1, 11)), () => zg.daysLeft(col(0), 10), [[-10]]],
  ])('%s', (_, in1900, in1904, expected) => {
    expect(inSystem('1900', in1900)).toEqual(expected);
    expect(inSystem('1904', () => in1904((v) => v - OFF))).toEqual(expected);
  });

  test('without the flag a 1904 workbook’s dates read four years early: the flag is what makes them right', () => {
    expect(plain(zg.daysLeft(col(s(2022, 12, 31) - OFF)))).toEqual([[74 - OFF]]);
    expect(plain(zg.overdue(col(s(2022, 11, 30) - OFF), col('正在推进')))).toBe(1);
  });

  test('DEADLINE answers in the workbook’s serials, so the cell shows the same day', () => {
    const text = () => col('2022年12月底前', s(2023, 3, 15), '3个月内', '长期坚持');
    const in1900 = inSystem('1900', () => zg.deadline(text(), s(2022, 10, 18))) as unknown[][];
    const in1904 = inSystem('1904', () => zg.deadline(grid1904(text()), s(2022, 10, 18) - OFF)) as unknown[][];
    expect(in1900.slice(0, 3)).toEqual([[s(2022, 12, 31)], [s(2023, 3, 15)], [s(2023, 1, 18)]]);
    expect(in1904).toEqual(in1900.map(([v]) => [typeof v === 'number' ? v - OFF : v]));
  });

  test('SUMMARY counts the overdue rows of a 1904 table as of today', () => {
    const table = () => [
      ['问题编号', '措施编号', '整改状态', '截止日期'],
      ['P1', 'P1-M1', '正在推进', s(2022, 9, 30)],
      ['P1', 'P1-M2', '已完成', s(2022, 9, 30)],
      ['P2', 'P2-M1', '正在推进', s(2022, 12, 31)],
    ];
    const in1900 = inSystem('1900', () => zg.summary(table()));
    expect(in1900).toMatch(/逾期未完成1条/);
    const shifted = table().map((row, r) => (r === 0 ? row : row.map((v, c) => (c === 3 ? as1904(v) : v))));
    expect(inSystem('1904', () => zg.summary(shifted))).toBe(in1900);
  });

  test('a 1904 date block is copied, not changed under another argument that shares it', () => {
    const block = col(s(2022, 12, 31) - OFF);
    expect(datesIn1900(block, '1904')).toEqual(col(s(2022, 12, 31)));
    expect(block).toEqual(col(s(2022, 12, 31) - OFF));
    expect(datesIn1900(block, '1900')).toBe(block);
  });

  test.each<[unknown, unknown]>([[-3, -3], ['', ''], [null, null], [true, true], ['长期坚持', '长期坚持'], ['2022-12-31', '2022-12-31'], [0, OFF], ['100', 100 + OFF]])('cell %p in 1904 → %p', (v, expected) => {
    expect(cellIn1900(v, '1904')).toEqual(expected);
    expect(cellIn1900(v, '1900')).toBe(v);
  });

  test('DEADLINE’s error cells and texts pass back untouched', () => {
    const error = new FunctionError('#VALUE!', 'x');
    expect(datesFrom1900([[s(2022, 12, 31)], [error], ['']], '1904')).toEqual([[s(2022, 12, 31) - OFF], [error], ['']]);
  });
});

describe('any ledger: the flag makes 1904 serials answer as 1900 ones', () => {
  // Dates from 1904-01-01 (serial 0 in 1904) to 9999-12-31, some with a time of day; text deadlines;
  // text numbers (dates that lost their format); blanks.
  const serial = fc.oneof(fc.integer({ min: OFF, max: 2_958_465 }), fc.integer({ min: 40_000, max: 50_000 }).map((n) => n + 0.5));
  const deadlineCell = fc.oneof(
    serial,
    serial.map((n) => String(Math.floor(n))),
    fc.constantFrom('', '2022年12月底前', '长期坚持', '近期', '3个月内', '2023-01-15', '截至目前'),
  );
  const statusCell = fc.constantFrom('已完成', '正在推进', '基本完成', '', '未启动');
  const asOf = fc.option(fc.integer({ min: 40_000, max: 50_000 }), { nil: null });
  const rows = fc.array(fc.tuple(deadlineCell, statusCell, fc.oneof(serial, fc.constant(''))), { minLength: 1, maxLength: 30 });

  test('DAYSLEFT, OVERDUE, ONTIMERATE, LIGHT, DEADLINE', () => {
    fc.assert(
      fc.property(rows, asOf, fc.boolean(), (data, day, workdays) => {
        const deadlines = () => data.map(([d]) => [d]);
        const statuses = () => data.map(([, st]) => [st]);
        const done = () => data.map(([, , f]) => [f]);
        const d1904 = day === null ? null : day - OFF;
        const same = (call: (shift: boolean) => unknown, back = false) => {
          const a = inSystem('1900', () => call(false));
          const b = inSystem('1904', () => call(true));
          const expected = back ? (a as unknown[][]).map((row) => row.map((v) => (typeof v === 'number' ? v - OFF : v))) : a;
          expect(b).toEqual(expected);
        };
        const dl = (shift: boolean) => (shift ? grid1904(deadlines()) : deadlines());
        const at = (shift: boolean) => (shift ? d1904 : day);
        same((x) => zg.daysLeft(dl(x), at(x), workdays));
        same((x) => zg.overdue(dl(x), statuses(), at(x)));
        same((x) => zg.onTimeRate(dl(x), x ? grid1904(done()) : done(), statuses(), at(x), 4));
        same((x) => zg.light(dl(x), statuses(), null, at(x), null, workdays));
        same((x) => zg.deadline(dl(x), at(x)), true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the pane sets the flag (boot.ts), in the same runtime', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    setHolidayOverrides([]);
    warn.mockRestore();
  });

  async function workbook(date1904: boolean) {
    const model = new FakeModel();
    model.date1904 = date1904;
    const excel = createExcelMock(() => new FakeContext(model)) as unknown as ExcelRunner;
    await createExcelStore({ excel: excel as never, now: () => new Date(2025, 8, 26) }).createOrRepair();
    return { model, excel, table: model.table('ZG_Holidays') };
  }

  test('a 1904 workbook: the flag is set, Excel recalculates, and its 节假日 dates count on the right day', async () => {
    const { model, excel, table } = await workbook(true);
    // 2025-09-29, a Monday, as the 1904 workbook stores it.
    model.insertRows(table, [[s(2025, 9, 29) - OFF, '休', '单位调休']]);
    const stop = await feedHolidaysToFunctions(excel);
    try {
      expect(functionDateSystem()).toBe('1904');
      expect(model.calculations[0]).toBe('Recalculate');
      // chinese-days alone give 10 working days from 2025-09-26 to 2025-10-16; the day off makes 9.
      expect(plain(zg.daysLeft(col(s(2025, 10, 16) - OFF), s(2025, 9, 26) - OFF, true))).toEqual([[9]]);
    } finally {
      await stop();
    }
  });

  test('a 1900 workbook: the flag stays 1900 and nothing extra is recalculated', async () => {
    const { model, excel } = await workbook(false);
    const stop = await feedHolidaysToFunctions(excel);
    try {
      expect(functionDateSystem()).toBe('1900');
      expect(model.calculations).toEqual([]);
    } finally {
      await stop();
    }
  });

  test('a date system changed while the workbook is open is found after the next recalculation, and the 节假日 are re-read in it', async () => {
    const { model, excel, table } = await workbook(false);
    // Stored as 2021-10-13 (1900); the same cell reads 2025-10-14, a Tuesday, once the workbook counts from 1904.
    model.insertRows(table, [[s(2021, 10, 13), '休', '单位调休']]);
    const stop = await feedHolidaysToFunctions(excel);
    try {
      expect(functionDateSystem()).toBe('1900');
      const left = () => plain(zg.daysLeft(col(s(2025, 10, 16) - OFF), s(2025, 10, 9) - OFF, true)) as number[][];
      const before = inSystem('1904', left) as number[][];
      const recalculations = model.calculations.length;

      // The user ticks 使用 1904 日期系统; Excel tells the add-in nothing until it recalculates.
      model.date1904 = true;
      await model.raiseCalculated();
      expect(functionDateSystem()).toBe('1904');
      expect(model.calculations.slice(recalculations)).toContain('Recalculate');
      // The row now means 2025-10-14: one working day fewer in that week.
      expect(left()).toEqual([[before[0][0] - 1]]);

      // And back.
      model.date1904 = false;
      await model.raiseCalculated();
      expect(functionDateSystem()).toBe('1900');
      expect(inSystem('1904', left)).toEqual(before);
    } finally {
      await stop();
    }
    expect(model.calculatedHandlers.size).toBe(0);
  });

  test('a recalculation that changes nothing costs one probe and no further recalculation', async () => {
    const { model, excel } = await workbook(true);
    const stop = await feedHolidaysToFunctions(excel);
    try {
      const syncs = model.syncs;
      const recalculations = model.calculations.length;
      await model.raiseCalculated();
      expect(model.syncs - syncs).toBe(1);
      expect(model.calculations).toHaveLength(recalculations);
      expect(functionDateSystem()).toBe('1904');
    } finally {
      await stop();
    }
  });

  test('a probe Excel refuses leaves the functions on 1900 and the 节假日 feed still starts', async () => {
    const { model, excel, table } = await workbook(false);
    model.insertRows(table, [[s(2025, 9, 29), '休', '单位调休']]);
    let first = true;
    const flaky = {
      run: (...args: unknown[]) => {
        if (first) {
          first = false;
          return Promise.reject(new Error('GeneralException'));
        }
        return (excel.run as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    } as unknown as ExcelRunner;
    const stop = await feedHolidaysToFunctions(flaky);
    try {
      expect(functionDateSystem()).toBe('1900');
      expect(warn).toHaveBeenCalledWith('日期系统', expect.any(Error));
      expect(plain(zg.daysLeft(col(s(2025, 10, 16)), s(2025, 9, 26), true))).toEqual([[9]]);
    } finally {
      await stop();
    }
  });
});
