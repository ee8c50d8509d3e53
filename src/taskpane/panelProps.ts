// What App hands each tab panel (录入, 台账, 导入, 报告). Panels own their own strings per locale.
import type { Locale } from '../ledger/errors';
import type { LedgerStore } from '../ledger/store';
import type { Ledger } from '../ledger/types';

export type PanelProps = {
  store: LedgerStore;
  ledger: Ledger;
  locale: Locale;
  /** Reload the ledger from the store after a write, so every panel sees the change. */
  onLedgerChanged: () => Promise<void>;
};
