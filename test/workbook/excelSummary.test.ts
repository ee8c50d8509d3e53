// 汇总 in the Office.js store against the fake object model: the ZG_Summary table made on first use,
// a unit imported again replaced (not duplicated), user text stored as text, 汇总统计 written and
// refreshed with it, a foreign 汇总 sheet left alone — each import in at most two syncs.
import { mergeSummary, summaryUnits, type SummaryRow } from '../../src/ledger/consolidate';
import { smallLedger } from '../../src/ledger/report/testLedger';
import type { UnitLedger } from '../../src/ledger/store';
import type { Ledger } from '../../src/ledger/types';
import { cellPosition } from '../../src/workbook/excelLayout';
import { createExcelStore } from '../../src/workbook/excelStore';
import { summaryFromCells } from '../../src/workbook/summaryCells';
import { headerIndex } from '../../src/workbook/cells';
import { sampleLedger } from '../../src/workbook/sample';
import { SUMMARY } from '../../src/workbook/schema';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_NAME, SUMMARY_DASHBOARD_SHEET, summaryDashboardPlan } from '../../src/workbook/summaryDashboard';
import { styleRowHeight } from '../../src/workbook/sheetLayout';
import { isoToSerial } from '../../src/ledger/dates';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel, FakeSheet } from './fakeExcel';

const NOW = new Date(2026, 10, 22, 9, 30, 0);
const STAMP = '2026-11-22 09:30:00';

function setup(model = new FakeModel()) {
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now: () => NOW });
  const syncsOf = async <T>(action: () => Promise<T>): Promise<{ value: T; syncs: number }> => {
    const before = model.syncs;
    const value = await action();
    return { value, syncs: model.syncs - before };
  };
  return { model, store, syncsOf };
}

const unit = (name: string, ledger: Ledger, fileName = `${name}.xlsx`): UnitLedger => ({ unit: name, fileName, ledger });

/** The 汇总 table's rows read back the way the adapter reads them. */
function tableRows(model: FakeModel): SummaryRow[] {
  const t = model.table(SUMMARY.table);
  const index = headerIndex(model.headers(t));
  return model.body(t).map((cells) => summaryFromCells(cells.map((c) => c.v), index));
}

function column(model: FakeModel, header: string) {
  const t = model.table(SUMMARY.table);
  const c = model.headers(t).indexOf(header);
  return model.body(t).map((cells) => cells[c]);
}

