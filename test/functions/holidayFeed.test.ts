// The missing link between the workbook's 节假日 table and the custom functions: the pane's
// feedHolidaysToFunctions (src/taskpane/boot.ts) reads ZG_Holidays from a fake workbook and
// ZG.DAYSLEFT(…, TRUE) counts with it, and again after the table is edited.
import { setHolidayOverrides } from '../../src/functions/context';
import * as zg from '../../src/functions/zg';
import { ymdToSerial } from '../../src/ledger/dates';
import { feedHolidaysToFunctions } from '../../src/taskpane/boot';
import type { ExcelRunner } from '../../src/workbook/excelSelect';
import { createExcelStore } from '../../src/workbook/excelStore';
import { FakeContext } from '../workbook/fakeContext';
import { createExcelMock, fakeTableId, FakeModel } from '../workbook/fakeExcel';

const workdaysLeft = (deadline: [number, number, number], asOf: [number, number, number]) =>
  zg.daysLeft([[ymdToSerial(...deadline)]], ymdToSerial(...asOf), true);

async function ledgerWorkbook() {
  const model = new FakeModel();
  const excel = createExcelMock(() => new FakeContext(model)) as unknown as ExcelRunner;
  await createExcelStore({ excel: excel as never, now: () => new Date(2025, 8, 26) }).createOrRepair();
  return { model, excel, table: model.table('ZG_Holidays') };
}

describe('节假日 rows reach ZG.DAYSLEFT', () => {
  let stop: (() => Promise<void>) | null = null;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await stop?.();
    stop = null;
    setHolidayOverrides([]);
    warn.mockRestore();
  });

  test('a unit’s own day off and a worked Sunday change the working days left, live', async () => {
    const { model, excel, table } = await ledgerWorkbook();
    // chinese-days alone: 2025-09-26 → 2025-10-16 has 10 working days (国庆 and its 调休 included).
    expect(workdaysLeft([2025, 10, 16], [2025, 9, 26])).toEqual([[10]]);

    model.insertRows(table, [[ymdToSerial(2025, 9, 29), '休', '单位调休']]);
    stop = await feedHolidaysToFunctions(excel);
    expect(workdaysLeft([2025, 10, 16], [2025, 9, 26])).toEqual([[9]]);
    expect(model.calculations).toEqual(['Recalculate']);

    model.insertRows(table, [['2025-10-12', '班', '补班']]);
    await model.raiseTableEvent('changed', fakeTableId(table));
    expect(workdaysLeft([2025, 10, 16], [2025, 9, 26])).toEqual([[10]]);
    expect(model.calculations).toEqual(['Recalculate', 'Recalculate']);
    // Calendar days are not affected.
    expect(zg.daysLeft([[ymdToSerial(2025, 10, 16)]], ymdToSerial(2025, 9, 26), false)).toEqual([[20]]);
  });

  test('rows for a year past chinese-days extend the calendar', async () => {
    const { excel, model, table } = await ledgerWorkbook();
    // 2027 is not in the data: Monday–Friday gives 6 working days to 2027-01-08.
    expect(workdaysLeft([2027, 1, 8], [2026, 12, 31])).toEqual([[6]]);
    model.insertRows(table, [['2027年1月1日', '休', '元旦']]);
    stop = await feedHolidaysToFunctions(excel);
    expect(workdaysLeft([2027, 1, 8], [2026, 12, 31])).toEqual([[5]]);
  });

  test('bad rows are skipped, the good ones apply, and the problems are logged once', async () => {
    const { excel, model, table } = await ledgerWorkbook();
    model.insertRows(table, [
      ['2025-09-29', '休', ''],
      ['2025-09-31', '休', '笔误'],
    ]);
    stop = await feedHolidaysToFunctions(excel);
    expect(workdaysLeft([2025, 10, 16], [2025, 9, 26])).toEqual([[9]]);
    const badRow = table.top + 1 + 2;
    expect(warn.mock.calls).toEqual([[`“节假日”表第${badRow}行：“2025-09-31”不是有效日期，该行未生效`]]);
    // The same problem on the next read is not logged again.
    await model.raiseTableEvent('changed', fakeTableId(table));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
