// Pane ↔ sheet selection: choosing an item in the pane selects its row; selecting a row of
// ZG_Problems or ZG_Measures in Excel tells the pane which item it is (by the row's 编号).
import { ledgerError } from '../ledger/errors';
import { LedgerStoreError, type ItemRef } from '../ledger/store';
import { readText } from './cells';
import { MEASURES, PROBLEMS, type TableDef } from './schema';

/** Excel.run, including the overload that reuses an earlier request context (to remove handlers). */
export type ExcelRunner = {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(object: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
};

const TABLE_OF: Record<ItemRef['kind'], TableDef> = { problem: PROBLEMS, measure: MEASURES };

/** Activates the sheet and selects the item's row (found by 编号, wherever sorting put it). */
export function selectRow(excel: ExcelRunner, ref: ItemRef): Promise<void> {
  return excel.run(async (context) => {
    const def = TABLE_OF[ref.kind];
    const table = context.workbook.tables.getItem(def.table);
    const ids = table.columns.getItem(def.idHeader).getDataBodyRange().load('values');
    await context.sync();
    const row = ids.values.findIndex((r) => readText(r[0]) === ref.id);
    if (row < 0) throw new LedgerStoreError(ledgerError('notFound', ref.id));
    table.worksheet.activate();
    table.getDataBodyRange().getRow(row).select();
    await context.sync();
  });
}

/** 1-based row number of the first cell of an A1 address ("Sheet!C5:D9" → 5). */
export function firstRowOf(address: string): number | null {
  const m = /(?:^|!)\$?[A-Z]{1,3}\$?(\d+)/i.exec(address);
  return m ? Number(m[1]) : null;
}

/** The 编号 of the table row under a selection, or null when the selection is outside the body. */
async function idAt(excel: ExcelRunner, def: TableDef, address: string): Promise<string | null> {
  const rowNumber = firstRowOf(address);
  if (rowNumber === null) return null;
  return excel.run(async (context) => {
    const table = context.workbook.tables.getItem(def.table);
    const header = table.getHeaderRowRange().load('rowIndex');
    const ids = table.columns.getItem(def.idHeader).getDataBodyRange().load('values');
    await context.sync();
    const row = rowNumber - 1 - header.rowIndex - 1;
    if (row < 0 || row >= ids.values.length) return null;
    return readText(ids.values[row][0]) || null;
  });
}

/** Listens to selection changes on the sheets of both tables; returns the unsubscribe. */
export function onTableSelection(excel: ExcelRunner, listener: (ref: ItemRef) => void): Promise<() => void> {
  return excel.run(async (context) => {
    const results: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs>[] = [];
    for (const [kind, def] of Object.entries(TABLE_OF) as [ItemRef['kind'], TableDef][]) {
      const sheet = context.workbook.tables.getItem(def.table).worksheet;
      results.push(
        sheet.onSelectionChanged.add(async (args) => {
          try {
            const id = await idAt(excel, def, args.address);
            if (id) listener({ kind, id });
          } catch {
            // A selection on a sheet whose table was just removed is not an item: nothing to open.
          }
        }),
      );
    }
    await context.sync();
    // Handlers are removed in the request context that added them (Office.js requires it).
    return () => {
      void excel.run(context, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      });
    };
  });
}
