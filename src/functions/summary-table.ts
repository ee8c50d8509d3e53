// ZG.SUMMARY: a ledger table with its header row (ZG_Measures[#All] or ZG_Problems[#All]) → the
// summary sentence of a 通报. Columns are found by their Chinese headers (DESIGN.md §3), so the
// table's column order and extra columns do not matter.
import { ledgerError, type LedgerError } from '../ledger/errors';
import { summarySentence, type SummaryCounts } from '../ledger/report/summary';
import { rolledUpRank } from '../ledger/status';
import { errorCode, gridWidth, isBlankCell, type CellGrid } from '../ledger/stats';
import { DeadlineCodeCache, DL_BLANK, DL_LONG_TERM, isDateCode } from '../ledger/stats/deadline-codes';
import { itemLabel, cellText } from '../ledger/stats/labels';
import {
  CODE_BLANK,
  CODE_DONE,
  CODE_NOT_A_STATUS,
  CODE_UNMARKED,
  FLAG_YES,
  FlagCodeCache,
  isDoneCode,
  LONG_TERM_BIT,
  StatusCodeCache,
  STATUS_MASK,
} from '../ledger/stats/status-codes';
import type { DateSystem } from '../ledger/dates';
import { argumentName } from './args';
import { cellIn1900 } from './dateSystem';

const HEADERS = {
  measureId: ['措施编号'],
  problemId: ['问题编号'],
  measureStatus: ['整改状态', '完成情况', '整改情况'],
  problemStatus: ['问题状态'],
  longTerm: ['长期坚持', '是否长期坚持', '纳入长期坚持'],
  deadline: ['截止日期'],
  deadlineText: ['整改时限', '完成时限'],
  closeState: ['销号状态'],
} as const;

type Column = keyof typeof HEADERS;
type Columns = Record<Column, number>;

function headerText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, '') : '';
}

function findColumns(header: readonly unknown[]): Columns {
  const names = header.map(headerText);
  const columns = {} as Columns;
  for (const key of Object.keys(HEADERS) as Column[]) {
    columns[key] = names.findIndex((name) => (HEADERS[key] as readonly string[]).includes(name));
  }
  return columns;
}

// Per problem, the roll-up state: lowest rank seen (0–4; 7 = none yet) + 8 when a measure is 未标注,
// + 16 when any measure is flagged 长期坚持, + 32 when any measure has started (rank ≥ 1) — folded as
// the rows come, rolled up by status.ts's rule (problemStatus).
const NO_RANK = 7;
const ANY_UNMARKED = 8;
const ANY_LONG_TERM = 16;
const ANY_STARTED = 32;

/** The rolled-up status rank of a problem state, or -1 for 未标注. */
function rolledRank(state: number): number {
  const rank = state & 7;
  return rolledUpRank(rank === NO_RANK ? null : rank, (state & ANY_UNMARKED) !== 0, (state & ANY_STARTED) !== 0);
}

/**
 * The counts of a measure table (整改状态 present) or a problem table (问题状态 only), as of `asOf`
 * (epoch day), or a LedgerError naming the column and row of a bad cell.
 */
