// The open workbook's date system for the custom functions, which share the pane's runtime but are
// told nothing about the workbook (dates reach them as the workbook stores them: 1,462 lower in a
// 1904 workbook). One Excel.run: DATE(2000,1,1) as the workbook computes it (cells.ts), handed to
// `apply`; in a 1904 workbook a second sync recalculates, since the functions answered in 1900
// serials until now.
import type { DateSystem } from '../ledger/dates';
import { dateSystemOfProbe, DATE_PROBE } from './cells';
import type { ExcelRunner } from './excelSelect';

export function feedDateSystem(excel: ExcelRunner, apply: (system: DateSystem) => void): Promise<DateSystem> {
  return excel.run(async (context) => {
    const probe = context.workbook.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day).load('value');
    await context.sync();
    const system = dateSystemOfProbe(probe.value);
    apply(system);
    if (system === '1904') {
      context.workbook.application.calculate('Recalculate');
      await context.sync();
    }
    return system;
  });
}
