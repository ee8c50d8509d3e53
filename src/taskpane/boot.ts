// Decides, before React starts, where the pane runs (Excel or a plain browser) and in which language.
import type { Locale } from '../ledger/errors';
import type { ExcelRunner } from '../workbook/excelSelect';

export type HostKind = 'excel' | 'preview';

/** English when Office (or the preview's ?lang=) says English; Simplified Chinese otherwise. */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/**
 * The workbook the preview imitates: the sample ledger (default), a blank workbook (first run), or a
 * 巡察办's summary workbook — a 汇总 table and no ledger.
 */
export type PreviewWorkbook = 'sample' | 'blank' | 'summary';

export type PreviewOptions = { lang: string | null; measures: number | null; seed: number | null; workbook: PreviewWorkbook };

/**
 * Reads the preview page's query: ?lang=en, ?measures=5000 (a generated ledger), ?seed=7,
 * ?workbook=blank or ?workbook=summary.
 */
export function readPreviewOptions(search: string): PreviewOptions {
  const params = new URLSearchParams(search);
  const measures = Number(params.get('measures'));
  const seed = Number(params.get('seed'));
  const workbook = params.get('workbook');
  return {
    lang: params.get('lang'),
    measures: Number.isInteger(measures) && measures > 0 ? Math.min(measures, 100_000) : null,
    seed: params.has('seed') && Number.isInteger(seed) ? seed : null,
    workbook: workbook === 'blank' || workbook === 'summary' ? workbook : 'sample',
  };
}

/** The parts of `window` that say whether an Office host embeds the page. */
export type HostSignals = {
  search: string;
  hash: string;
  framed: boolean; // Office on the web runs add-ins in an iframe
  hostInfoStored: boolean; // Office on the web keeps _host_Info in sessionStorage across reloads
  bridges: boolean; // desktop: window.external.GetContext (IE/Edge), chrome.webview (WebView2), webkit.messageHandlers (Mac)
};

/**
 * Whether an Office host could be embedding this page. When it plainly cannot (a top-level page
 * with no host bridge and no _host_Info), the pane starts the preview at once instead of waiting
 * on Office.onReady, which in a plain browser may never settle.
 */
export function mayBeOfficeHosted(s: HostSignals): boolean {
  return s.framed || s.bridges || s.hostInfoStored || /_host_Info=/i.test(s.search) || /_host_Info=/i.test(s.hash);
}

/**
 * Whether an Office host certainly embeds this page: Office appends _host_Info to the add-in's URL
 * (and Office on the web keeps it in sessionStorage across reloads). Such a page never falls back
 * to the sample ledger, however slow Office.onReady is: sample rows in a real workbook's pane could
 * be taken for the ledger and edited.
 */
export function isCertainlyOfficeHosted(s: HostSignals): boolean {
  // The stored copy counts only inside a frame (Office on the web): a plain tab that once opened the
  // page with _host_Info keeps it in sessionStorage too.
  return (s.hostInfoStored && s.framed) || /_host_Info=/i.test(s.search) || /_host_Info=/i.test(s.hash);
}

/**
 * The UI language Office put into _host_Info (Excel$Win32$16.01$zh-CN$…, excel|web|16.00|zh-CN|…),
 * for what the pane says before Office.onReady; null when there is none.
 */
