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
