// 统计 and 汇总 in the preview's memory store: the same layout and the same merge as Excel, kept in
// memory; no 发送副本 (the pane then offers only the file-based copy).
import { mergeSummary, summaryUnits } from '../../src/ledger/consolidate';
import { smallLedger } from '../../src/ledger/report/testLedger';
import type { UnitLedger } from '../../src/ledger/store';
import { dashboardLayout, dashboardSlots, DASHBOARD_SHEET } from '../../src/workbook/dashboard';
import { createMemoryStore } from '../../src/workbook/memoryStore';
import { sampleLedger } from '../../src/workbook/sample';
import { SUMMARY_DASHBOARD_SHEET, summaryDashboardLayout } from '../../src/workbook/summaryDashboard';

const NOW = new Date(2026, 10, 22, 9, 30, 0);
const unit = (name: string, fileName = `${name}.xlsx`, ledger = smallLedger()): UnitLedger => ({ unit: name, fileName, ledger });

describe('memory store: 统计', () => {
  test('refreshDashboard records the 整改统计 layout of the ledger and reports what it lists', async () => {
    const ledger = sampleLedger('2026-11-22');
    const store = createMemoryStore(ledger, { now: () => NOW });
    const first = await store.refreshDashboard();
    const categories = new Set(ledger.problems.map((p) => p.category).filter(Boolean)).size;
    const units = new Set(ledger.measures.map((m) => m.unit).filter(Boolean)).size;
    expect(first).toEqual({ sheet: DASHBOARD_SHEET, created: true, categories, units, charts: 3 });
    expect(store.generatedSheets().get(DASHBOARD_SHEET)).toEqual(dashboardLayout(dashboardSlots(await store.load())));
    await expect(store.refreshDashboard()).resolves.toMatchObject({ created: false });
    expect([...store.generatedSheets().keys()]).toEqual([DASHBOARD_SHEET]);
  });

  test('a workbook without a ledger cannot have 统计', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'), { presence: 'none' });
    await expect(store.refreshDashboard()).rejects.toMatchObject({ error: { code: 'notALedger' } });
  });

  test('the preview store has no 生成发送副本', () => {
    expect((createMemoryStore(smallLedger()) as { makeSendCopy?: unknown }).makeSendCopy).toBeUndefined();
  });
});

describe('memory store: 汇总', () => {
  test('consolidate merges like Excel: units added, the same unit again replaced, 汇总统计 over the units', async () => {
    const store = createMemoryStore(smallLedger(), { now: () => NOW });
    const first = await store.consolidate([unit('甲单位'), unit('乙单位')]);
    expect(first).toMatchObject({ sheet: '汇总', unitCount: 2, units: [{ unit: '甲单位', outcome: 'added' }, { unit: '乙单位', outcome: 'added' }] });
    const again = await store.consolidate([unit('甲单位', '甲-新.xlsx')]);
    expect(again.units).toEqual([{ unit: '甲单位', fileName: '甲-新.xlsx', problems: 3, measures: 5, outcome: 'replaced' }]);
    const expected = mergeSummary(mergeSummary([], [unit('甲单位'), unit('乙单位')], '2026-11-22 09:30:00').rows, [unit('甲单位', '甲-新.xlsx')], '2026-11-22 09:30:00').rows;
    expect(store.summaryRows()).toEqual(expected);
    expect(again).toMatchObject({ unitCount: 2, rowCount: expected.length });
    expect(store.generatedSheets().get(SUMMARY_DASHBOARD_SHEET)).toEqual(summaryDashboardLayout(summaryUnits(expected)));
  });

  test('汇总 works in a workbook without a ledger (a 巡察办 summary workbook)', async () => {
    const store = createMemoryStore(smallLedger(), { presence: 'none', now: () => NOW });
    await expect(store.consolidate([unit('甲单位')])).resolves.toMatchObject({ unitCount: 1 });
  });
});
