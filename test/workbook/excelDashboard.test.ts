// 统计 in the Office.js store against the fake object model: the 整改统计 sheet written from the
// ledger in the workbook, in two syncs, refreshed in place, a foreign sheet of that name untouched.
import { LedgerStoreError, type NewMeasure, type NewProblem } from '../../src/ledger/store';
import { dashboardLayout, dashboardSlots, DASHBOARD_SHEET } from '../../src/workbook/dashboard';
import { DASHBOARD_NAME } from '../../src/workbook/dashboard';
import { cellPosition } from '../../src/workbook/excelLayout';
import { createExcelStore } from '../../src/workbook/excelStore';
import { IN_ORDER_FORMULA } from '../../src/workbook/schema';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel, FakeSheet } from './fakeExcel';

const now = () => new Date(2026, 10, 22, 9, 30, 0);

function setup(model = new FakeModel()) {
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now });
  const syncsOf = async <T>(action: () => Promise<T>): Promise<{ value: T; syncs: number }> => {
    const before = model.syncs;
    const value = await action();
    return { value, syncs: model.syncs - before };
  };
  return { model, store, syncsOf };
}

const problem = (category: string, description: string): NewProblem => ({
  sourceNumber: '', category, description, source: '巡察反馈', leader: '张建国', leadUnit: '办公室', note: '',
});
const measure = (text: string, unit: string, status: NewMeasure['status'] = '正在推进'): NewMeasure => ({
  text, leader: '张建国', unit, coUnits: '', owner: '赵丽', deadlineText: '2026年12月底前', deadline: '2026-12-31', status, longTerm: false, note: '',
});

async function withLedger(model = new FakeModel()) {
  const env = setup(model);
  await env.store.createOrRepair();
  await env.store.addProblems([
    { problem: problem('党的领导方面', '问题一'), measures: [measure('措施1-1', '办公室', '已完成'), measure('措施1-2', '财务科')] },
    { problem: problem('全面从严治党方面', '问题二'), measures: [measure('措施2-1', '=HYPERLINK("x")')] },
    { problem: problem('党的领导方面', '问题三'), measures: [] },
  ]);
  return env;
}

function at(sheet: FakeSheet, address: string) {
  const { row, col } = cellPosition(address);
  return sheet.peek(row, col);
}

describe('Excel: refreshDashboard', () => {
  test('writes 整改统计 from the ledger in two syncs: every formula of the layout, three named charts', async () => {
    const { model, store, syncsOf } = await withLedger();
    const ledger = await store.load();
    const { value: report, syncs } = await syncsOf(() => store.refreshDashboard());
    expect(syncs).toBe(2);
    expect(report).toEqual({ sheet: DASHBOARD_SHEET, created: true, categories: 2, units: 3, charts: 3 });

    const layout = dashboardLayout(dashboardSlots(ledger));
    const sheet = model.sheet(DASHBOARD_SHEET)!;
    for (const cell of layout.cells) {
      const written = at(sheet, cell.address);
      if (typeof cell.value === 'string' && cell.value.startsWith('=')) expect(written?.f).toBe(cell.value);
      else expect(written?.v).toBe(cell.value);
      if (cell.format) expect(written?.nf).toBe(cell.format);
    }
    expect(sheet.charts.map((c) => [c.name, c.title, c.series.length])).toEqual(layout.charts.map((c) => [c.id, c.title, c.series.length]));
    // Bars only for the rows with a value, whole-number steps on the count axes, the unit name in one box.
    expect(sheet.charts.map((c) => [c.series[0].values, c.series[0].xValues, c.majorUnit])).toEqual(
      layout.charts.map((c) => [c.series[0].values, c.categories, c.majorUnit]),
    );
    expect(layout.charts.filter((c) => c.kind !== 'pie').every((c) => c.majorUnit === 1)).toBe(true);
    expect(sheet.merges).toEqual(['B2:G2']);
    expect(model.names.has(DASHBOARD_NAME)).toBe(true);
    expect(model.active).toBe(DASHBOARD_SHEET);
  });

  test('a ledger from before the roll-up columns gets them, as formulas, before 整改统计 refers to them; data stays', async () => {
    const { model, store, syncsOf } = await withLedger();
    const before = await store.load();
    for (const header of ['有措施', '有未完成措施']) model.deleteColumn('ZG_Problems', header);
    model.deleteColumn('ZG_Measures', '顺序');
    const { syncs } = await syncsOf(() => store.refreshDashboard());
    expect(syncs).toBe(2);
    const headers = (table: string) => model.headers(model.table(table));
    expect(headers('ZG_Problems')).toEqual(expect.arrayContaining(['有措施', '有未完成措施']));
    expect(headers('ZG_Measures')).toContain('顺序');
    const t = model.table('ZG_Measures');
    const c = headers('ZG_Measures').indexOf('顺序');
    expect(model.body(t).every((row) => row[c].f === IN_ORDER_FORMULA)).toBe(true);
    expect(await store.load()).toEqual(before);
  });

  test('refresh rewrites in place: still one sheet, three charts, the lists grown with the ledger', async () => {
    const { model, store, syncsOf } = await withLedger();
    await store.refreshDashboard();
    // Nine categories: one more than the sheet's eight rows, so the refreshed lists must grow.
    await store.addProblems(
      Array.from({ length: 8 }, (_, i) => ({ problem: problem(`新增类别${i + 1}`, `新问题${i + 1}`), measures: [measure(`新措施${i + 1}`, '办公室')] })),
    );
    const { value: report, syncs } = await syncsOf(() => store.refreshDashboard());
    expect(syncs).toBe(2);
    expect(report).toMatchObject({ sheet: DASHBOARD_SHEET, created: false, categories: 10 });
    expect(model.sheets.filter((s) => s.name.startsWith(DASHBOARD_SHEET))).toHaveLength(1);
    const sheet = model.sheet(DASHBOARD_SHEET)!;
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(['ZG_Chart_Categories', 'ZG_Chart_Status', 'ZG_Chart_Units']);
    const layout = dashboardLayout(dashboardSlots(await store.load()));
    const last = layout.cells[layout.cells.length - 1];
    expect(at(sheet, last.address)?.f ?? at(sheet, last.address)?.v).toBe(last.value);
  });

  test('a sheet named 整改统计 that is not ours is left as it was; the dashboard goes to 整改统计 (2)', async () => {
    const model = new FakeModel();
    const foreign = new FakeSheet(DASHBOARD_SHEET);
    foreign.input(0, 0, '去年的统计');
    foreign.input(4, 2, 42);
    model.sheets.push(foreign);
    const { store } = await withLedger(model);
    const before = JSON.stringify([...foreign.cells]);
    const report = await store.refreshDashboard();
    expect(report).toMatchObject({ sheet: '整改统计 (2)', created: true });
    expect(JSON.stringify([...foreign.cells])).toBe(before);
    expect(foreign.charts).toEqual([]);
    await expect(store.refreshDashboard()).resolves.toMatchObject({ sheet: '整改统计 (2)', created: false });
    expect(JSON.stringify([...foreign.cells])).toBe(before);
  });

  test('a workbook without a ledger gets the notALedger message and no sheet', async () => {
    const { model, store } = setup();
    const failure = await store.refreshDashboard().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LedgerStoreError);
    expect((failure as LedgerStoreError).error.code).toBe('notALedger');
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
