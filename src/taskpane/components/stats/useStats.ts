// State and actions of the 统计 tab's first two sections: 整改统计 (create or refresh the sheet, and
// the key figures computed here so the preview shows real numbers) and 发送副本 (in Excel the
// store's copy; everywhere a saved file frozen in the browser and downloaded). 汇总 is useConsolidate.
import { useCallback, useMemo, useState } from 'react';
import { todayIso } from '../../../ledger/dates';
import { isLedgerError, type Locale } from '../../../ledger/errors';
import { dashboardFigures, type DashboardFigures } from '../../../ledger/stats/dashboard-figures';
import type { DashboardReport, LedgerStore, SendCopyReport } from '../../../ledger/store';
import type { IsoDate, Ledger } from '../../../ledger/types';
import { DASHBOARD_SHEET } from '../../../workbook/dashboard';
import { describeError } from '../../format';
import { fill } from '../../i18n';
import type { Notice } from '../../hooks/useStoreAction';
import { canDownloadFiles } from '../../platform';
import { saveWorkbook } from '../../saveFile';
import { readFileBytes } from './fileBytes';
import { sendCopyNotice, sendCopyWarnings } from './sendCopyNotice';
import { STATS_STRINGS, type StatsStrings } from './statsStrings';

/** What the MessageBar says after 生成/刷新统计表. */
export function dashboardNotice(report: DashboardReport, t: StatsStrings): Notice {
  const done = fill(report.created ? t.dashboardCreated : t.dashboardRefreshed, report.sheet, report.categories, report.units, report.charts);
  // A new sheet under another name: a sheet of the user's had the name and was left alone.
  if (report.created && report.sheet !== DASHBOARD_SHEET) {
    return { intent: 'warning', text: `${done}${fill(t.dashboardRenamed, DASHBOARD_SHEET, report.sheet)}` };
  }
  return { intent: 'success', text: done };
}

export type DashboardState = {
  asOf: IsoDate;
  figures: DashboardFigures;
  canRefresh: boolean;
  busy: boolean;
  notice: Notice | null;
  clearNotice: () => void;
  refresh: () => Promise<void>;
};

export function useDashboard(store: LedgerStore, ledger: Ledger, locale: Locale): DashboardState {
  const t = STATS_STRINGS[locale];
  const asOf = ledger.round.asOf ?? todayIso();
  const figures = useMemo(() => dashboardFigures(ledger, asOf), [ledger, asOf]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const refreshDashboard = store.refreshDashboard?.bind(store);

  const refresh = useCallback(async () => {
    if (!refreshDashboard) return;
    setBusy(true);
    setNotice(null);
    try {
      const notice = dashboardNotice(await refreshDashboard(), t);
      // On the page the sheet is in the file only once it is saved.
      setNotice(store.kind === 'file' ? { ...notice, text: `${notice.text}${t.untilSaved}` } : notice);
    } catch (error) {
      setNotice({ intent: 'error', text: describeError(error, locale) });
    } finally {
      setBusy(false);
    }
  }, [refreshDashboard, t, locale, store.kind]);

  return { asOf, figures, canRefresh: refreshDashboard !== undefined, busy, notice, clearNotice: useCallback(() => setNotice(null), []), refresh };
}

export type SendCopyState = {
  canMakeCopy: boolean;
  /** Whether a saved file's copy opens as a new workbook (Excel on Mac) rather than downloading. */
  savedCopyOpens: boolean;
  busy: 'copy' | 'file' | null;
  notice: Notice | null;
  clearNotice: () => void;
  makeCopy: () => Promise<void>;
  freezeFile: (file: File) => Promise<void>;
};

export function useSendCopy(store: LedgerStore, locale: Locale): SendCopyState {
  const t = STATS_STRINGS[locale];
  const [busy, setBusy] = useState<SendCopyState['busy']>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const makeSendCopy = store.makeSendCopy?.bind(store);
  const [savedCopyOpens] = useState(() => !canDownloadFiles());

  const perform = useCallback(
    async (action: 'copy' | 'file', work: () => Promise<Notice>) => {
      setBusy(action);
      setNotice(null);
      try {
        setNotice(await work());
      } catch (error) {
        setNotice({ intent: 'error', text: describeError(error, locale) });
      } finally {
        setBusy(null);
      }
    },
    [locale],
  );

  const makeCopy = useCallback(
    () =>
      perform('copy', async () => {
        if (!makeSendCopy) throw new Error(t.refreshMissing);
        const report: SendCopyReport = await makeSendCopy();
        const done = report.delivery === 'opened' ? fill(t.copyOpened, report.replaced) : fill(t.copyDownloaded, report.fileName, report.replaced);
        return sendCopyNotice(done, report, t);
      }),
    [perform, makeSendCopy, t],
  );

  const freezeFile = useCallback(
    (file: File) =>
      perform('file', async () => {
        const bytes = await readFileBytes(file);
        // The .xlsx code (fflate) is a chunk of its own, fetched from the add-in's origin on first use.
        const { freezeZgFormulas, sendCopyFileName } = await import(/* webpackChunkName: "xlsx-freeze" */ '../../../workbook/xlsx/freeze');
        const result = freezeZgFormulas(bytes, file.name);
        if (isLedgerError(result)) return { intent: 'error', text: describeError(result, locale) };
        const name = sendCopyFileName(file.name.split(/[\\/]/).pop() ?? file.name);
        // Excel on Mac cannot download: the copy opens as a new workbook there (saveFile.ts).
        const outcome = await saveWorkbook(result.bytes, name);
        const saved = outcome === 'opened' ? fill(t.copyOpened, result.replaced) : fill(t.copyDownloaded, name, result.replaced);
        // "Unchanged" only when nothing at all changed: a dropped macro or link is a change too.
        const warnings = sendCopyWarnings(result, t);
        const done = result.replaced > 0 || warnings.length > 0 ? saved : fill(t.copyNothing, file.name, name);
        return sendCopyNotice(done, result, t);
      }),
    [perform, t, locale],
  );

  return { canMakeCopy: makeSendCopy !== undefined, savedCopyOpens, busy, notice, clearNotice: useCallback(() => setNotice(null), []), makeCopy, freezeFile };
}
