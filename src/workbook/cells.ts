// Cell values ↔ ledger rows, by header name (never by position: users reorder columns), with dates
// as Excel serials and user text protected from being read as a formula.
import { fromSerial1900, isoToSerial, isValidYmd, serialToIso, toSerial1900, ymdToIso, FIRST_EXACT_SERIAL, type DateSystem } from '../ledger/dates';
import { isStatus, parseFlag, parseStatus } from '../ledger/status';
import type { ChangeEntry } from '../ledger/store';
import {
  CLOSE_STATES, PROBLEM_SOURCES, ROUND_KINDS, UNMARKED, EMPTY_ROUND,
  type CloseState, type IsoDate, type MeasureRow, type ProblemRow, type ProblemSource, type Round, type RoundKind, type StatusOrUnmarked,
} from '../ledger/types';
import { INFO_CELLS, type ColumnDef, type TableDef } from './schema';

/** Where a value goes: Office.js `values` (typed input, parsed like the keyboard) or an .xlsx cell. */
export type CellTarget = 'office' | 'xlsx';
export type CellValue = string | number | boolean;

/** Header text → position in the table as it is now. */
export type HeaderIndex = ReadonlyMap<string, number>;

export function headerIndex(headers: readonly unknown[]): HeaderIndex {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = String(h ?? '').trim();
    if (key && !index.has(key)) index.set(key, i);
  });
  return index;
}

/** The schema headers a table lacks. */
export function missingHeaders(table: TableDef, index: HeaderIndex): string[] {
  return table.columns.map((c) => c.header).filter((h) => !index.has(h));
}

// ---- reading ---------------------------------------------------------------------------------

export function readText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return String(v).trim();
}

const LOOSE_DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date cell: a serial number, or text such as 2026-03-15, 2026/3/15, 2026年3月15日. */
export function readDate(v: unknown): IsoDate | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= FIRST_EXACT_SERIAL ? serialToIso(v) : null;
  const m = LOOSE_DATE_RE.exec(readText(v));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : null;
}

export function readFlag(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  return parseFlag(readText(v)) ?? false;
}

/** A status cell: the canonical value, or any phrase (完成, 推进中 …); blank or unreadable → 未标注. */
export function readStatus(v: unknown): StatusOrUnmarked {
  const text = readText(v);
  if (isStatus(text)) return text;
  if (!text) return UNMARKED;
  return parseStatus(text).status ?? UNMARKED;
}

function oneOf<T extends string>(list: readonly T[], v: unknown, fallback: T | ''): T | '' {
  const text = readText(v);
  return (list as readonly string[]).includes(text) ? (text as T) : fallback;
}

export function readCloseState(v: unknown): CloseState {
  return (oneOf(CLOSE_STATES, v, '未申请') || '未申请') as CloseState;
}

type Getter = (header: string) => unknown;

function getter(cells: readonly unknown[], index: HeaderIndex): Getter {
  return (header) => {
    const i = index.get(header);
    return i === undefined ? '' : cells[i];
  };
}

function by<F extends string>(table: TableDef<F>): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const c of table.columns) if (c.field) out[c.field] = c.header;
  return out;
}

export function problemFromCells(table: TableDef<keyof ProblemRow>, cells: readonly unknown[], index: HeaderIndex): ProblemRow {
  const get = getter(cells, index);
  const h = by(table);
  return {
    id: readText(get(h.id)), sourceNumber: readText(get(h.sourceNumber)), category: readText(get(h.category)),
    description: readText(get(h.description)), source: oneOf<ProblemSource>(PROBLEM_SOURCES, get(h.source), ''),
    leader: readText(get(h.leader)), leadUnit: readText(get(h.leadUnit)), status: readStatus(get(h.status)),
    longTerm: readFlag(get(h.longTerm)), closeState: readCloseState(get(h.closeState)), closeDate: readDate(get(h.closeDate)),
    note: readText(get(h.note)),
  };
}

