// The 节假日 table (ZG_Holidays: 日期, 类型 休/班, 说明) as working-day overrides for the custom
// functions (DESIGN §6). A custom function cannot read a sheet it was not given, so the task pane,
// which shares the functions' runtime, reads the table and hands the rows over: once at start-up
// and again whenever the table is edited, added or deleted. Each read is ONE Excel.run with one
// sync; when the overrides changed, the same run asks Excel to recalculate, so the volatile ZG.*
// functions that use the calendar (DAYSLEFT, LIGHT, DEADLINE) show the new counts at once.
import { isoToSerial, type DateSystem } from '../ledger/dates';
import { ledgerError, type LedgerError } from '../ledger/errors';
import type { HolidayOverride, IsoDate } from '../ledger/types';
import { headerIndex, readDate, readText, valueIn1900 } from './cells';
import { coalescing } from './coalescing';
import type { ExcelRunner } from './excelSelect';
import { HOLIDAYS, type HolidayField } from './schema';

const HEADER: Record<HolidayField, string> = Object.fromEntries(HOLIDAYS.columns.map((c) => [c.field, c.header])) as Record<HolidayField, string>;

/**
 * What a 类型 cell may say. The sheet's validation list offers 休/班, but rows are often pasted from
 * a notice or typed in the words people use for them.
 */
const TYPE_WORDS: Readonly<Record<string, HolidayOverride['type']>> = {
  休: '休', 休息: '休', 放假: '休', 假: '休', 假日: '休', 休假: '休', 节假日: '休', off: '休', holiday: '休',
  班: '班', 上班: '班', 补班: '班', 工作日: '班', 调休上班: '班', work: '班', workday: '班',
};

export function readHolidayType(v: unknown): HolidayOverride['type'] | null {
  return TYPE_WORDS[readText(v).replace(/\s+/g, '').toLowerCase()] ?? null;
}

/** Where the rows sit, for messages that send the user to the right cell. */
export type HolidayPlace = { sheet: string; firstRow: number };

export type HolidayRows = {
  /** One per date, in sheet order; a date given twice takes its later row. */
  overrides: HolidayOverride[];
  /** Why rows were skipped (bad date, bad type, missing column) or overruled (a conflicting repeat). */
  problems: LedgerError[];
};

/**
 * The overrides a 节假日 table holds. Columns are found by header, wherever the user moved them.
 * Rows with neither date nor type are blank and skipped quietly; a row with a bad date or type is
 * skipped and reported, so one typo never stops the rest of the calendar from applying.
 */
export function holidaysFromValues(headers: readonly unknown[], rows: readonly (readonly unknown[])[], place: HolidayPlace, system: DateSystem = '1900'): HolidayRows {
  const index = headerIndex(headers);
  const dateCol = index.get(HEADER.date);
  const typeCol = index.get(HEADER.type);
  const noteCol = index.get(HEADER.note);
  if (dateCol === undefined || typeCol === undefined) {
    const missing = dateCol === undefined ? HEADER.date : HEADER.type;
    return { overrides: [], problems: [ledgerError('missingColumn', missing)] };
  }
  const problems: LedgerError[] = [];
  const byDate = new Map<IsoDate, { override: HolidayOverride; row: number }>();
  rows.forEach((cells, i) => {
    const row = place.firstRow + i;
    const dateCell = cells[dateCol];
    const typeCell = cells[typeCol];
    if (readText(dateCell) === '' && readText(typeCell) === '') return;
    // A 1904 workbook's date cells are 1,462 lower than the 1900 serials readDate expects.
    const date = readDate(valueIn1900(dateCell, system));
    // Excel's dates end at 9999-12-31; a larger serial is a number, not a date.
    const validDate = date !== null && isoToSerial(date) !== null ? date : null;
    const type = readHolidayType(typeCell);
    if (validDate === null) problems.push(ledgerError('badHolidayDate', place.sheet, row, readText(dateCell)));
    if (type === null) problems.push(ledgerError('badHolidayType', place.sheet, row, readText(typeCell)));
    if (validDate === null || type === null) return;
    const earlier = byDate.get(validDate);
    if (earlier && earlier.override.type !== type) problems.push(ledgerError('conflictingHoliday', place.sheet, earlier.row, row, validDate));
    // Deleting first moves a repeated date to its later row's place, keeping sheet order.
    byDate.delete(validDate);
    byDate.set(validDate, { override: { date: validDate, type, note: noteCol === undefined ? '' : readText(cells[noteCol]) }, row });
  });
  return { overrides: [...byDate.values()].map((e) => e.override), problems };
}

