// 变更记录 rows as ChangeEntry lines, for the store contract: the time column holds an Excel serial.
import { serialToIso } from '../../src/ledger/dates';
import type { ChangeEntry } from '../../src/ledger/store';

/** 46348.395833 → '2026-11-22 09:30:00'. */
export function serialToDateTime(serial: number): string {
  const day = Math.floor(serial);
  const seconds = Math.round((serial - day) * 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${serialToIso(day)} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** Rows of 时间, 编号, 字段, 原值, 新值 (blank template rows left out). */
export function changeEntries(rows: readonly (readonly unknown[])[]): ChangeEntry[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return rows
    .filter((r) => text(r[1]) !== '')
    .map((r) => ({ time: typeof r[0] === 'number' ? serialToDateTime(r[0]) : text(r[0]), id: text(r[1]), field: text(r[2]), before: text(r[3]), after: text(r[4]) }));
}
