// 汇总 asks before a file replaces another file's rows: in Excel the store reads the units already
// in ZG_Summary (file and rows) in one sync, and writes nothing doing so.
import { summaryRows } from '../../src/ledger/consolidate';
import { smallLedger } from '../../src/ledger/report/testLedger';
import { createExcelStore } from '../../src/workbook/excelStore';
import { sampleLedger } from '../../src/workbook/sample';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel } from './fakeExcel';

function setup(model = new FakeModel()) {
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now: () => new Date(2026, 10, 22, 9, 30, 0) });
  return { model, store };
}

test('no 汇总 table yet: no units, in one sync', async () => {
  const { model, store } = setup();
  expect(await store.summarySources()).toEqual([]);
  expect(model.syncs).toBe(1);
});

test('after an import: each unit with the file its rows came from and how many, in table order', async () => {
  const { model, store } = setup();
  const jia = { unit: '甲单位', fileName: '甲单位.xlsx', ledger: smallLedger() };
  const yi = { unit: '乙单位', fileName: '乙单位.xlsx', ledger: sampleLedger('2026-11-22') };
  await store.consolidate([jia, yi]);
  const syncs = model.syncs;
  expect(await store.summarySources()).toEqual([
    { unit: '甲单位', fileName: '甲单位.xlsx', rows: summaryRows(jia, '').length },
    { unit: '乙单位', fileName: '乙单位.xlsx', rows: summaryRows(yi, '').length },
  ]);
  expect(model.syncs - syncs).toBe(1);
});
