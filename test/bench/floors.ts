// The floor of each function: the least a hand-written loop must do over the same cells to get the
// same answer on the bench data (canonical texts, Excel dates), with nothing for odd input.
import { STATUS_PHRASES } from './data';

const EPOCH = 25569;

export function completionRateFloor(statuses: unknown[][]): number {
  let total = 0;
  let done = 0;
  for (let i = 0; i < statuses.length; i++) {
    const v = statuses[i][0];
    if (v === '' || v === null) continue;
    total++;
    if (v === '已完成') done++;
  }
  return done / total;
}

export function longTermShareFloor(flags: unknown[][]): number {
  let total = 0;
  let yes = 0;
  for (let i = 0; i < flags.length; i++) {
    const v = flags[i][0];
    if (v === '' || v === null) continue;
    total++;
    if (v === '是') yes++;
  }
  return yes / total;
}

export function overdueFloor(deadlines: unknown[][], statuses: unknown[][], asOfSerial: number): number {
  let n = 0;
  for (let i = 0; i < deadlines.length; i++) {
    const d = deadlines[i][0];
    if (typeof d === 'number' && d < asOfSerial && statuses[i][0] !== '已完成') n++;
  }
  return n;
}

export function onTimeRateFloor(deadlines: unknown[][], doneDates: unknown[][], statuses: unknown[][], asOfSerial: number): number {
  let due = 0;
  let onTime = 0;
  for (let i = 0; i < deadlines.length; i++) {
    const d = deadlines[i][0];
    if (typeof d !== 'number' || d > asOfSerial) continue;
    due++;
    const f = doneDates[i][0];
    if (statuses[i][0] === '已完成' && typeof f === 'number' && f <= d) onTime++;
  }
  return onTime / due;
}

export function daysLeftFloor(deadlines: unknown[][], asOfSerial: number): unknown[][] {
  for (let i = 0; i < deadlines.length; i++) {
    const row = deadlines[i];
    const d = row[0];
    row[0] = typeof d === 'number' ? Math.floor(d) - asOfSerial : '';
  }
  return deadlines;
}

export function lightFloor(deadlines: unknown[][], statuses: unknown[][], flags: unknown[][], asOfSerial: number): unknown[][] {
  for (let i = 0; i < deadlines.length; i++) {
    const row = deadlines[i];
    const d = row[0];
    const s = statuses[i][0];
    if (s === '已完成') row[0] = '蓝';
    else if (typeof d === 'number') row[0] = d < asOfSerial ? '红' : d - asOfSerial <= 7 ? '黄' : '绿';
    else if (flags[i][0] === '是') row[0] = '灰';
    else row[0] = '';
  }
  return deadlines;
}

const MONTH_END = /^(\d{4})年(\d{1,2})月底前$/;

export function deadlineFloor(texts: unknown[][]): unknown[][] {
  const seen = new Map<string, number>();
  for (let i = 0; i < texts.length; i++) {
    const row = texts[i];
    const t = row[0];
    if (typeof t !== 'string' || t === '') {
      row[0] = '';
      continue;
    }
    let serial = seen.get(t);
    if (serial === undefined) {
      const m = MONTH_END.exec(t);
      serial = m ? Date.UTC(Number(m[1]), Number(m[2]), 0) / 86_400_000 + EPOCH : NaN;
      seen.set(t, serial);
    }
    row[0] = serial;
  }
  return texts;
}

const CANONICAL = new Map(STATUS_PHRASES);

export function statusFloor(texts: unknown[][]): unknown[][] {
  for (let i = 0; i < texts.length; i++) {
    const row = texts[i];
    const t = row[0];
    row[0] = typeof t === 'string' ? (CANONICAL.get(t) ?? '') : '';
  }
  return texts;
}

/** The measure counts and the problem roll-up of a ledger table (header row first). */
export function summaryFloor(table: unknown[][], asOfSerial: number): string {
  let measures = 0;
  let done = 0;
  let overdue = 0;
  let closed = 0;
  const problemDone = new Map<string, boolean>();
  const problemLongTerm = new Map<string, boolean>();
  for (let r = 1; r < table.length; r++) {
    const [id, status, flag, deadline, close] = table[r];
    if (status === '' && id === '') continue;
    measures++;
    const isDone = status === '已完成';
    if (isDone) done++;
    else if (typeof deadline === 'number' && deadline < asOfSerial) overdue++;
    if (close === '已销号') closed++;
    const key = id as string;
    problemDone.set(key, (problemDone.get(key) ?? true) && isDone);
    if (flag === '是') problemLongTerm.set(key, true);
  }
  let problemsDone = 0;
  for (const v of problemDone.values()) if (v) problemsDone++;
  return `${problemDone.size}/${problemsDone}/${problemLongTerm.size}/${measures}/${done}/${overdue}/${closed}`;
}
