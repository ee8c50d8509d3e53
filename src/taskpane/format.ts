// How the pane shows dates, rates and store errors in the user's language.
import { formatChineseDate, formatEnglishDate } from '../ledger/dates';
import { formatMessage, isLedgerError, type Locale } from '../ledger/errors';
import { LedgerStoreError } from '../ledger/store';

/** A date in prose: 2024年3月15日 in Chinese, Mar 15, 2024 in English; '' for no date. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return locale === 'zh-CN' ? formatChineseDate(iso) : formatEnglishDate(iso);
}


/** Rates read the same in the pane as in the 通报 and the sheets: one formatting function, in the core. */
export { formatRate } from '../ledger/stats/rate';

/** A message for anything a store rejected with, in the pane's language. */
export function describeError(error: unknown, locale: Locale): string {
  if (isLedgerError(error)) return formatMessage(error.code, error.params, locale);
  // Stores reject with a LedgerStoreError carrying the LedgerError: re-word it in the pane's language.
  if (error instanceof LedgerStoreError) return formatMessage(error.error.code, error.error.params, locale);
  if (error instanceof Error) return error.message;
  return String(error);
}
