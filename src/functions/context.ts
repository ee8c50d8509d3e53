// What the ZG.* functions read besides their arguments: today's date (the user's clock), the
// working-day calendar (chinese-days plus the workbook's 节假日 overrides, which the task pane
// hands over in the shared runtime) and how a bad value becomes an Excel error.
import { createCalendar, defaultCalendar, type WorkCalendar } from '../ledger/calendar';
import { isoToEpochDay, todayIso } from '../ledger/dates';
import type { LedgerError } from '../ledger/errors';
import type { HolidayOverride } from '../ledger/types';

let calendar: WorkCalendar | null = null;
let clock: () => Date = () => new Date();

/** The calendar working days are counted in. */
export function functionCalendar(): WorkCalendar {
  calendar ??= defaultCalendar();
  return calendar;
}

/**
 * The 节假日 sheet's rows (休/班), applied to every later working-day count. The task pane calls
 * this after loading the workbook, since a custom function cannot read a sheet it was not given.
 */
export function setHolidayOverrides(overrides: readonly HolidayOverride[]): void {
  calendar = overrides.length === 0 ? defaultCalendar() : createCalendar(overrides);
}

/** Today as an epoch day, in the user's time zone (Excel's TODAY()). */
export function today(): number {
  return isoToEpochDay(todayIso(clock())) as number;
}

/** Tests fix the clock; null restores the real one. */
export function setClock(now: (() => Date) | null): void {
  clock = now ?? (() => new Date());
}

/** An Excel error as the runtime wants it: code such as "#VALUE!" and a message. */
export type ExcelError = { readonly code: string; readonly message?: string };

type CustomFunctionsRuntime = {
  Error: new (code: string, message?: string) => ExcelError;
  ErrorCode: Record<'invalidValue' | 'notAvailable' | 'divisionByZero' | 'invalidNumber', string>;
  associate(id: string, fn: (...args: never[]) => unknown): void;
};

/** The CustomFunctions namespace when running inside Excel, else null (jest, the browser preview). */
export function customFunctionsRuntime(): CustomFunctionsRuntime | null {
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  return runtime && typeof runtime.associate === 'function' ? runtime : null;
}

/** Outside Excel, an error value with the same shape as CustomFunctions.Error. */
export class FunctionError extends Error implements ExcelError {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'FunctionError';
  }
}

const ERROR_CODE_KEYS = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
} as const;

/**
 * A LedgerError as `new CustomFunctions.Error(CustomFunctions.ErrorCode.x, message)`. Excel shows
 * the message for #VALUE! and #N/A only; #DIV/0! and #NUM! take none.
 */
export function toExcelError(error: LedgerError): ExcelError {
  const runtime = customFunctionsRuntime();
  const withMessage = error.kind === '#VALUE!' || error.kind === '#N/A';
  if (runtime) {
    const code = runtime.ErrorCode[ERROR_CODE_KEYS[error.kind]];
    return withMessage ? new runtime.Error(code, error.message) : new runtime.Error(code);
  }
  return new FunctionError(error.kind, withMessage ? error.message : undefined);
}
