// What every command of the command line shares: its I/O (injected, so tests run commands
// in-process) and the error that carries a Chinese message and an exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import { todayIso } from '../ledger/dates';

export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  writeFile: (file: string, data: Uint8Array) => void;
  readFile: (file: string) => Uint8Array;
  today: () => string;
};

export const defaultIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  writeFile: (f, d) => writeFileSync(f, d),
  readFile: (f) => new Uint8Array(readFileSync(f)),
  today: () => todayIso(),
};

/** A user-facing failure: the message is printed after “错误：”, the code is the exit code. */
export class CliError extends Error {
  constructor(message: string, readonly code: 1 | 2) {
    super(message);
    this.name = 'CliError';
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: '所在文件夹不存在，请先建好文件夹或换一个位置',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹，请写出文件名',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限，或文件正被其他程序（如 Excel、WPS）打开，请关闭后重试',
  EBUSY: '文件正被其他程序（如 Excel、WPS）打开，请关闭后重试',
  EROFS: '所在位置只读',
  ENOSPC: '磁盘空间不足',
};

/** Writes an output file; a failure becomes a CliError in Chinese (exit 1), never a raw ENOENT. */
export function writeOutput(io: CliIo, file: string, data: Uint8Array): void {
  try {
    io.writeFile(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`无法写出“${file}”：${WRITE_REASONS[code] ?? `系统报告${code || '未知错误'}`}。未写出任何文件`, 1);
  }
}

/** Exit code of a failure the program did not foresee (a bug), never 1's or 2's meaning. */
export const EXIT_INTERNAL = 3;
