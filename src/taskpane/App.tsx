// The task pane: first run, the live figures, and the tabs 录入 / 台账 / 导入 / 报告 / 统计 (+ 巡察信息);
// or, in a summary workbook (汇总 only, no ledger of its own), just 汇总.
// State that must outlive a tab switch — the 录入 draft, the 台账 filters and open item — is held
// here, not in the panels.
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  mergeClasses,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { todayIso } from '../ledger/dates';
import type { Locale } from '../ledger/errors';
import type { ItemRef, LedgerStore } from '../ledger/store';
import type { IsoDate, Ledger } from '../ledger/types';
import { useAppStyles } from './appStyles';
import { useProblemForm } from './components/entry/useProblemForm';
import { FiguresHeader } from './components/header/FiguresHeader';
import { LedgerPanel } from './components/ledger/LedgerPanel';
import { indexLedger } from './components/ledger/ledgerView';
import { useLedgerView } from './components/ledger/useLedgerView';
import { useLedgerSession } from './hooks/useLedgerSession';
import { I18nProvider, STRINGS, useI18n } from './i18n';
import { DistributePanel, EntryPanel, FirstRun, ImportPanel, prefetchEverydayPanels, ReportPanel, RoundForm, StatsPanel, SummaryOnly } from './lazyPanels';
import { ledgerFigures } from './ledgerFacts';
import type { PanelProps } from './panelProps';

export type TabId = 'entry' | 'ledger' | 'import' | 'report' | 'stats' | 'distribute' | 'round';

export type AppProps = {
  store: LedgerStore;
  locale: Locale;
  /** The user's day; tests pin it. Default: today on the local clock. */
  today?: IsoDate;
  /** Shown in the header beside the title: the page over a file puts its file name and 保存 there. */
  fileBar?: ReactNode;
};

export function App({ store, locale, today, fileBar }: AppProps) {
  const i18n = useMemo(() => ({ locale, t: STRINGS[locale] }), [locale]);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <I18nProvider value={i18n}>
        <Shell store={store} today={today} fileBar={fileBar} />
      </I18nProvider>
    </FluentProvider>
  );
}

/** A plain, announced loading line (Fluent's Spinner is not worth its bytes at start-up). */
function Loading({ text }: { text: string }) {
  const styles = useAppStyles();
  return (
    <div className={styles.center} role="status" aria-live="polite">
      {text}
    </div>
  );
}

function roundIsEmpty(ledger: Ledger): boolean {
  return !ledger.round.org && !ledger.round.inspector && !ledger.round.feedback;
}

