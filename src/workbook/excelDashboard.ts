// 统计 in Excel: the 整改统计 sheet (dashboard.ts) written into the open workbook, or rewritten in
// place when it is ours. One Excel.run, two syncs: the ledger tables (to size the 问题类别 and 责任单位
// lists), the workbook's shape and the sheets/names are loaded together → sync → any missing roll-up
// column and the layout are queued → sync.
import type { DashboardReport } from '../ledger/store';
import type { Ledger } from '../ledger/types';
import { DASHBOARD_NAME, dashboardLayout, dashboardSlots } from './dashboard';
import { queueLayoutLoad, queueLayoutWrite } from './excelLayout';
import { queueLedgerLoad, readLedger } from './excelLedger';
import { queueMissingFormulaColumns, queueShapeLoad, readShape } from './excelSetup';
import type { ExcelRunner } from './excelSelect';

/** Distinct non-blank 问题类别 and 责任单位: what the user sees counted (the sheet may have spare rows). */
export function dashboardCounts(ledger: Ledger): { categories: number; units: number } {
  const distinct = (values: readonly string[]) => new Set(values.map((v) => v.trim()).filter((v) => v !== '')).size;
  return { categories: distinct(ledger.problems.map((p) => p.category)), units: distinct(ledger.measures.map((m) => m.unit)) };
}

/**
 * Creates or refreshes 整改统计. `syncLoad` is the store's load sync, which turns a missing ledger
 * table into the user-facing notALedger error.
 */
export function refreshDashboard(excel: ExcelRunner, syncLoad: (context: Excel.RequestContext) => Promise<void>): Promise<DashboardReport> {
  return excel.run(async (context) => {
    const ledgerLoad = queueLedgerLoad(context);
    const layoutLoad = queueLayoutLoad(context);
    const shapeLoad = queueShapeLoad(context);
    await syncLoad(context);
    const { ledger } = readLedger(ledgerLoad);
    // A ledger from before the roll-up helper columns gets them first, in the same batch.
    queueMissingFormulaColumns(context, readShape(shapeLoad));
    const layout = dashboardLayout(dashboardSlots(ledger));
    const placement = queueLayoutWrite(context, layoutLoad, layout, DASHBOARD_NAME);
    await context.sync();
    return { sheet: placement.sheet, created: placement.created, ...dashboardCounts(ledger), charts: layout.charts.length };
  });
}