describe('Excel: consolidate', () => {
  test('first import creates 汇总 (ZG_Summary with the schema columns) and 汇总统计, in two syncs', async () => {
    const { model, store, syncsOf } = setup();
    const units = [unit('甲单位', smallLedger()), unit('乙单位', sampleLedger('2026-11-22'))];
    const { value: report, syncs } = await syncsOf(() => store.consolidate(units));
    expect(syncs).toBe(2);
    const expected = mergeSummary([], units, STAMP);
    expect(report).toEqual({
      sheet: '汇总',
      units: [
        { unit: '甲单位', fileName: '甲单位.xlsx', problems: 3, measures: 5, outcome: 'added' },
        { unit: '乙单位', fileName: '乙单位.xlsx', problems: units[1].ledger.problems.length, measures: units[1].ledger.measures.length, outcome: 'added' },
      ],
      unitCount: 2,
      rowCount: expected.rows.length,
      asOf: null,
    });
    const t = model.table(SUMMARY.table);
    expect(t.sheet.name).toBe('汇总');
    expect(model.headers(t)).toEqual(SUMMARY.columns.map((c) => c.header));
    expect(tableRows(model)).toEqual(expected.rows);
    expect(column(model, '截止日期').find((c) => typeof c.v === 'number')?.nf).toBe('yyyy-mm-dd');

    const dashboard = model.sheet(SUMMARY_DASHBOARD_SHEET)!;
    const plan = summaryDashboardPlan(['甲单位', '乙单位']);
    for (const cell of plan.layout.cells) {
      const { row, col } = cellPosition(cell.address);
      const written = dashboard.peek(row, col);
      if (typeof cell.value === 'string' && cell.value.startsWith('=')) expect(written?.f).toBe(cell.value);
      else expect(written?.v ?? '').toBe(cell.value);
    }
    expect(dashboard.charts.map((c) => c.name)).toEqual(plan.layout.charts.map((c) => c.id));
    expect(model.names.has(SUMMARY_DASHBOARD_NAME)).toBe(true);
  });

  test('the same unit imported again replaces its rows where they stood; nothing is duplicated', async () => {
    const { model, store, syncsOf } = setup();
    await store.consolidate([unit('甲单位', smallLedger()), unit('乙单位', sampleLedger('2026-11-22'))]);
    const changed = smallLedger();
    changed.measures = changed.measures.map((m) => ({ ...m, status: '已完成', doneDate: '2022-10-01' }));
    // Spelled with full-width spaces around it: the same unit (unitKey).
    const { value: report, syncs } = await syncsOf(() => store.consolidate([unit('　甲单位 ', changed, '甲单位-第二次.xlsx')]));
    expect(syncs).toBe(2);
    expect(report.units).toEqual([{ unit: '甲单位', fileName: '甲单位-第二次.xlsx', problems: 3, measures: 5, outcome: 'replaced' }]);
    const rows = tableRows(model);
    expect(summaryUnits(rows)).toEqual(['甲单位', '乙单位']);
    expect(rows.filter((r) => r.sourceUnit === '甲单位')).toHaveLength(mergeSummary([], [unit('甲单位', changed)], STAMP).rows.length);
    expect(rows.filter((r) => r.sourceUnit === '甲单位' && r.measureId).every((r) => r.measureStatus === '已完成' && r.sourceFile === '甲单位-第二次.xlsx')).toBe(true);
    expect(report.rowCount).toBe(rows.length);
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '汇总', SUMMARY_DASHBOARD_SHEET]);
    expect(model.sheet(SUMMARY_DASHBOARD_SHEET)!.charts).toHaveLength(1);

    // A smaller ledger for 乙单位 shrinks the table: the surplus rows go.
    const small = smallLedger();
    small.problems = small.problems.slice(0, 1);
    small.measures = small.measures.filter((m) => m.problemId === 'P001');
    await store.consolidate([unit('乙单位', small)]);
    expect(tableRows(model)).toEqual(mergeSummary([], [unit('甲单位', changed, '甲单位-第二次.xlsx'), unit('乙单位', small)], STAMP).rows);
  });

  test('unit names and cells that look like formulas are stored as text, in 汇总 and on 汇总统计', async () => {
    const { model, store } = setup();
    const ledger = smallLedger();
    ledger.measures[0] = { ...ledger.measures[0], text: '=SUM(A1:A9)', owner: '+86 123', unit: '@财务科' };
    await store.consolidate([unit('=1+1', ledger, 'weird.xlsx'), unit('-减号单位', smallLedger())]);
    const units = column(model, '来源单位');
    expect(units.every((c) => c.f === undefined)).toBe(true);
    expect([...new Set(units.map((c) => c.v))]).toEqual(['=1+1', '-减号单位']);
    const texts = column(model, '整改措施');
    expect(texts.some((c) => c.v === '=SUM(A1:A9)' && c.f === undefined)).toBe(true);
    expect(column(model, '责任人').some((c) => c.v === '+86 123' && c.f === undefined)).toBe(true);
    expect(column(model, '问题编号').every((c) => c.f === undefined && typeof c.v === 'string')).toBe(true);

    const plan = summaryDashboardPlan(['=1+1', '-减号单位']);
    const dashboard = model.sheet(SUMMARY_DASHBOARD_SHEET)!;
    for (const [i, name] of ['=1+1', '-减号单位'].entries()) {
      const { row, col } = cellPosition(plan.cells.units[i].label);
      expect(dashboard.peek(row, col)).toMatchObject({ v: name });
      expect(dashboard.peek(row, col)?.f).toBeUndefined();
    }
    // Read back, the table gives the same rows (nothing was turned into a number or a formula).
    expect(tableRows(model)).toEqual(mergeSummary([], [unit('=1+1', ledger, 'weird.xlsx'), unit('-减号单位', smallLedger())], STAMP).rows);
  });

  test('a sheet named 汇总 that is not ours is untouched: the table goes to 汇总 (2), and is found there next time', async () => {
    const model = new FakeModel();
    const foreign = new FakeSheet('汇总');
    foreign.input(0, 0, '手工汇总');
    model.sheets.push(foreign);
    const { store } = setup(model);
    const first = await store.consolidate([unit('甲单位', smallLedger())]);
    expect(first.sheet).toBe('汇总 (2)');
    expect([...foreign.cells.values()]).toEqual([{ v: '手工汇总' }]);
    const second = await store.consolidate([unit('乙单位', smallLedger())]);
    expect(second).toMatchObject({ sheet: '汇总 (2)', unitCount: 2 });
    expect(model.tables.filter((t) => t.name === SUMMARY.table)).toHaveLength(1);
  });

  test('a filtered 汇总 table is still rewritten (the filter is lifted)', async () => {
    const { model, store } = setup();
    await store.consolidate([unit('甲单位', smallLedger())]);
    model.filter(SUMMARY.table, 0, { filterOn: 'Values', values: ['甲单位'] });
    await store.consolidate([unit('乙单位', sampleLedger('2026-11-22'))]);
    expect(summaryUnits(tableRows(model))).toEqual(['甲单位', '乙单位']);
  });

  test('the 统计截止日期 the user typed on 汇总统计 is kept when 汇总 runs again (a date stays a date), still in two syncs', async () => {
    const { model, store, syncsOf } = setup();
    await store.consolidate([unit('甲单位', smallLedger())]);
    const dashboard = model.sheet(SUMMARY_DASHBOARD_SHEET)!;
    const input = cellPosition(SUMMARY_AS_OF_INPUT);
    // The user types 2026-06-30 (Excel stores the serial) and some notes of their own elsewhere.
    dashboard.input(input.row, input.col, isoToSerial('2026-06-30'));
    dashboard.cell(input.row, input.col).nf = 'yyyy"年"m"月"d"日"';
    dashboard.input(40, 0, '旧备注');

    const { value: report, syncs } = await syncsOf(() => store.consolidate([unit('乙单位', smallLedger())]));
    expect(syncs).toBe(2);
    expect(report.asOf).toBe('2026-06-30');
    expect(dashboard.peek(input.row, input.col)).toMatchObject({ v: isoToSerial('2026-06-30'), nf: 'yyyy"年"m"月"d"日"' });
    expect(dashboard.peek(input.row, input.col)?.f).toBeUndefined();
    // Everything else is the new layout: the rows of both units, the formula that reads the date, stale cells gone.
    const plan = summaryDashboardPlan(['甲单位', '乙单位']);
    const asOf = cellPosition(plan.cells.asOf);
    expect(dashboard.peek(asOf.row, asOf.col)?.f).toBe(plan.layout.cells.find((c) => c.address === plan.cells.asOf)?.value);
    const second = cellPosition(plan.cells.units[1].label);
    expect(dashboard.peek(second.row, second.col)?.v).toBe('乙单位');
    expect(dashboard.peek(40, 0)).toBeUndefined();

    // Renamed by the user, the sheet is still ours (the marker follows it) and the date still kept.
    dashboard.name = '汇总统计（6月）';
    const again = await store.consolidate([unit('丙单位', smallLedger())]);
    expect(again.asOf).toBe('2026-06-30');
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '汇总', '汇总统计（6月）']);
  });

  test('a blank 统计截止日期 stays blank (the sheet counts as of today); a new sheet gets the layout’s empty input cell', async () => {
    const { model, store } = setup();
    const first = await store.consolidate([unit('甲单位', smallLedger())]);
    expect(first.asOf).toBeNull();
    const input = cellPosition(SUMMARY_AS_OF_INPUT);
    expect(model.sheet(SUMMARY_DASHBOARD_SHEET)!.peek(input.row, input.col)).toMatchObject({ v: '', nf: 'yyyy-mm-dd' });
    const second = await store.consolidate([unit('乙单位', smallLedger())]);
    expect(second.asOf).toBeNull();
  });

  test('columns the 巡察办 added keep their values on the rows they belong to, through a re-import, in two syncs', async () => {
    const { model, store, syncsOf } = setup();
    await store.consolidate([unit('甲单位', smallLedger()), unit('乙单位', smallLedger())]);
    // The 巡察办 adds 核查意见 and 分值 to the table and types into them.
    const t = model.table(SUMMARY.table);
    for (const header of ['核查意见', '分值']) {
      t.sheet.input(t.top, t.left + t.cols, header);
      t.cols += 1;
    }
    const at = (cells: ReturnType<FakeModel['body']>[number], header: string) => cells[model.headers(t).indexOf(header)];
    const rowIndex = (sourceUnit: string, measureId: string) => {
      const i = model.body(t).findIndex((cells) => at(cells, '来源单位').v === sourceUnit && at(cells, '措施编号').v === measureId);
      if (i < 0) throw new Error(`no row ${sourceUnit} ${measureId}`);
      return i;
    };
    const rowOf = (sourceUnit: string, measureId: string) => model.body(t)[rowIndex(sourceUnit, measureId)];
    const type = (sourceUnit: string, measureId: string, note: string, score: number | string) => {
      const row = rowIndex(sourceUnit, measureId);
      t.sheet.input(t.top + 1 + row, t.left + model.headers(t).indexOf('核查意见'), note);
      t.sheet.input(t.top + 1 + row, t.left + model.headers(t).indexOf('分值'), score);
    };
    type('甲单位', 'P001-M01', '已核实', 5);
    type('甲单位', 'P003-M01', '待核查', 1); // the measure the next 甲单位 ledger drops
    type('乙单位', 'P002-M02', "'=1+1", "'001"); // text that looks like a formula, text that looks like a number
    type('乙单位', 'P003-M01', '乙的意见', 3);

    // 甲单位 again: P003-M01 gone, so 乙单位's rows move up one; 丙单位 is new.
    const changed = smallLedger();
    changed.measures = changed.measures.filter((m) => m.id !== 'P003-M01').map((m) => ({ ...m, status: '已完成', doneDate: '2022-10-01' }));
    const { syncs } = await syncsOf(() => store.consolidate([unit('甲单位', changed, '甲单位-第二次.xlsx'), unit('丙单位', smallLedger())]));
    expect(syncs).toBe(2);

    expect(model.headers(t)).toEqual([...SUMMARY.columns.map((c) => c.header), '核查意见', '分值']);
    const expected = mergeSummary([], [unit('甲单位', changed, '甲单位-第二次.xlsx'), unit('乙单位', smallLedger()), unit('丙单位', smallLedger())], STAMP).rows;
    const identity = (r: SummaryRow) => [r.sourceUnit, r.sourceFile, r.problemId, r.measureId, r.measureStatus];
    expect(tableRows(model).map(identity)).toEqual(expected.map(identity));
    const notes = model.body(t).map((cells) => [at(cells, '来源单位').v, at(cells, '措施编号').v, at(cells, '核查意见').v, at(cells, '分值').v]);
    const typed = notes.filter(([, , note, score]) => note !== '' || score !== '');
    expect(typed).toEqual([
      ['甲单位', 'P001-M01', '已核实', 5],
      ['乙单位', 'P002-M02', '=1+1', '001'],
      ['乙单位', 'P003-M01', '乙的意见', 3],
    ]);
    // Still text, not a formula or a number; the note on the dropped measure went with it.
    expect(at(rowOf('乙单位', 'P002-M02'), '核查意见').f).toBeUndefined();
    expect(notes.some(([, , note]) => note === '待核查')).toBe(false);
    // 甲单位's row for P001-M01 is the new ledger's row (its status changed), with the old note.
    expect(at(rowOf('甲单位', 'P001-M01'), '来源文件').v).toBe('甲单位-第二次.xlsx');
  });

  test('the title row is tall enough for its 16 pt text', async () => {
    const { model, store } = setup();
    await store.consolidate([unit('甲单位', smallLedger())]);
    const dashboard = model.sheet(SUMMARY_DASHBOARD_SHEET)!;
    expect(dashboard.peek(0, 0)?.size).toBe(16);
    expect(dashboard.heights.get(0)).toBe(styleRowHeight('title'));
    expect(styleRowHeight('title')).toBeGreaterThanOrEqual(16 * 1.4);
  });
});

describe('Excel: a summary workbook (汇总 without a ledger)', () => {
  test('汇总 needs no ledger tables, and detect() then reports the workbook as a summary workbook in one sync', async () => {
    const { model, store, syncsOf } = setup();
    expect(await store.detect()).toEqual({ state: 'none' });
    await store.consolidate([unit('甲单位', smallLedger())]);
    expect(model.tables.map((t) => t.name)).toEqual([SUMMARY.table]);
    const { value: presence, syncs } = await syncsOf(() => store.detect());
    expect(presence).toEqual({ state: 'none', summary: true });
    expect(syncs).toBe(1);
  });

  test('a workbook with a ledger is a ledger, 汇总 table or not', async () => {
    const { store } = setup();
    await store.createOrRepair();
    await store.consolidate([unit('甲单位', smallLedger())]);
    expect(await store.detect()).toEqual({ state: 'ok' });
  });
});