export type HolidayRead = HolidayRows & {
  /** 'absent': the workbook has no ZG_Holidays table (no ledger yet, or the user removed it). */
  state: 'present' | 'absent';
  /** The table's id, to tell its change events from other tables'; null when absent. */
  tableId: string | null;
};

function absent(): HolidayRead {
  return { state: 'absent', tableId: null, overrides: [], problems: [] };
}

type HolidayLoad = { table: Excel.Table; header: Excel.Range; body: Excel.Range };

function queueHolidayLoad(context: Excel.RequestContext): HolidayLoad {
  const table = context.workbook.tables.getItem(HOLIDAYS.table).load('id');
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('values,rowIndex,address');
  return { table, header, body };
}

/** Syncs the load; false when the table does not exist (the table is optional: not an error). */
async function syncHolidayLoad(context: Excel.RequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ItemNotFound') return false;
    throw error;
  }
}

/** "'节假日 (2)'!A2:C9" → 节假日 (2). */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return HOLIDAYS.sheet;
  const name = address.slice(0, bang);
  return /^'.*'$/.test(name) ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function holidayRead(load: HolidayLoad, system: DateSystem): HolidayRead {
  const place = { sheet: sheetOfAddress(load.body.address), firstRow: load.body.rowIndex + 1 };
  const rows = holidaysFromValues(load.header.values[0] ?? [], load.body.values, place, system);
  return { state: 'present', tableId: load.table.id, ...rows };
}

/** Reads the 节假日 table: one Excel.run, one sync. Dates in a 1904 workbook need its `system`. */
export function readHolidays(excel: ExcelRunner, system: DateSystem = '1900'): Promise<HolidayRead> {
  return excel.run(async (context) => {
    const load = queueHolidayLoad(context);
    return (await syncHolidayLoad(context)) ? holidayRead(load, system) : absent();
  });
}

/** What decides working-day counts: dates and types, not the notes. */
function countingKey(overrides: readonly HolidayOverride[]): string {
  return overrides.map((o) => `${o.date}${o.type}`).sort().join(',');
}

export type HolidayFeed = {
  /** Receives the overrides whenever what they count differs from what it last received (at first: none). */
  apply(overrides: readonly HolidayOverride[]): void;
  /** Every read, with the rows that were skipped and why. */
  onRead?(read: HolidayRead): void;
  /** A read triggered by an event failed (the initial read rejects watchHolidays instead). */
  onError?(error: unknown): void;
};

/** Stops watching when called; `refresh` reads the table again now (the date system changed). */
export type HolidayWatch = (() => Promise<void>) & { refresh: () => Promise<void> };

/**
 * Feeds the 节假日 table to `feed.apply` now and after every change to it: edits of the table, and
 * tables added or deleted (the ledger created after the pane opened, the sheet removed). `system`
 * is asked at each read, since a workbook's date system can change while it is open. Resolves,
 * after the first read, to the function that stops watching.
 */
export async function watchHolidays(excel: ExcelRunner, feed: HolidayFeed, system: () => DateSystem = () => '1900'): Promise<HolidayWatch> {
  let appliedKey = countingKey([]); // the functions start on chinese-days alone
  // undefined until the first read: till then every table change may be this one's.
  let tableId: string | null | undefined;

  const refresh = coalescing(() =>
    excel.run(async (context) => {
      const load = queueHolidayLoad(context);
      const read = (await syncHolidayLoad(context)) ? holidayRead(load, system()) : absent();
      tableId = read.tableId;
      const key = countingKey(read.overrides);
      if (key !== appliedKey) {
        appliedKey = key;
        feed.apply(read.overrides);
        // Volatile functions recount on every recalculation; without one they would keep showing
        // the old counts until the user's next edit.
        context.workbook.application.calculate('Recalculate');
        await context.sync();
      }
      feed.onRead?.(read);
    }),
  );
  const onEvent = async (): Promise<void> => {
    try {
      await refresh();
    } catch (error) {
      feed.onError?.(error);
    }
  };

  // Subscribed before the first read, so an edit made while it runs is not missed.
  const subscription = await excel.run(async (context) => {
    const tables = context.workbook.tables;
    const handlers = [
      tables.onChanged.add(async (args) => {
        if (tableId === undefined || args.tableId === tableId) await onEvent();
      }),
      tables.onAdded.add(onEvent),
      tables.onDeleted.add(onEvent),
    ];
    await context.sync();
    return { context, handlers };
  });
  // Handlers are removed in the request context that added them (Office.js requires it).
  const stop = () =>
    excel.run(subscription.context, async (ctx) => {
      for (const handler of subscription.handlers) handler.remove();
      await ctx.sync();
    });

  try {
    await refresh();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return Object.assign(stop, { refresh: onEvent });
}
