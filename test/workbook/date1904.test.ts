// Workbooks in the 1904 date system (Mac-origin files): the same day is 1,462 lower. Detected in the
// .xlsx readers from workbookPr/@date1904 and in Excel from DATE(2000,1,1) as the workbook computes
// it; dates are converted both ways, reading and writing.
import fc from 'fast-check';
import { DATE_1904_OFFSET, fromSerial1900, isoToSerial, toSerial1900 } from '../../src/ledger/dates';
import { isLedgerError } from '../../src/ledger/errors';
import type { NewMeasure, NewProblem } from '../../src/ledger/store';
import { cellValue, dateSystemOfProbe } from '../../src/workbook/cells';
import { createExcelStore } from '../../src/workbook/excelStore';
import { sampleLedger } from '../../src/workbook/sample';
import { MEASURES, PROBLEMS, INFO_CELLS } from '../../src/workbook/schema';
import { dateSystemOf, partText, setPartText, unzipXlsx } from '../../src/workbook/xlsx/package';
import { readLedgerFile } from '../../src/workbook/xlsx/readLedger';
import { dataHeaders, handMadeLedger, rewrite } from '../support/ledgerXlsx';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel } from './fakeExcel';

describe('conversion', () => {
  test.each<[string, number, number]>([
    ['1904-01-01 is serial 0 in 1904', 1462, 0],
    ['2026-11-22', 46348, 46348 - 1462],
  ])('%s', (_, s1900, s1904) => {
    expect(fromSerial1900(s1900, '1904')).toBe(s1904);
    expect(toSerial1900(s1904, '1904')).toBe(s1900);
    expect(fromSerial1900(s1900, '1900')).toBe(s1900);
  });

  test('round trip for any serial and system', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_958_465 }), fc.constantFrom('1900' as const, '1904' as const), (n, system) => toSerial1900(fromSerial1900(n, system), system) === n));
  });

  test.each<[unknown, string]>([[36526, '1900'], [36526 - DATE_1904_OFFSET, '1904'], [null, '1900'], ['#NAME?', '1900']])('DATE(2000,1,1) = %p → the %s system', (value, system) => {
    expect(dateSystemOfProbe(value)).toBe(system);
  });

  test('a date cell is written in the workbook\'s system', () => {
    const deadline = MEASURES.columns.find((c) => c.field === 'deadline')!;
    expect(cellValue(deadline, '2026-12-31', 'office', '1904')).toBe((isoToSerial('2026-12-31') as number) - 1462);
    expect(cellValue(deadline, '2026-12-31', 'office')).toBe(isoToSerial('2026-12-31'));
  });
});

describe('.xlsx readers', () => {
  const ledger = sampleLedger('2026-03-15');
  const shift = (_h: string, v: unknown) => (typeof v === 'number' ? v - DATE_1904_OFFSET : (v as string));
  const mark1904 = (value: string) => (bytes: Uint8Array) =>
    rewrite(bytes, (parts) => {
      const xml = partText(parts, 'xl/workbook.xml') ?? '';
      const withPr = /<workbookPr\b/.test(xml) ? xml.replace(/<workbookPr\b/, `<workbookPr date1904="${value}"`) : xml.replace(/<sheets>/, `<workbookPr date1904="${value}"/><sheets>`);
      setPartText(parts, 'xl/workbook.xml', withPr);
    });

  test.each(['1', 'true'])('date1904="%s" is detected', async (value) => {
    const bytes = mark1904(value)(await handMadeLedger(ledger, { headers: dataHeaders(PROBLEMS) }, { headers: dataHeaders(MEASURES) }));
    expect(dateSystemOf(unzipXlsx(bytes))).toBe('1904');
  });

  test('a plain workbook is 1900', async () => {
    const bytes = await handMadeLedger(ledger, { headers: dataHeaders(PROBLEMS) }, { headers: dataHeaders(MEASURES) });
    expect(dateSystemOf(unzipXlsx(bytes))).toBe('1900');
  });

  test('a 1904 ledger reads the same dates as the 1900 one', async () => {
    const bytes = mark1904('1')(await handMadeLedger(ledger, { headers: dataHeaders(PROBLEMS), override: shift }, { headers: dataHeaders(MEASURES), override: shift }));
    const file = readLedgerFile(bytes, '台账.xlsx');
    if (isLedgerError(file)) throw new Error(file.message);
    expect(file.ledger.measures.map((m) => [m.id, m.deadline, m.doneDate])).toEqual(ledger.measures.map((m) => [m.id, m.deadline, m.doneDate]));
    expect(file.ledger.problems.map((p) => [p.id, p.closeDate])).toEqual(ledger.problems.map((p) => [p.id, p.closeDate]));
  });
});

