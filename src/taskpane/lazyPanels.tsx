// What the pane does not need for its first paint (the 台账 list and the figures) is split off and
// loaded on demand — the 录入 form, an item's detail, 巡察信息 and first run, import, report, 统计 and
// the summary workbook's 汇总 — keeping the start-up JavaScript within budget. Once the pane is idle the likely next ones are
// fetched ahead, so opening them does not wait on the network.
import { lazy } from 'react';

const loadEntry = () => import('./components/entry/EntryPanel');
const loadDetail = () => import('./components/ledger/ItemDetail');
const loadRound = () => import('./components/round/RoundForm');
const loadFirstRun = () => import('./components/round/FirstRun');
const loadImport = () => import('./components/import/ImportPanel');
const loadReport = () => import('./components/report/ReportPanel');
const loadStats = () => import('./components/stats/StatsPanel');
const loadSummaryOnly = () => import('./components/stats/SummaryOnly');
const loadDistribute = () => import('./components/distribute/DistributePanel');

export const EntryPanel = lazy(() => loadEntry().then((m) => ({ default: m.EntryPanel })));
export const ItemDetail = lazy(() => loadDetail().then((m) => ({ default: m.ItemDetail })));
export const RoundForm = lazy(() => loadRound().then((m) => ({ default: m.RoundForm })));
export const FirstRun = lazy(() => loadFirstRun().then((m) => ({ default: m.FirstRun })));
export const ImportPanel = lazy(() => loadImport().then((m) => ({ default: m.ImportPanel })));
export const ReportPanel = lazy(() => loadReport().then((m) => ({ default: m.ReportPanel })));
export const StatsPanel = lazy(() => loadStats().then((m) => ({ default: m.StatsPanel })));
export const DistributePanel = lazy(() => loadDistribute().then((m) => ({ default: m.DistributePanel })));
export const SummaryOnly = lazy(() => loadSummaryOnly().then((m) => ({ default: m.SummaryOnly })));

/** Fetches the everyday panels after start-up (a failed prefetch is retried when opened). */
export function prefetchEverydayPanels(): void {
  for (const load of [loadEntry, loadDetail]) load().catch(() => undefined);
}