export function hostInfoLocale(search: string, hash = ''): string | null {
  const m = /_host_Info=([^&#]*)/i.exec(`${search}${hash}`);
  if (!m) return null;
  const value = decodeURIComponent(m[1].replace(/\+/g, ' '));
  return value.split(/[$|]/).find((part) => /^[a-z]{2,3}-[A-Za-z]{2,4}$/.test(part)) ?? null;
}

function readHostSignals(): HostSignals {
  const w = window as unknown as {
    external?: { GetContext?: unknown };
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: unknown };
  };
  let hostInfoStored = false;
  try {
    hostInfoStored = Boolean(window.sessionStorage?.getItem('hostInfoValue'));
  } catch {
    // storage may be blocked; not a sign either way
  }
  let framed = true;
  try {
    framed = window.self !== window.top;
  } catch {
    framed = true; // a cross-origin parent: framed
  }
  return {
    search: window.location.search,
    hash: window.location.hash,
    framed,
    hostInfoStored,
    bridges: Boolean(w.external?.GetContext || w.chrome?.webview || w.webkit?.messageHandlers),
  };
}

export type DetectedHost = { host: HostKind; displayLanguage: string | null };

/**
 * Excel or the preview. Office.onReady settles with host null outside Office, but may never settle
 * when office.js cannot finish loading, so in a plain browser it is bounded (`timeoutMs`) and a page
 * no host could be embedding does not wait for it at all. Inside a real Office host the wait is not
 * bounded: after `timeoutMs` `onSlow` is called (the pane says it is still connecting and offers a
 * retry) and the answer is still Office's.
 */
export async function detectHost(timeoutMs = 10_000, onSlow?: () => void): Promise<DetectedHost> {
  const signals = readHostSignals();
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function' || !mayBeOfficeHosted(signals)) {
    return { host: 'preview', displayLanguage: null };
  }
  const ready = Office.onReady();
  const info = await Promise.race([ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
  if (info === null && isCertainlyOfficeHosted(signals)) {
    onSlow?.();
    return hostOf(await ready);
  }
  return hostOf(info);
}

function hostOf(info: { host: Office.HostType | null } | null): DetectedHost {
  if (info && info.host === Office.HostType.Excel) {
    return { host: 'excel', displayLanguage: Office.context?.displayLanguage ?? null };
  }
  return { host: 'preview', displayLanguage: null };
}

/**
 * Excel only: hands the workbook's date system (1900 or 1904) to the custom functions (they share
 * this runtime), then its 节假日 rows, now and after every change to the table, so date arguments
 * are read in the workbook's system and working-day counts follow the user's own calendar. The
 * system is probed again after each recalculation (it can be changed while the workbook is open);
 * a change re-reads the 节假日 in it. Rows the reader skips are logged once per distinct set of
 * problems. Resolves to the stop function.
 */
export async function feedHolidaysToFunctions(excel?: ExcelRunner): Promise<() => Promise<void>> {
  const [{ watchHolidays }, { feedDateSystem, watchDateSystem }, { setHolidayOverrides }, { functionDateSystem, setFunctionDateSystem }] = await Promise.all([
    import('../workbook/excelHolidays'),
    import('../workbook/excelDateSystem'),
    import('../functions/context'),
    import('../functions/dateSystem'),
  ]);
  const runner = excel ?? (globalThis as unknown as { Excel: ExcelRunner }).Excel;
  // First the date system: the functions read dates as the workbook stores them, and so do the
  // 节假日 rows (a 1904 workbook's are 1,462 lower).
  // A failed probe leaves the functions on 1900 and must not cost the 节假日 feed.
  const system = await feedDateSystem(runner, setFunctionDateSystem).catch((error: unknown) => {
    console.warn('日期系统', error);
    return '1900' as const;
  });
  let lastProblems = '';
  const holidays = await watchHolidays(
    runner,
    {
      apply: setHolidayOverrides,
      onRead: (read) => {
        const problems = read.problems.map((p) => p.message).join('\n');
        if (problems && problems !== lastProblems) console.warn(problems);
        lastProblems = problems;
      },
      onError: (error) => console.warn('节假日', error),
    },
    functionDateSystem,
  );
  // Without this watch the 节假日 feed still works, in the system found at start-up.
  const stopDates = await watchDateSystem(runner, system, {
    apply: async (next) => {
      setFunctionDateSystem(next);
      await holidays.refresh();
    },
    onError: (error) => console.warn('日期系统', error),
  }).catch((error: unknown) => {
    console.warn('日期系统', error);
    return async () => undefined;
  });
  return async () => {
    await stopDates();
    await holidays();
  };
}