describe('Excel: a 1904 workbook', () => {
  const problem: NewProblem = { sourceNumber: '', category: '落实全面从严治党主体责任方面', description: '问题一', source: '巡察反馈', leader: '张建国', leadUnit: '办公室', note: '' };
  const measure: NewMeasure = { text: '措施一', leader: '张建国', unit: '办公室', coUnits: '', owner: '赵丽', deadlineText: '2026年12月底前', deadline: '2026-12-31', status: '正在推进', longTerm: false, note: '' };

  async function setup(date1904: boolean) {
    const model = new FakeModel();
    model.date1904 = date1904;
    const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now: () => new Date(2026, 10, 22, 9, 30, 0) });
    await store.createOrRepair();
    await store.addProblem(problem, [measure]);
    return { model, store };
  }

  test('dates are written 1,462 lower and read back as the same day', async () => {
    const { model, store } = await setup(true);
    const serial = isoToSerial('2026-12-31') as number;
    expect(model.rowById('ZG_Measures', '措施编号', 'P001-M01')!['截止日期'].v).toBe(serial - 1462);
    await store.setStatus('P001-M01', '已完成', '2026-11-20');
    expect(model.rowById('ZG_Measures', '措施编号', 'P001-M01')!['完成日期'].v).toBe((isoToSerial('2026-11-20') as number) - 1462);
    const l = await store.load();
    expect(l.measures[0]).toMatchObject({ deadline: '2026-12-31', doneDate: '2026-11-20' });
  });

  test('巡察信息 dates too', async () => {
    const { store } = await setup(true);
    const round = { ...(await store.load()).round, feedback: '2026-03-15' };
    await store.saveRound(round);
    expect((await store.load()).round.feedback).toBe('2026-03-15');
  });

  test('a 1900 workbook is unchanged', async () => {
    const { model } = await setup(false);
    expect(model.rowById('ZG_Measures', '措施编号', 'P001-M01')!['截止日期'].v).toBe(isoToSerial('2026-12-31'));
  });

  test('INFO_CELLS has date cells to convert', () => {
    expect(INFO_CELLS.some((c) => c.kind === 'date')).toBe(true);
  });
});

test('Excel: 汇总 in a 1904 workbook writes its dates 1,462 lower and keeps them on the next import', async () => {
  const model = new FakeModel();
  model.date1904 = true;
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now: () => new Date(2026, 10, 22, 9, 30, 0) });
  const ledger = sampleLedger('2026-03-15');
  const withDeadline = ledger.measures.find((m) => m.deadline)!;
  await store.consolidate([{ unit: '甲单位', fileName: '甲.xlsx', ledger: { ...ledger, round: { ...ledger.round, org: '甲单位' } } }]);
  await store.consolidate([{ unit: '乙单位', fileName: '乙.xlsx', ledger: { ...ledger, round: { ...ledger.round, org: '乙单位' } } }]);
  const t = model.table('ZG_Summary');
  const headers = model.headers(t);
  const [unitCol, idCol, deadlineCol] = ['来源单位', '措施编号', '截止日期'].map((h) => headers.indexOf(h));
  const deadlines = model.body(t).filter((row) => row[idCol].v === withDeadline.id).map((row) => [row[unitCol].v, row[deadlineCol].v]);
  const serial = (isoToSerial(withDeadline.deadline!) as number) - 1462;
  expect(deadlines).toEqual([['甲单位', serial], ['乙单位', serial]]);
});
