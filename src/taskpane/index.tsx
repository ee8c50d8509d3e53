// The task pane's webpack entry: find the host (Excel, or a plain browser → the preview store with
// a sample ledger), pick the language, start React, and in Excel feed 节假日 to the functions.
import { createRoot } from 'react-dom/client';
import { setMessageLocale } from '../ledger/errors';
import type { LedgerStore } from '../ledger/store';
import { App } from './App';
import { detectHost, feedHolidaysToFunctions, pickLocale, readPreviewOptions } from './boot';

async function previewStore(search: string): Promise<LedgerStore> {
  const options = readPreviewOptions(search);
  const [{ createMemoryStore }, { sampleLedger, generateLedger }] = await Promise.all([
    import('../workbook/memoryStore'),
    import('../workbook/sample'),
  ]);
  // ?measures=5000 loads a generated ledger of that size (performance tests); else the sample.
  const ledger = options.measures !== null ? generateLedger(options.measures, options.seed ?? 1) : sampleLedger();
  return createMemoryStore(ledger);
}

async function main(): Promise<void> {
  const container = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  const { host, displayLanguage } = await detectHost();
  const locale = pickLocale(host === 'excel' ? displayLanguage : readPreviewOptions(window.location.search).lang);
  setMessageLocale(locale);
  document.documentElement.lang = locale;
  const store =
    host === 'excel' ? (await import('../workbook/excelStore')).createExcelStore() : await previewStore(window.location.search);
  // Lets the render bench tell loading the ledger apart from rendering it.
  performance.mark('zg:store-ready');
  createRoot(container).render(<App store={store} locale={locale} />);
  // The custom functions count working days with the workbook's 节假日 rows; the preview has none.
  if (host === 'excel') feedHolidaysToFunctions().catch((error: unknown) => console.warn('节假日', error));
}

void main();
