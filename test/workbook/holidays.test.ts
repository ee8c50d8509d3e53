// The 节假日 table read into working-day overrides (src/workbook/excelHolidays.ts), against the fake
// object model of fakeExcel.ts / fakeContext.ts: parsing rows, reading the table in one sync, and
// watching it so edits reach the functions with one recalculation.
import fc from 'fast-check';
import { isoToEpochDay, ymdToSerial } from '../../src/ledger/dates';
import { setMessageLocale, type LedgerError } from '../../src/ledger/errors';
import type { HolidayOverride } from '../../src/ledger/types';
import { holidaysFromValues, readHolidays, readHolidayType, sheetOfAddress, watchHolidays, type HolidayRead } from '../../src/workbook/excelHolidays';
import { readText } from '../../src/workbook/cells';
import type { ExcelRunner } from '../../src/workbook/excelSelect';
import { createExcelStore } from '../../src/workbook/excelStore';
import { FakeContext } from './fakeContext';
import { createExcelMock, fakeTableId, FakeModel } from './fakeExcel';

const HEADERS = ['日期', '类型', '说明'];
const PLACE = { sheet: '节假日', firstRow: 2 };
const messages = (problems: readonly LedgerError[]) => problems.map((p) => p.message);

describe('rows of the 节假日 table', () => {
  test('dates in any form the sheet holds, 休/班 and the words people use for them, notes kept', () => {
    const { overrides, problems } = holidaysFromValues(
      HEADERS,
      [
        [ymdToSerial(2027, 1, 1), '休', '元旦'],
        ['2027/2/7', ' 班 ', '春节调休'],
        ['2027年2月8日', '放假', ''],
        [ymdToSerial(2027, 2, 9) + 0.5, '上班', ''], // a date with a time of day
        ['2027-02-10', 'Off', ''],
      ],
      PLACE,
    );
    expect(problems).toEqual([]);
    expect(overrides).toEqual([
      { date: '2027-01-01', type: '休', note: '元旦' },
      { date: '2027-02-07', type: '班', note: '春节调休' },
      { date: '2027-02-08', type: '休', note: '' },
      { date: '2027-02-09', type: '班', note: '' },
      { date: '2027-02-10', type: '休', note: '' },
    ]);
  });

  test('blank rows are skipped quietly; bad rows are skipped and named by their sheet row', () => {
    const { overrides, problems } = holidaysFromValues(
      HEADERS,
      [
        ['', '', ''], // row 2: the empty insert row of a new table
        ['', '', '下面是2027年的调休'], // row 3: a note alone is not a holiday
        ['2027-02-30', '休', ''], // row 4
        ['2027-03-01', '周末', ''], // row 5
        ['', '休', ''], // row 6
        [3_000_000, '班', ''], // row 7: past 9999-12-31, a number and not a date
        ['#N/A', '', ''], // row 8: both wrong
        ['2027-05-01', '休', '劳动节'], // row 9
      ],
      PLACE,
    );
    expect(overrides).toEqual([{ date: '2027-05-01', type: '休', note: '劳动节' }]);
    expect(messages(problems)).toEqual([
      '“节假日”表第4行：“2027-02-30”不是有效日期，该行未生效',
      '“节假日”表第5行：类型“周末”应为“休”（放假）或“班”（上班），该行未生效',
      '“节假日”表第6行：“”不是有效日期，该行未生效',
      '“节假日”表第7行：“3000000”不是有效日期，该行未生效',
      '“节假日”表第8行：“#N/A”不是有效日期，该行未生效',
      '“节假日”表第8行：类型“”应为“休”（放假）或“班”（上班），该行未生效',
    ]);
    expect(problems.every((p) => p.kind === '#VALUE!')).toBe(true);
  });

  test('messages follow the message locale', () => {
    setMessageLocale('en');
    try {
      const { problems } = holidaysFromValues(HEADERS, [['2027-03-01', '周末', '']], { sheet: '节假日', firstRow: 5 });
      expect(messages(problems)).toEqual(['Sheet 节假日, row 5: the type "周末" should be 休 (day off) or 班 (working day); the row is ignored']);
    } finally {
      setMessageLocale('zh-CN');
    }
  });

  test('columns are found by header, wherever the user moved them; extra columns are ignored', () => {
    const { overrides } = holidaysFromValues(['说明', '备注', '类型', '日期'], [['国庆', 'x', '休', '2027-10-08']], PLACE);
    expect(overrides).toEqual([{ date: '2027-10-08', type: '休', note: '国庆' }]);
    const noNote = holidaysFromValues(['类型', '日期'], [['班', '2027-10-09']], PLACE);
    expect(noNote).toEqual({ overrides: [{ date: '2027-10-09', type: '班', note: '' }], problems: [] });
  });

  test.each([
    [['日期', '说明'], '类型'],
    [['类型', '说明'], '日期'],
    [[], '日期'],
  ])('without a %p column nothing applies and the missing column is named', (headers, missing) => {
    const { overrides, problems } = holidaysFromValues(headers, [['2027-10-08', '休', '']], PLACE);
    expect(overrides).toEqual([]);
    expect(problems.map((p) => [p.code, p.params])).toEqual([['missingColumn', [missing]]]);
  });

  test('a date given twice keeps its later row; differing types are reported', () => {
    const same = holidaysFromValues(HEADERS, [['2027-10-08', '休', '旧'], ['2027-10-09', '班', ''], ['2027/10/8', '休', '新']], PLACE);
    expect(same).toEqual({
      overrides: [
        { date: '2027-10-09', type: '班', note: '' },
        { date: '2027-10-08', type: '休', note: '新' },
      ],
      problems: [],
    });
    const differing = holidaysFromValues(HEADERS, [['2027-10-09', '休', ''], ['2027-10-09', '班', '']], PLACE);
    expect(differing.overrides).toEqual([{ date: '2027-10-09', type: '班', note: '' }]);
    expect(messages(differing.problems)).toEqual(['“节假日”表第2行与第3行都是2027-10-09，类型不同，以第3行为准']);
  });

  test.each([
    ['休', '休'], ['班', '班'], [' 补 班 ', '班'], ['工作日', '班'], ['Workday', '班'], ['节假日', '休'],
    ['', null], ['调休', null], ['休/班', null], [1, null], [true, null], [null, null],
  ])('type %p → %p', (cell, type) => {
    expect(readHolidayType(cell)).toBe(type);
  });

  test.each([
    ['节假日!A2:C9', '节假日'],
    ["'节假日 (2)'!A2:C9", '节假日 (2)'],
    ["'O''Brien'!A1", "O'Brien"],
    ['A2:C9', '节假日'],
  ])('sheet of %p → %p', (address, sheet) => {
    expect(sheetOfAddress(address)).toBe(sheet);
  });

  test('garbage never throws; every non-blank row applies or is reported, and what applies is a real date', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.string(),
      fc.double({ noNaN: false }),
      fc.integer({ min: -10, max: 3_100_000 }),
      fc.boolean(),
      fc.constantFrom(null, undefined, '休', '班', '放假', '#N/A', '2027-02-30', '2027/2/7', '2027年2月8日'),
      fc.integer({ min: 36526, max: 73050 }).map((serial) => serial), // 2000–2099
    );
    const row = fc.tuple(cell, cell, cell);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 1000 }), (rows, firstRow) => {
        const { overrides, problems } = holidaysFromValues(HEADERS, rows, { sheet: '节假日', firstRow });
        expect(new Set(overrides.map((o) => o.date)).size).toBe(overrides.length);
        for (const o of overrides) {
          expect(isoToEpochDay(o.date)).not.toBeNull(); // what createCalendar requires, else it throws
          expect(['休', '班']).toContain(o.type);
        }
        const reported = new Set(problems.filter((p) => p.code !== 'conflictingHoliday').map((p) => p.params[1]));
        const applied = new Set(overrides.map((o) => o.date));
        rows.forEach(([date, type], i) => {
          const blank = readText(date) === '' && readText(type) === '';
          if (blank) return;
          const number = String(firstRow + i);
          const parsed = holidaysFromValues(HEADERS, [[date, type, '']], PLACE).overrides[0];
          // Either the row is reported, or its date applies (from this row or a later repeat).
          expect(reported.has(number) || (parsed !== undefined && applied.has(parsed.date))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

// ---- against the fake workbook -----------------------------------------------------------------

const now = () => new Date(2026, 10, 22, 9, 30, 0);

async function workbook(options: { ledger: boolean } = { ledger: true }) {
  const model = new FakeModel();
  const excel = createExcelMock(() => new FakeContext(model)) as unknown as ExcelRunner;
  if (options.ledger) await createExcelStore({ excel: excel as never, now }).createOrRepair();
  const addRows = (rows: unknown[][]) => model.insertRows(model.table('ZG_Holidays'), rows);
  const holidaysId = () => fakeTableId(model.table('ZG_Holidays'));
  return { model, excel, addRows, holidaysId };
}

describe('reading ZG_Holidays', () => {
  test('a workbook without the table reads as absent, in one sync', async () => {
    const { model, excel } = await workbook({ ledger: false });
    const before = model.syncs;
    await expect(readHolidays(excel)).resolves.toEqual({ state: 'absent', tableId: null, overrides: [], problems: [] });
    expect(model.syncs - before).toBe(1);
  });

  test('the new ledger’s empty table reads as present with no overrides', async () => {
    const { model, excel, holidaysId } = await workbook();
    const before = model.syncs;
    await expect(readHolidays(excel)).resolves.toEqual({ state: 'present', tableId: holidaysId(), overrides: [], problems: [] });
    expect(model.syncs - before).toBe(1);
  });

  test('rows are read in one sync, and problems name the sheet and the row the user sees', async () => {
    const { model, excel, addRows } = await workbook();
    addRows([
      [ymdToSerial(2027, 1, 1), '休', '元旦'],
      ['2027/2/6', '班', '春节调休'],
      ['2027-02-30', '休', '笔误'],
    ]);
    const table = model.table('ZG_Holidays');
    const before = model.syncs;
    const read = await readHolidays(excel);
    expect(model.syncs - before).toBe(1);
    expect(read.overrides).toEqual([
      { date: '2027-01-01', type: '休', note: '元旦' },
      { date: '2027-02-06', type: '班', note: '春节调休' },
    ]);
    const sheetRow = table.top + 1 + 3; // header row, then the third body row (1-based)
    expect(messages(read.problems)).toEqual([`“${table.sheet.name}”表第${sheetRow}行：“2027-02-30”不是有效日期，该行未生效`]);
  });
});

describe('watching ZG_Holidays', () => {
  function recorder() {
    const applied: (readonly HolidayOverride[])[] = [];
    const reads: HolidayRead[] = [];
    const errors: unknown[] = [];
    return { applied, reads, errors, feed: { apply: (o: readonly HolidayOverride[]) => applied.push(o), onRead: (r: HolidayRead) => reads.push(r), onError: (e: unknown) => errors.push(e) } };
  }

  test('the first read applies the overrides and recalculates once, in the same run', async () => {
    const { model, excel, addRows } = await workbook();
    addRows([['2027-10-08', '休', '']]);
    const { applied, feed } = recorder();
    const before = model.syncs;
    const stop = await watchHolidays(excel, feed);
    expect(applied).toEqual([[{ date: '2027-10-08', type: '休', note: '' }]]);
    expect(model.calculations).toEqual(['Recalculate']);
    expect(model.syncs - before).toBe(3); // subscribe; read; recalculate
    expect([model.tableHandlers.added.size, model.tableHandlers.changed.size, model.tableHandlers.deleted.size]).toEqual([1, 1, 1]);
    await stop();
    expect([model.tableHandlers.added.size, model.tableHandlers.changed.size, model.tableHandlers.deleted.size]).toEqual([0, 0, 0]);
  });

  test('an empty table changes nothing: no apply, no recalculation', async () => {
    const { model, excel } = await workbook();
    const { applied, reads, feed } = recorder();
    await watchHolidays(excel, feed);
    expect(applied).toEqual([]);
    expect(model.calculations).toEqual([]);
    expect(reads.map((r) => r.state)).toEqual(['present']);
  });

  test('edits of the table re-feed the functions; notes alone and other tables do not recalculate', async () => {
    const { model, excel, addRows, holidaysId } = await workbook();
    const { applied, reads, feed } = recorder();
    await watchHolidays(excel, feed);

    addRows([['2027-10-08', '休', '']]);
    await model.raiseTableEvent('changed', holidaysId());
    expect(applied).toEqual([[{ date: '2027-10-08', type: '休', note: '' }]]);
    expect(model.calculations).toEqual(['Recalculate']);

    // A note does not change any count.
    const table = model.table('ZG_Holidays');
    table.sheet.input(table.top + 1, table.left + 2, '国庆调休');
    await model.raiseTableEvent('changed', holidaysId());
    expect(reads).toHaveLength(3);
    expect(applied).toHaveLength(1);
    expect(model.calculations).toHaveLength(1);

    // Edits of the ledger's other tables are not read at all.
    const before = model.syncs;
    await model.raiseTableEvent('changed', fakeTableId(model.table('ZG_Measures')));
    expect(model.syncs).toBe(before);
    expect(reads).toHaveLength(3);

    // A type changed by hand is applied.
    table.sheet.input(table.top + 1, table.left + 1, '班');
    await model.raiseTableEvent('changed', holidaysId());
    expect(applied.at(-1)).toEqual([{ date: '2027-10-08', type: '班', note: '国庆调休' }]);
    expect(model.calculations).toHaveLength(2);
  });

  test('a ledger created after the pane opened is picked up when its table is added; deleting it clears the overrides', async () => {
    const { model, excel } = await workbook({ ledger: false });
    const { applied, reads, feed } = recorder();
    await watchHolidays(excel, feed);
    expect(reads.map((r) => r.state)).toEqual(['absent']);

    await createExcelStore({ excel: excel as never, now }).createOrRepair();
    const table = model.table('ZG_Holidays');
    model.insertRows(table, [['2027-01-04', '休', '单位调休']]);
    await model.raiseTableEvent('added', fakeTableId(table));
    expect(applied).toEqual([[{ date: '2027-01-04', type: '休', note: '单位调休' }]]);

    model.tables = model.tables.filter((t) => t !== table);
    await model.raiseTableEvent('deleted', fakeTableId(table));
    expect(applied.at(-1)).toEqual([]);
    expect(reads.at(-1)?.state).toBe('absent');
    expect(model.calculations).toEqual(['Recalculate', 'Recalculate']);
  });

  test('events arriving during a read cost one more read, not one each, and the last state wins', async () => {
    const { model, excel, addRows, holidaysId } = await workbook();
    const { applied, reads, feed } = recorder();
    await watchHolidays(excel, feed);
    addRows([['2027-10-08', '休', '']]);
    const first = model.raiseTableEvent('changed', holidaysId());
    addRows([['2027-10-09', '班', '']]);
    const second = model.raiseTableEvent('changed', holidaysId());
    const third = model.raiseTableEvent('changed', holidaysId());
    await Promise.all([first, second, third]);
    expect(reads).toHaveLength(1 + 2);
    expect(applied.at(-1)).toEqual([
      { date: '2027-10-08', type: '休', note: '' },
      { date: '2027-10-09', type: '班', note: '' },
    ]);
  });

  test('after stop, events are no longer handled', async () => {
    const { model, excel, addRows, holidaysId } = await workbook();
    const { reads, feed } = recorder();
    const stop = await watchHolidays(excel, feed);
    await stop();
    addRows([['2027-10-08', '休', '']]);
    await model.raiseTableEvent('changed', holidaysId());
    expect(reads).toHaveLength(1);
  });

  test('a failing first read rejects and unsubscribes; a failing later read goes to onError', async () => {
    const { model, excel, holidaysId } = await workbook();
    const failure = Object.assign(new Error('busy'), { code: 'GeneralException' });
    let failOnRun = 2; // run 1 subscribes, run 2 is the first read
    let runs = 0;
    const flaky = {
      run: (...args: unknown[]) => {
        runs += 1;
        if (runs === failOnRun) return Promise.reject(failure);
        return (excel.run as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    } as unknown as ExcelRunner;
    const first = recorder();
    await expect(watchHolidays(flaky, first.feed)).rejects.toBe(failure);
    expect(model.tableHandlers.changed.size).toBe(0);

    const second = recorder();
    failOnRun = runs + 3; // the next subscribe, first read, then the failing read
    await watchHolidays(flaky, second.feed);
    await model.raiseTableEvent('changed', holidaysId());
    expect(second.errors).toEqual([failure]);
  });
});
