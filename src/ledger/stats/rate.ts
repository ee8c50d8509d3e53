// Rates as the 通报 publish them: a fraction 0–1, optionally rounded half-up on the percentage
// (98.71%, 89.6%, 80%): 688/697 with 2 digits → 0.9871. Rounding is done on integers so a tie
// such as 12.5% → 13% never drifts through binary floating point.
import { ledgerError, type LedgerError } from '../errors';

export const MAX_DIGITS = 10;

/** Whether `digits` is a usable number of decimals of the percentage (0–10, whole). */
export function isValidDigits(digits: number): boolean {
  return Number.isInteger(digits) && digits >= 0 && digits <= MAX_DIGITS;
}

/**
 * done ÷ total as a fraction; with `digits`, the percentage is rounded half-up to that many
 * decimals first (0.98709… with 2 → 0.9871). Throws on misuse (total ≤ 0, digits out of range).
 */
export function roundedRate(done: number, total: number, digits: number | null = null): number {
  if (!(total > 0) || !(done >= 0) || !Number.isInteger(done) || !Number.isInteger(total)) {
    throw new RangeError(`roundedRate: need whole numbers done ≥ 0 and total > 0, got ${done}/${total}`);
  }
  if (digits === null) return done / total;
  if (!isValidDigits(digits)) throw new RangeError(`roundedRate: digits must be 0–${MAX_DIGITS}, got ${digits}`);
  const scale = 10 ** (digits + 2); // the fraction's decimals: 2 more than the percentage's
  // half-up of done·scale/total = floor((2·done·scale + total) / (2·total)), exact while it fits 2^53.
  if (2 * done * scale + total <= Number.MAX_SAFE_INTEGER) {
    return Math.floor((2 * done * scale + total) / (2 * total)) / scale;
  }
  const big = (2n * BigInt(done) * 10n ** BigInt(digits + 2) + BigInt(total)) / (2n * BigInt(total));
  return Number(big) / scale;
}

/** A rate over counted items, or #DIV/0! (emptyRange, naming the argument) when nothing was counted. */
export function rateOrError(done: number, total: number, digits: number | null, argument: string): number | LedgerError {
  if (total === 0) return ledgerError('emptyRange', argument);
  return roundedRate(done, total, digits);
}