function Shell({ store, today: pinnedToday, fileBar }: { store: LedgerStore; today?: IsoDate; fileBar?: ReactNode }) {
  const { t, locale } = useI18n();
  const styles = useAppStyles();
  const [today] = useState(() => pinnedToday ?? todayIso());
  const { session, reload, createOrRepair, openSummary, retry } = useLedgerSession(store, locale);
  const [tab, setTab] = useState<TabId | null>(null);
  const form = useProblemForm();
  const view = useLedgerView();
  const { setSelected } = view;

  const ledger = session.phase === 'ready' ? session.ledger : null;
  const asOf = ledger?.round.asOf ?? today;
  const index = useMemo(() => (ledger ? indexLedger(ledger, asOf) : null), [ledger, asOf]);
  const figures = useMemo(() => {
    if (!ledger || !index) return null;
    return ledgerFigures(ledger, asOf, Array.from(index.measureById.values(), (m) => m.facts.light));
  }, [ledger, index, asOf]);

  // First arrival: a fresh ledger (or one without 巡察信息) opens on the 巡察信息 form.
  const shownTab: TabId = tab ?? (ledger && (session.phase === 'ready' && (session.created || roundIsEmpty(ledger))) ? 'round' : 'ledger');

  const openItem = useCallback(
    (ref: ItemRef | null) => {
      setSelected(ref);
      // Selecting the row in Excel is a courtesy; a failure there must not block the pane.
      if (ref) store.select(ref).catch(() => undefined);
    },
    [store, setSelected],
  );

  // A row selected in Excel opens its item here.
  const ready = session.phase === 'ready';
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(prefetchEverydayPanels, 1500);
    return () => clearTimeout(timer);
  }, [ready]);
  useEffect(() => {
    if (!ready) return;
    let unsubscribe: (() => void) | null = null;
    let live = true;
    store
      .onSelect((ref) => {
        setTab('ledger');
        setSelected(ref);
      })
      .then((off) => {
        if (live) unsubscribe = off;
        else off();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [store, ready, setSelected]);

  const panelProps: PanelProps | null = ledger ? { store, ledger, locale, onLedgerChanged: reload } : null;

  return (
    <div className={styles.root}>
      <header className={styles.top}>
        <div className={styles.titles}>
          <h1 className={styles.title}>{t.appTitle}</h1>
          {ledger?.round.org && <span className={styles.org}>{ledger.round.org}</span>}
          {session.phase === 'summary' && <span className={styles.org}>{t.summaryWorkbook}</span>}
        </div>
        {fileBar}
        {ledger && (
          <Button size="small" appearance={shownTab === 'round' ? 'primary' : 'secondary'} onClick={() => setTab('round')}>
            {t.tabRound}
          </Button>
        )}
      </header>
      {store.kind === 'preview' && (
        <MessageBar intent="warning" data-testid="preview-banner" title={t.previewDetail}>
          <MessageBarBody>
            <MessageBarTitle>{t.previewTitle}</MessageBarTitle>
            {t.previewBody}
          </MessageBarBody>
        </MessageBar>
      )}
      {session.phase === 'loading' && (
        <Loading text={t.loading} />
      )}
      {session.phase === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.storeError}</MessageBarTitle>
            {session.message}
          </MessageBarBody>
          <Button size="small" onClick={retry}>
            {t.retry}
          </Button>
        </MessageBar>
      )}
      {session.phase === 'setup' && (
        <Suspense fallback={<Loading text={t.loading} />}>
          <FirstRun presence={session.presence} onCreate={createOrRepair} onSummaryOnly={openSummary ?? undefined} />
        </Suspense>
      )}
      {session.phase === 'summary' && (
        <main className={styles.content}>
          <Suspense fallback={<Loading text={t.loading} />}>
            <SummaryOnly store={store} locale={locale} today={today} onCreate={createOrRepair} />
          </Suspense>
        </main>
      )}
      {panelProps && figures && index && (
        <>
          <FiguresHeader figures={figures} />
          <TabList
            className={mergeClasses(styles.tabs, locale === 'en' && styles.tabsEn)}
            size="small"
            selectedValue={shownTab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
          >
            <Tab value="entry">{t.tabEntry}</Tab>
            <Tab value="ledger">{t.tabLedger}</Tab>
            <Tab value="import">{t.tabImport}</Tab>
            <Tab value="report">{t.tabReport}</Tab>
            <Tab value="stats">{t.tabStats}</Tab>
            <Tab value="distribute">{t.tabDistribute}</Tab>
          </TabList>
          <main className={styles.content}>
            <Suspense fallback={<Loading text={t.loading} />}>
              {shownTab === 'entry' && <EntryPanel {...panelProps} form={form} today={today} />}
              {shownTab === 'ledger' && <LedgerPanel {...panelProps} view={view} index={index} today={today} onOpen={openItem} />}
              {shownTab === 'import' && <ImportPanel {...panelProps} />}
              {shownTab === 'report' && <ReportPanel {...panelProps} />}
              {shownTab === 'stats' && <StatsPanel {...panelProps} />}
              {shownTab === 'distribute' && <DistributePanel {...panelProps} today={today} />}
              {shownTab === 'round' && (
                <RoundForm {...panelProps} onSaved={() => setTab(panelProps.ledger.problems.length > 0 ? 'ledger' : 'entry')} />
              )}
            </Suspense>
          </main>
        </>
      )}
    </div>
  );
}
