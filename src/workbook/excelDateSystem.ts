// The open workbook's date system for the custom functions, which share the pane's runtime but are
// told nothing about the workbook (dates reach them as the workbook stores them: 1,462 lower in a
// 1904 workbook). One Excel.run: DATE(2000,1,1) as the workbook computes it (cells.ts), handed to
// `apply`; in a 1904 workbook a second sync recalculates, since the functions answered in 1900
// serials until now.
//
// The user can change the system while the workbook is open (Excel: 选项 › 高级 › 使用 1904 日期系统).
// No event of the API sets the manifest declares reports that: Workbook.use1904DateSystem is not in
// the released typings (@types/office-js: no ExcelApi set has it), and settings events are about
// an add-in's own settings (Office.Settings settingsChanged fires only for those, and only when
// co-authoring on the web: https://learn.microsoft.com/javascript/api/office/office.settings).
// What every Excel raises is a sheet's recalculation, WorksheetCollection.onCalculated (ExcelApi
// 1.8: https://learn.microsoft.com/javascript/api/excel/excel.worksheetcalculatedeventargs), and
// the ZG.* functions that read dates are volatile, so any edit recalculates. watchDateSystem probes
// again after each recalculation burst (one Excel.run, one sync; bursts coalesce), and only a
// changed answer costs more: the new system applied, and one recalculation.
import type { DateSystem } from '../ledger/dates';
import { dateSystemOfProbe, DATE_PROBE } from './cells';
import { coalescing } from './coalescing';
import type { ExcelRunner } from './excelSelect';

function probe(context: Excel.RequestContext): { read: () => DateSystem } {
  const date = context.workbook.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day).load('value');
  return { read: () => dateSystemOfProbe(date.value) };
}

export function feedDateSystem(excel: ExcelRunner, apply: (system: DateSystem) => void): Promise<DateSystem> {
  return excel.run(async (context) => {
    const date = probe(context);
    await context.sync();
    const system = date.read();
    apply(system);
    if (system === '1904') {
      context.workbook.application.calculate('Recalculate');
      await context.sync();
    }
    return system;
  });
}

export type DateSystemFeed = {
  /** Receives the new system when a probe finds it changed (the 节假日 are re-read in it here). */
  apply(system: DateSystem): void | Promise<void>;
  /** A probe that failed (Excel busy, a cell being edited): the next recalculation probes again. */
  onError?(error: unknown): void;
};

/**
 * Probes the date system again after every recalculation of the workbook, starting from `known`
 * (feedDateSystem's answer). Resolves, once subscribed, to the function that stops watching.
 */
export async function watchDateSystem(excel: ExcelRunner, known: DateSystem, feed: DateSystemFeed): Promise<() => Promise<void>> {
  let current = known;
  const refresh = coalescing(async () => {
    const system = await excel.run(async (context) => {
      const date = probe(context);
      await context.sync();
      return date.read();
    });
    if (system === current) return;
    current = system;
    await feed.apply(system);
    // The functions answered this burst in the old system. This recalculation raises onCalculated
    // once more; that probe finds nothing new, so it ends there.
    await excel.run(async (context) => {
      context.workbook.application.calculate('Recalculate');
      await context.sync();
    });
  });
  const subscription = await excel.run(async (context) => {
    const handler = context.workbook.worksheets.onCalculated.add(async () => {
      try {
        await refresh();
      } catch (error) {
        feed.onError?.(error);
      }
    });
    await context.sync();
    return { context, handler };
  });
  // Removed in the request context that added it (Office.js requires it).
  return () =>
    excel.run(subscription.context, async (ctx) => {
      subscription.handler.remove();
      await ctx.sync();
    });
}