export function measureFromCells(table: TableDef<keyof MeasureRow>, cells: readonly unknown[], index: HeaderIndex): MeasureRow {
  const get = getter(cells, index);
  const h = by(table);
  return {
    id: readText(get(h.id)), problemId: readText(get(h.problemId)), text: readText(get(h.text)), leader: readText(get(h.leader)),
    unit: readText(get(h.unit)), coUnits: readText(get(h.coUnits)), owner: readText(get(h.owner)),
    deadlineText: readText(get(h.deadlineText)), deadline: readDate(get(h.deadline)), status: readStatus(get(h.status)),
    longTerm: readFlag(get(h.longTerm)), doneDate: readDate(get(h.doneDate)), progress: readText(get(h.progress)),
    evidence: readText(get(h.evidence)), closeState: readCloseState(get(h.closeState)), closeDate: readDate(get(h.closeDate)),
    note: readText(get(h.note)),
  };
}

/** 巡察信息 from the values of its named cells (name → value). */
export function roundFromCells(values: ReadonlyMap<string, unknown>): Round {
  const round: Round = { ...EMPTY_ROUND };
  for (const cell of INFO_CELLS) {
    if (!cell.field || !values.has(cell.name)) continue;
    const v = values.get(cell.name);
    switch (cell.field) {
      case 'org':
      case 'inspector':
        round[cell.field] = readText(v);
        break;
      case 'kind':
        round.kind = oneOf<RoundKind>(ROUND_KINDS, v, '');
        break;
      case 'months': {
        const n = typeof v === 'number' ? v : Number(readText(v));
        round.months = readText(v) !== '' && Number.isInteger(n) && n >= 0 ? n : EMPTY_ROUND.months;
        break;
      }
      default:
        round[cell.field] = readDate(v);
    }
  }
  return round;
}

// ---- writing ---------------------------------------------------------------------------------

