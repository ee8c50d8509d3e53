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

/**
 * Decimals of every percentage the add-in shows or writes — the pane's figures, the summary
 * sentence, the 通报, the generated sheets — so one rate never reads 46.43% in one place and 46.4%
 * in another. Two, as most published 通报 print them (98.71%, 96.18%).
 */
export const RATE_DIGITS = 2;

/**
 * The Excel number format of a rate cell, the same rounding as formatRate. Excel cannot drop
 * trailing zeros, so a sheet shows 80.00% where the text says 80%: the same figure.
 */
export const RATE_NUMBER_FORMAT = `0.${'0'.repeat(RATE_DIGITS)}%`;

/**
 * A 0–1 rate as text: the percentage rounded half-up to RATE_DIGITS decimals, without trailing zeros
 * ("80%", "46.43%", "98.7%"); '—' when there is nothing to count (null, NaN).
 */
export function formatRate(fraction: number | null, digits = RATE_DIGITS): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  if (!isValidDigits(digits)) throw new RangeError(`formatRate: digits must be 0–${MAX_DIGITS}, got ${digits}`);
  // toPrecision strips the binary noise of the scaling (0.285 × 10⁴ = 2849.9999999999995) before rounding.
  const scaled = Number((fraction * 10 ** (digits + 2)).toPrecision(12));
  const percent = Math.floor(scaled + 0.5) / 10 ** digits;
  return `${Number(percent.toFixed(digits))}%`;
}

/** done ÷ total as formatRate writes it ("20/25" → "80%"). Throws on misuse (total ≤ 0), as roundedRate does. */
export function formatPercentOf(done: number, total: number, digits = RATE_DIGITS): string {
  return formatRate(roundedRate(done, total, digits), digits);
}
