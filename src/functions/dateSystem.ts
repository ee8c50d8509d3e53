// The workbook's date system, for the ZG.* functions. Excel hands a custom function a date cell as
// the number stored in the workbook, and a workbook in the 1904 date system (Mac-origin files)
// stores every day 1,462 lower than the 1900 serials the core reads. Office.js tells a custom
// function nothing about the workbook it runs in, and Workbook.use1904DateSystem is a preview API,
// so the task pane, which shares the functions' runtime (manifest: SharedRuntime), computes
// DATE(2000,1,1) in the workbook at start-up and sets the system here (boot.ts).
//
// Date arguments are moved to 1900 serials on the way in and DEADLINE's dates back on the way out.
// In a 1900 workbook (nearly all) nothing is touched or copied; in a 1904 one a date range is copied
// once, so the block Excel passed is never changed under another argument that shares it.
import { DATE_1904_OFFSET, type DateSystem } from '../ledger/dates';

let system: DateSystem = '1900';

/** Set by the pane once it knows the workbook's date system; every later call reads it. */
export function setFunctionDateSystem(next: DateSystem): void {
  system = next;
}

export function functionDateSystem(): DateSystem {
  return system;
}

/** The ids of the functions that read or return dates: their help pages say how 1904 is handled. */
export const DATE_FUNCTIONS: ReadonlySet<string> = new Set(['DAYSLEFT', 'OVERDUE', 'ONTIMERATE', 'LIGHT', 'DEADLINE', 'SUMMARY']);

/** A date that lost its format ("45291" as text) is a serial of the workbook too. */
const TEXT_SERIAL = /^\s*\d+(\.\d+)?\s*$/;

/**
 * One cell of a date argument as the core reads it. Negative numbers are no date in either
 * system and stay as they are, so they are still refused; text, blanks and errors are unchanged.
 */
export function cellIn1900(value: unknown, from: DateSystem = system): unknown {
  if (from === '1900') return value;
  if (typeof value === 'number') return value >= 0 ? value + DATE_1904_OFFSET : value;
  if (typeof value === 'string' && TEXT_SERIAL.test(value)) return Number(value) + DATE_1904_OFFSET;
  return value;
}

/** A date argument (one value, a row, or a block) in 1900 serials: the argument itself in a 1900 workbook. */
export function datesIn1900(value: unknown, from: DateSystem = system): unknown {
  if (from === '1900' || !Array.isArray(value)) return cellIn1900(value, from);
  return value.map((row: unknown) => (Array.isArray(row) ? row.map((v) => cellIn1900(v, from)) : cellIn1900(row, from)));
}

/** DEADLINE's answers (dates as 1900 serials, or error cells) in the workbook's system, in place. */
export function datesFrom1900(block: unknown[][], to: DateSystem = system): unknown[][] {
  if (to === '1900') return block;
  for (const row of block) {
    for (let c = 0; c < row.length; c++) if (typeof row[c] === 'number') row[c] = (row[c] as number) - DATE_1904_OFFSET;
  }
  return block;
}
