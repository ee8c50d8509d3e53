// Reading the 台账.xlsx a command works on (分发, 回收, 催办): the ledger, or a CliError saying why not.
import path from 'node:path';
import { isLedgerError } from '../ledger/errors';
import type { ChangeEntry } from '../ledger/store';
import type { Ledger } from '../ledger/types';
import { openXlsx } from '../workbook/xlsx/open';
import { readChangeLog, readLedgerTables } from '../workbook/xlsx/readLedger';
import { CliError, type CliIo } from './io';

export function readInputLedger(io: CliIo, file: string): { ledger: Ledger; changes: ChangeEntry[] } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch {
    throw new CliError(`找不到文件或无法读取：${file}`, 1);
  }
  const name = path.basename(file);
  const parts = openXlsx(bytes, name);
  if (isLedgerError(parts)) throw new CliError(parts.message, 1);
  const read = readLedgerTables(parts, name);
  if (isLedgerError(read)) throw new CliError(`${name}：${read.message}`, 1);
  return { ledger: read.ledger, changes: readChangeLog(parts) };
}

export function isoOption(args: readonly string[], i: number, option: string): string {
  const value = args[i];
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new CliError(`“${option}”后面要写日期，格式为 YYYY-MM-DD，例如：${option} 2026-03-31`, 1);
  return value;
}
