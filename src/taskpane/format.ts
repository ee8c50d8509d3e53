// How the pane shows dates, rates and store errors in the user's language.
import { formatChineseDate, parseIso } from '../ledger/dates';
import { formatMessage, isLedgerError, type Locale } from '../ledger/errors';
import { LedgerStoreError } from '../ledger/store';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date in prose: 2024年3月15日 in Chinese, Mar 15, 2024 in English; '' for no date. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const ymd = parseIso(iso);
  if (!ymd) return iso;
  return locale === 'zh-CN' ? formatChineseDate(iso) : `${MONTHS_EN[ymd.month - 1]} ${ymd.day}, ${ymd.year}`;
}

/**
 * One stored log line (整改进展, 备注: `YYYY-MM-DD：…`, the format the workbook keeps and formulas and
 * people without the add-in read) as the pane shows it: its date in prose, the rest as written.
 */
export function formatLogLine(line: string, locale: Locale): string {
  const m = /^(\d{4}-\d{2}-\d{2})([：:])\s*/.exec(line);
  if (!m || !parseIso(m[1])) return line;
  return `${formatDate(m[1], locale)}${locale === 'zh-CN' ? '：' : ': '}${line.slice(m[0].length)}`;
}

/** A 0–1 fraction as a percentage with up to one decimal (98.7%); '—' when there is nothing to count. */
export function formatRate(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const percent = Math.round(fraction * 1000) / 10;
  return `${percent}%`;
}

/** A message for anything a store rejected with, in the pane's language. */
export function describeError(error: unknown, locale: Locale): string {
  if (isLedgerError(error)) return formatMessage(error.code, error.params, locale);
  // Stores reject with a LedgerStoreError carrying the LedgerError: re-word it in the pane's language.
  if (error instanceof LedgerStoreError) return formatMessage(error.error.code, error.error.params, locale);
  if (error instanceof Error) return error.message;
  return String(error);
}
