// The task pane's webpack entry: find the host (Excel, or a plain browser → the preview store with
// a sample ledger), pick the language, start React, and in Excel feed 节假日 to the functions.
import { createRoot } from 'react-dom/client';
import { setMessageLocale } from '../ledger/errors';
import type { LedgerStore } from '../ledger/store';
import { EMPTY_ROUND } from '../ledger/types';
import { App } from './App';
import { detectHost, feedHolidaysToFunctions, hostInfoLocale, pickLocale, readPreviewOptions } from './boot';
import { sendCopyDownload } from './platform';
import { showSlowStart } from './slowStart';
import { emitStoreWarning } from './storeWarnings';

async function previewStore(search: string): Promise<LedgerStore> {
  const options = readPreviewOptions(search);
  const [{ createMemoryStore }, { sampleLedger, generateLedger }] = await Promise.all([
    import('../workbook/memoryStore'),
    import('../workbook/sample'),
  ]);
  if (options.workbook !== 'sample') {
    // ?workbook=blank: first run. ?workbook=summary: a 巡察办's summary workbook, the sample
    // ledger already consolidated into its 汇总 table.
    const store = createMemoryStore({ round: EMPTY_ROUND, problems: [], measures: [] }, { presence: 'none' });
    if (options.workbook === 'summary') {
      const sample = sampleLedger();
      await store.consolidate([{ unit: sample.round.org, fileName: '示例单位台账.xlsx', ledger: sample }]);
    }
    return store;
  }
  // ?measures=5000 loads a generated ledger of that size (performance tests); else the sample.
  const ledger = options.measures !== null ? generateLedger(options.measures, options.seed ?? 1) : sampleLedger();
  return createMemoryStore(ledger);
}

async function main(): Promise<void> {
  const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  // Inside Office a slow Office.onReady gets a message and a retry, never the sample ledger.
  let hideSlowStart = () => {};
  const { host, displayLanguage } = await detectHost(10_000, () => {
    hideSlowStart = showSlowStart(container, pickLocale(hostInfoLocale(window.location.search, window.location.hash)));
  });
  hideSlowStart();
  const locale = pickLocale(host === 'excel' ? displayLanguage : readPreviewOptions(window.location.search).lang);
  setMessageLocale(locale);
  document.documentElement.lang = locale;
  const store =
    host === 'excel' ? (await import('../workbook/excelStore')).createExcelStore({ download: sendCopyDownload(), onWarning: emitStoreWarning }) : await previewStore(window.location.search);
  // Lets the render bench tell loading the ledger apart from rendering it.
  performance.mark('zg:store-ready');
  createRoot(container).render(<App store={store} locale={locale} />);
  // The custom functions count working days with the workbook's 节假日 rows; the preview has none.
  if (host === 'excel') feedHolidaysToFunctions().catch((error: unknown) => console.warn('节假日', error));
}

void main();