export function countTable(table: CellGrid, asOf: number, system: DateSystem = '1900'): SummaryCounts | LedgerError {
  const tableName = argumentName('table');
  if (table.length === 0 || gridWidth(table) === 0) return ledgerError('notATable', tableName);
  const col = findColumns(table[0]);
  const isMeasureTable = col.measureStatus >= 0;
  const statusColumn = isMeasureTable ? col.measureStatus : col.problemStatus;
  if (statusColumn < 0) {
    const known = Object.values(col).some((i) => i >= 0);
    return known ? ledgerError('missingColumn', '整改状态') : ledgerError('notATable', tableName);
  }
  const statusHeader = String(table[0][statusColumn]);
  const statusCache = new StatusCodeCache();
  const flagCache = new FlagCodeCache();
  const deadlineCache = new DeadlineCodeCache(asOf);
  const problems = new Map<string, number>();
  let rows = 0;
  let done = 0;
  let overdue = 0;
  let closed = 0;
  let longTermRows = 0;
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (row.every(isBlankCell)) continue; // blank rows at the end of a whole-column reference
    for (let c = 0; c < row.length; c++) {
      const code = typeof row[c] === 'object' && row[c] !== null ? errorCode(row[c]) : null;
      if (code !== null) return ledgerError('errorInRange', `${tableName}“${cellText(table[0][c])}”`, r, code);
    }
    const rawStatus = row[statusColumn];
    const sCode = statusCache.codeOf(rawStatus);
    const status = sCode & STATUS_MASK;
    if (status === CODE_NOT_A_STATUS) return ledgerError('badStatus', itemLabel(statusHeader, r), cellText(rawStatus));
    const statusRank = status === CODE_BLANK ? CODE_UNMARKED : status;
    rows++;
    const isDone = isDoneCode(sCode, false); // as published: 基本完成 is not done
    if (isDone) done++;
    let dCode = DL_BLANK;
    // Dates in the workbook's system (a 1904 workbook's are 1,462 lower): cellIn1900 is a no-op in 1900.
    if (col.deadline >= 0) dCode = deadlineCache.codeOf(cellIn1900(row[col.deadline], system));
    if (!isDateCode(dCode) && col.deadlineText >= 0) dCode = deadlineCache.codeOf(cellIn1900(row[col.deadlineText], system));
    const longTerm =
      (col.longTerm >= 0 && flagCache.codeOf(row[col.longTerm]) === FLAG_YES) || (sCode & LONG_TERM_BIT) !== 0 || dCode === DL_LONG_TERM;
    if (longTerm) longTermRows++;
    if (isMeasureTable && !isDone && isDateCode(dCode) && dCode < asOf) overdue++;
    if (isMeasureTable && col.closeState >= 0 && typeof row[col.closeState] === 'string' && (row[col.closeState] as string).trim() === '已销号') closed++;
    if (isMeasureTable && col.problemId >= 0 && !isBlankCell(row[col.problemId])) {
      const id = String(row[col.problemId]).trim();
      const state = problems.get(id) ?? NO_RANK;
      const rank = statusRank === CODE_UNMARKED ? NO_RANK : statusRank;
      let next = (state & ~7) | Math.min(state & 7, rank);
      if (statusRank === CODE_UNMARKED) next |= ANY_UNMARKED;
      else if (statusRank >= 1) next |= ANY_STARTED;
      if (longTerm) next |= ANY_LONG_TERM;
      problems.set(id, next);
    }
  }
  if (!isMeasureTable) {
    // A problem table: its rows are the problems, with their own (rolled-up) 问题状态.
    const problemsInProgress = countInProgressRows(table, statusColumn, statusCache);
    return { problems: rows, problemsDone: done, problemsInProgress, problemsLongTerm: longTermRows, measures: 0, measuresDone: 0, overdue: 0, closed: 0 };
  }
  let problemsDone = 0;
  let problemsInProgress = 0;
  let problemsLongTerm = 0;
  for (const state of problems.values()) {
    const rank = rolledRank(state);
    if (rank === CODE_DONE) problemsDone++;
    else if (rank >= 1) problemsInProgress++;
    if ((state & ANY_LONG_TERM) !== 0) problemsLongTerm++;
  }
  return { problems: problems.size, problemsDone, problemsInProgress, problemsLongTerm, measures: rows, measuresDone: done, overdue, closed };
}

function countInProgressRows(table: CellGrid, statusColumn: number, cache: StatusCodeCache): number {
  let n = 0;
  for (let r = 1; r < table.length; r++) {
    if (table[r].every(isBlankCell)) continue;
    const s = cache.codeOf(table[r][statusColumn]) & STATUS_MASK;
    if (s >= 1 && s < CODE_DONE) n++;
  }
  return n;
}

/** ZG.SUMMARY: the counts of the table, as of today, in the reports' phrasing. */
export function summaryOfTable(table: CellGrid, asOf: number, system: DateSystem = '1900'): string | LedgerError {
  const counts = countTable(table, asOf, system);
  if ('tag' in counts) return counts;
  return summarySentence(counts);
}
