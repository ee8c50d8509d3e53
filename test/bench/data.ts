// Bench data: columns of a ledger as Excel hands them to a custom function (rows of one cell,
// every text its own string object, as after the runtime's JSON messaging), made from a seeded
// generator so every run measures the same cells. The last 1% of rows are blank, like the end of
// a whole-column reference.
import { ymdToSerial } from '../../src/ledger/dates';
import { prng } from '../../src/workbook/sample';

export const STATUSES = ['已完成', '正在推进', '基本完成', '部分完成', '未启动'] as const;
/** Status phrases whose canonical status a chain of SEARCH() formulas can also find. */
export const STATUS_PHRASES: readonly (readonly [string, string])[] = [
  ['已完成', '已完成'],
  ['此项问题已完成整改', '已完成'],
  ['已整改到位', '已完成'],
  ['正在推进', '正在推进'],
  ['正在整改', '正在推进'],
  ['部分已整改', '部分完成'],
  ['基本完成', '基本完成'],
  ['尚未整改', '未启动'],
  ['未启动', '未启动'],
];

export const AS_OF_SERIAL = ymdToSerial(2025, 6, 30);
const FIRST_DEADLINE = ymdToSerial(2024, 1, 1);
const DEADLINE_SPAN = ymdToSerial(2026, 12, 31) - FIRST_DEADLINE;

export type LedgerColumns = {
  rows: number;
  statuses: unknown[][];
  flags: unknown[][];
  deadlines: unknown[][];
  doneDates: unknown[][];
  deadlineTexts: unknown[][];
  statusPhrases: unknown[][];
  problemIds: unknown[][];
  closeStates: unknown[][];
};

function pickStatus(r: number): string {
  if (r < 0.6) return STATUSES[0];
  if (r < 0.8) return STATUSES[1];
  if (r < 0.88) return STATUSES[2];
  if (r < 0.95) return STATUSES[3];
  return STATUSES[4];
}

/** `rows` rows of every ledger column, JSON round-tripped like Excel's arguments. */
export function makeColumns(rows: number, seed = 20251001): LedgerColumns {
  const next = prng(seed);
  const filled = Math.floor(rows * 0.99);
  const cols: Record<Exclude<keyof LedgerColumns, 'rows'>, unknown[][]> = {
    statuses: [], flags: [], deadlines: [], doneDates: [], deadlineTexts: [], statusPhrases: [], problemIds: [], closeStates: [],
  };
  for (let i = 0; i < rows; i++) {
    if (i >= filled) {
      for (const key of Object.keys(cols) as (keyof typeof cols)[]) cols[key].push(['']);
      continue;
    }
    const status = pickStatus(next());
    const longTermOnly = next() < 0.05;
    const deadline = longTermOnly ? '' : FIRST_DEADLINE + Math.floor(next() * DEADLINE_SPAN);
    const done = status === '已完成';
    const doneDate = done ? (typeof deadline === 'number' ? deadline : AS_OF_SERIAL) + Math.floor(next() * 40) - 30 : '';
    cols.statuses.push([status]);
    cols.flags.push([longTermOnly || next() < 0.25 ? '是' : '否']);
    cols.deadlines.push([deadline]);
    cols.doneDates.push([doneDate]);
    cols.deadlineTexts.push([`${2024 + Math.floor(next() * 3)}年${1 + Math.floor(next() * 12)}月底前`]);
    cols.statusPhrases.push([STATUS_PHRASES[Math.floor(next() * STATUS_PHRASES.length)][0]]);
    cols.problemIds.push([`P${String(1 + Math.floor(i / 3)).padStart(6, '0')}`]);
    cols.closeStates.push([done && next() < 0.7 ? '已销号' : '未申请']);
  }
  return { rows, ...(JSON.parse(JSON.stringify(cols)) as typeof cols) };
}

/** A fresh copy of a column, as Excel would deliver it again (the per-row functions write in place). */
export function freshCopy(column: unknown[][]): unknown[][] {
  return JSON.parse(JSON.stringify(column)) as unknown[][];
}
