// The ZG.* functions without Office: arguments coerced, the core called, the answer a value (or a
// block to spill) or a LedgerError for the whole call. functions.ts turns a LedgerError into a
// thrown CustomFunctions.Error; per-row problems are already error cells inside the block.
//
// Per-row answers are written into the block Excel passed in (each call gets its own deserialized
// copy), so a spill over a whole column allocates nothing per row.
//
// Dates arrive in the workbook's date system: datesIn1900 moves them to the core's 1900 serials
// (a no-op in a 1900 workbook) and DEADLINE's dates go back with datesFrom1900 (dateSystem.ts).
import { isLedgerError, type LedgerError } from '../ledger/errors';
import {
  completionRateOfCells,
  dayCounter,
  daysLeftInto,
  deadlineInto,
  lightInto,
  longTermShareOfCells,
  onTimeRateOfCells,
  overdueOfCells,
  statusInto,
  type CellGrid,
  type OutputGrid,
} from '../ledger/stats';
import { argumentName, dateArg, digitsArg, flagArg, isOmitted, rangeArg, warnDaysArg } from './args';
import { functionCalendar, today, toExcelError } from './context';
import { datesFrom1900, datesIn1900, functionDateSystem } from './dateSystem';
import { summaryOfTable } from './summary-table';

export type Answer<T> = T | LedgerError;

/** The block to write per-row answers into: the argument itself when it is already a matrix. */
function writable(grid: CellGrid): OutputGrid {
  return grid as OutputGrid;
}

export function completionRate(statuses: unknown, digits?: unknown, countBasic?: unknown): Answer<number> {
  const d = digitsArg(digits);
  if (isLedgerError(d)) return d;
  const basic = flagArg(countBasic, 'countBasic');
  if (isLedgerError(basic)) return basic;
  return completionRateOfCells(rangeArg(statuses), { digits: d, countBasic: basic, argument: argumentName('statuses') });
}

export function longTermShare(flags: unknown, digits?: unknown): Answer<number> {
  const d = digitsArg(digits);
  if (isLedgerError(d)) return d;
  return longTermShareOfCells(rangeArg(flags), { digits: d, argument: argumentName('flags') });
}

export function daysLeft(deadlines: unknown, asOf?: unknown, workdays?: unknown): Answer<unknown[][]> {
  const day = dateArg(datesIn1900(asOf), 'asOf', today());
  if (isLedgerError(day)) return day;
  const inWorkdays = flagArg(workdays, 'workdays');
  if (isLedgerError(inWorkdays)) return inWorkdays;
  const grid = rangeArg(datesIn1900(deadlines));
  return daysLeftInto(writable(grid), grid, {
    asOf: day,
    counter: dayCounter(inWorkdays ? 'workdays' : 'calendar', functionCalendar()),
    toError: toExcelError,
    argument: argumentName('deadlines'),
  });
}

export function overdue(deadlines: unknown, statuses: unknown, asOf?: unknown): Answer<number> {
  const day = dateArg(datesIn1900(asOf), 'asOf', today());
  if (isLedgerError(day)) return day;
  return overdueOfCells(rangeArg(datesIn1900(deadlines)), rangeArg(statuses), {
    asOf: day,
    deadlinesArgument: argumentName('deadlines'),
    statusesArgument: argumentName('statuses'),
  });
}

export function onTimeRate(deadlines: unknown, doneDates: unknown, statuses: unknown, asOf?: unknown, digits?: unknown): Answer<number> {
  const day = dateArg(datesIn1900(asOf), 'asOf', today());
  if (isLedgerError(day)) return day;
  const d = digitsArg(digits);
  if (isLedgerError(d)) return d;
  return onTimeRateOfCells(rangeArg(datesIn1900(deadlines)), rangeArg(datesIn1900(doneDates)), rangeArg(statuses), {
    asOf: day,
    digits: d,
    deadlinesArgument: argumentName('deadlines'),
    doneDatesArgument: argumentName('doneDates'),
    statusesArgument: argumentName('statuses'),
  });
}

export function light(
  deadlines: unknown,
  statuses: unknown,
  longTerm?: unknown,
  asOf?: unknown,
  warnDays?: unknown,
  workdays?: unknown,
): Answer<unknown[][]> {
  const day = dateArg(datesIn1900(asOf), 'asOf', today());
  if (isLedgerError(day)) return day;
  const warn = warnDaysArg(warnDays);
  if (isLedgerError(warn)) return warn;
  const inWorkdays = flagArg(workdays, 'workdays');
  if (isLedgerError(inWorkdays)) return inWorkdays;
  const grid = rangeArg(datesIn1900(deadlines));
  return lightInto(writable(grid), grid, rangeArg(statuses), isOmitted(longTerm) ? null : rangeArg(longTerm), {
    asOf: day,
    warnDays: warn,
    counter: dayCounter(inWorkdays ? 'workdays' : 'calendar', functionCalendar()),
    toError: toExcelError,
    deadlinesArgument: argumentName('deadlines'),
    statusesArgument: argumentName('statuses'),
    flagsArgument: argumentName('longTerm'),
  });
}

export function deadline(text: unknown, ref?: unknown): Answer<unknown[][]> {
  const day = dateArg(datesIn1900(ref), 'ref', today());
  if (isLedgerError(day)) return day;
  const grid = rangeArg(datesIn1900(text));
  const answers = deadlineInto(writable(grid), grid, {
    ref: day,
    calendar: functionCalendar(),
    toError: toExcelError,
    argument: argumentName('text'),
  });
  return datesFrom1900(answers);
}

export function status(text: unknown): unknown[][] {
  const grid = rangeArg(text);
  return statusInto(writable(grid), grid, { toError: toExcelError, argument: argumentName('statusText') });
}

export function summary(table: unknown): Answer<string> {
  return summaryOfTable(rangeArg(table), today(), functionDateSystem());
}