// Range.values parses a string like keyboard input, and what Excel's parser accepts depends on the
// user's locale and version: "(1)" becomes −1, "#N/A" an error, "1 1/2" a fraction, "15-Mar",
// "1-Jan" and "March 2026" dates, "＝1+1" (full width) and "\t=1" formulas, "TRUE" a boolean. So the
// rule is the other way round: text is written bare only when it is certainly plain text, and
// everything else gets the apostrophe prefix (Excel's quote prefix: invisible in the cell and not
// part of the value read back — office-js issue 6687 shows reads dropping it).
//
// Certainly plain: it starts with a character that begins no number, date, time, formula, error or
// sign in any locale (not whitespace, not a digit, not = + - @ ' # ( $ ¥ € £ . , : / % or their
// full-width forms), it holds no digit at all (ASCII or full-width: digits are what dates, times,
// fractions and numbers are made of), and it is not a boolean word of a locale Excel ships.
const TRIGGER_START_RE = /^[\s\p{C}\p{Z}=+\-\u2212@'‘’#(（\[{$¥￥€£₩.,，:：;；/%％＝＋－＠＃＄＇]/u;
const DIGIT_RE = /[0-9０-９\p{Nd}]/u;
const BOOLEAN_WORDS = new Set([
  'true', 'false', 'wahr', 'falsch', 'vrai', 'faux', 'verdadero', 'falso', 'vero', 'verdadeiro', 'waar', 'onwaar',
  'sant', 'usann', 'sand', 'falsk', 'prawda', 'fałsz', 'истина', 'ложь', 'doğru', 'yanlış', 'igaz', 'hamis', 'pravda', 'nepravda',
  'tosi', 'epätosi', 'αληθές', 'ψευδές',
]);

/** Whether Excel keeps `text` exactly as typed (see above); false whenever in doubt. */
export function isCertainlyPlainText(text: string): boolean {
  if (text === '' || TRIGGER_START_RE.test(text) || DIGIT_RE.test(text)) return false;
  return !BOOLEAN_WORDS.has(text.trim().toLowerCase());
}

/** Text as Office.js must receive it to store exactly that text: bare when certainly plain, else after an apostrophe. */
export function officeText(text: string): string {
  return text === '' || isCertainlyPlainText(text) ? text : `'${text}`;
}

/** One cell's value for a column: dates as serials, flags 是/否, 未标注 blank, text protected. */
export function cellValue(column: ColumnDef, value: unknown, target: CellTarget, system: DateSystem = '1900'): CellValue {
  if (value === null || value === undefined) return '';
  const serial = (n: number | null) => (n === null ? '' : fromSerial1900(n, system));
  switch (column.kind) {
    case 'date':
      return typeof value === 'string' ? serial(isoToSerial(value)) : '';
    case 'datetime':
      return typeof value === 'string' ? serial(dateTimeToSerial(value)) : '';
    case 'flag':
      return value === true ? '是' : '否';
    case 'number':
      return typeof value === 'number' ? value : '';
    case 'formula':
      return column.formula ?? '';
    default: {
      const text = String(value);
      if (text === UNMARKED) return '';
      return target === 'office' ? officeText(text) : text;
    }
  }
}

/** A row's values in the order of the table's current headers; unknown columns are left blank. */
export function cellsFromRow<F extends string>(table: TableDef<F>, row: Record<F, unknown>, headers: readonly string[], target: CellTarget, system: DateSystem = '1900'): CellValue[] {
  const byHeader = new Map(table.columns.map((c) => [c.header, c]));
  return headers.map((h) => {
    const column = byHeader.get(h);
    if (!column) return '';
    return cellValue(column, column.field ? row[column.field] : null, target, system);
  });
}

/**
 * A table's rows with the numbers of its date columns moved from the workbook's date system to the
 * 1900 serials the readers expect (a 1904 workbook's dates are 1,462 lower). The rows themselves are
 * left alone: a copy is made only for a 1904 workbook.
 */
export function rowsIn1900<F extends string>(table: TableDef<F>, index: HeaderIndex, rows: readonly (readonly unknown[])[], system: DateSystem): readonly (readonly unknown[])[] {
  if (system === '1900') return rows;
  const dateColumns = table.columns.filter((c) => c.kind === 'date' || c.kind === 'datetime').map((c) => index.get(c.header)).filter((i): i is number => i !== undefined);
  return rows.map((row) => {
    const copy = [...row];
    for (const i of dateColumns) if (typeof copy[i] === 'number') copy[i] = toSerial1900(copy[i] as number, system);
    return copy;
  });
}

/** A single date cell of the workbook's system as a 1900 serial (text and blanks unchanged). */
export function valueIn1900(v: unknown, system: DateSystem): unknown {
  return typeof v === 'number' ? toSerial1900(v, system) : v;
}

/**
 * The workbook's date system from DATE(2000,1,1) as the workbook computes it (Excel.Functions,
 * ExcelApi 1.2): 36526 in the 1900 system, 1,462 less in the 1904 system. Workbook.use1904DateSystem
 * would say it directly but is a preview API only.
 */
export const DATE_PROBE = { year: 2000, month: 1, day: 1, serial1900: 36526 } as const;

export function dateSystemOfProbe(value: unknown): DateSystem {
  return value === DATE_PROBE.serial1900 - 1462 ? '1904' : '1900';
}

/** `YYYY-MM-DD HH:MM:SS` → Excel serial with the time as a fraction. */
export function dateTimeToSerial(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const day = isoToSerial(m[1]);
  if (day === null) return null;
  const seconds = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return day + seconds / 86400;
}

/** A 变更记录 line as a ZG_Changes row. */
export function changeRow(entry: ChangeEntry): Record<'time' | 'id' | 'field' | 'before' | 'after', string> {
  return { time: entry.time, id: entry.id, field: entry.field, before: entry.before, after: entry.after };
}
