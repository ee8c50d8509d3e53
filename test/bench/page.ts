// The page over a ledger file (app.html) with 5,000 measures, in Chromium:
//   open   a file chosen → the file store holds it (unzip, read) → the 台账 list on screen (first
//          render, with where it went: unzipped, sheets read, rows and ledger built, React)
//   save   保存 clicked → the package rewritten and zipped (store.save) → the download handed out
// beside baselines in the same page on the same bytes: plain unzip (fflate.unzipSync, what any
// reader of the file must do at least, for the first render) and unzip + zip (for the save). The file store's open + edit + save is also
// timed in Node against unzip + zip there. Ratios, not limits: nothing here is asserted.
// Invoked by test/bench/run.ts; PANE_DIST=<dir> reuses a production build.
import { unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { isLedgerError } from '../../src/ledger/errors';
import { generateLedger } from '../../src/workbook/sample';
import { openFileStore } from '../../src/workbook/xlsxStore/fileStore';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { buildPane, launchChromium, ROOT, serve } from '../e2e/harness.mjs';

const MEASURES = 5000;
const RUNS = 5;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (n: number) => Math.round(n);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

// Timestamps the moment the 台账 list first has items.
const PROBE = `(() => {
  window.__zg = { listAt: null };
  new MutationObserver((_, obs) => {
    if (window.__zg.listAt === null && document.querySelector('ul[aria-label] > li')) { window.__zg.listAt = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

type PageRun = {
  openToStoreMs: number;
  firstRenderMs: number;
  /** From the file chosen to each User Timing mark of the open (readFile.ts). */
  unzippedMs: number;
  sheetsReadMs: number;
  ledgerBuiltMs: number;
  saveWriteMs: number;
  saveUntilDownloadMs: number;
  unzipMs: number;
  unzipZipMs: number;
};

async function pageRun(browser: Browser, url: string, file: string): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: '打开台账文件' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.waitForFunction(() => (window as unknown as { __zg: { listAt: number | null } }).__zg.listAt !== null, null, { timeout: 120_000 });
  // Strings, not functions: tsx would wrap inner functions in a helper the page does not have.
  const mark = (name: string) => page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? NaN`) as Promise<number>;
  const chosen = await mark('zg:file-chosen');
  const listAt = (await page.evaluate('window.__zg.listAt')) as number;
  const opened = {
    openToStoreMs: (await mark('zg:store-ready')) - chosen,
    firstRenderMs: listAt - chosen,
    unzippedMs: (await mark('zg:unzipped')) - chosen,
    sheetsReadMs: (await mark('zg:sheets-read')) - chosen,
    ledgerBuiltMs: (await mark('zg:ledger-built')) - chosen,
  };
  // One edit, so the save rewrites the 整改台账 sheet (and 变更记录) rather than returning the input.
  await page.getByRole('button', { name: /^P0001-M01|^P001-M01/ }).first().click();
  const select = page.getByRole('region', { name: '整改状态' }).getByRole('combobox', { name: '整改状态' });
  await select.selectOption((await select.inputValue()) === '已完成' ? '正在推进' : '已完成');
  await page.getByRole('button', { name: '更新状态' }).click();
  await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存', exact: true }).click()]);
  const downloadedAt = (await page.evaluate('performance.now()')) as number;
  const start = await mark('zg:save-start');
  const saved = { saveWriteMs: (await mark('zg:save-written')) - start, start };
  // The baseline in the same page: fflate (its UMD build, added from node_modules, no network).
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'fflate', 'umd', 'index.js') });
  const b64 = readFileSync(file).toString('base64');
  // Plain unzip first, cold as the page's own open was; then unzip + zip, warm.
  const baseline = (await page.evaluate(`(() => {
    const data = Uint8Array.from(atob(${JSON.stringify(b64)}), (c) => c.charCodeAt(0));
    let t = performance.now();
    fflate.unzipSync(data);
    const unzipMs = performance.now() - t;
    fflate.zipSync(fflate.unzipSync(data));
    t = performance.now();
    fflate.zipSync(fflate.unzipSync(data));
    return { unzipMs, unzipZipMs: performance.now() - t };
  })()`)) as { unzipMs: number; unzipZipMs: number };
  await context.close();
  return { ...opened, saveWriteMs: saved.saveWriteMs, saveUntilDownloadMs: downloadedAt - saved.start, ...baseline };
}

/** The file store in Node: open, one edit, save — against unzip + zip of the same bytes, alternating. */
async function nodeRuns(file: Uint8Array): Promise<{ openMs: number; saveMs: number; unzipZipMs: number }> {
  const open: number[] = [];
  const save: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    let t = performance.now();
    const store = openFileStore(file, 'bench.xlsx');
    if (isLedgerError(store)) throw new Error(store.message);
    const o = performance.now() - t;
    await store.setStatus('P001-M01', '正在推进');
    t = performance.now();
    store.save();
    const s = performance.now() - t;
    t = performance.now();
    zipSync(unzipSync(file));
    const b = performance.now() - t;
    if (i === 0) continue; // warm-up
    open.push(o);
    save.push(s);
    base.push(b);
  }
  return { openMs: round(median(open)), saveMs: round(median(save)), unzipZipMs: round(median(base)) };
}

export async function run(opts: { json: boolean }): Promise<Record<string, unknown>> {
  const log = opts.json ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
  const bytes = await writeLedgerXlsx(generateLedger(MEASURES));
  const file = join(mkdtempSync(join(tmpdir(), 'zg-page-bench-')), '台账-5000条措施.xlsx');
  writeFileSync(file, bytes);
  const node = await nodeRuns(bytes);
  const dist = await buildPane({ mode: 'production', log });
  const server = await serve(dist);
  const browser = await launchChromium();
  try {
    log(`page bench: ${MEASURES} measures (${Math.round(bytes.length / 1024)} KiB), ${RUNS} runs in Chromium`);
    const runs: PageRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await pageRun(browser, `${server.origin}/app.html`, file));
    const pick = (key: keyof PageRun) => round(median(runs.map((r) => r[key])));
    const chromium = {
      firstRenderMs: pick('firstRenderMs'),
      unzipMs: pick('unzipMs'),
      openToStoreMs: pick('openToStoreMs'),
      unzippedMs: pick('unzippedMs'),
      sheetsReadMs: pick('sheetsReadMs'),
      ledgerBuiltMs: pick('ledgerBuiltMs'),
      saveWriteMs: pick('saveWriteMs'),
      saveUntilDownloadMs: pick('saveUntilDownloadMs'),
      unzipZipMs: pick('unzipZipMs'),
    };
    const result = {
      browser: `chromium ${browser.version()}`,
      measures: MEASURES,
      fileKiB: Math.round(bytes.length / 1024),
      runs: RUNS,
      chromium,
      node,
      ratios: {
        chromiumFirstRenderVsUnzip: ratio(chromium.firstRenderMs, chromium.unzipMs),
        chromiumOpenVsUnzipZip: ratio(chromium.openToStoreMs, chromium.unzipZipMs),
        chromiumSaveVsUnzipZip: ratio(chromium.saveWriteMs, chromium.unzipZipMs),
        nodeOpenVsUnzipZip: ratio(node.openMs, node.unzipZipMs),
        nodeSaveVsUnzipZip: ratio(node.saveMs, node.unzipZipMs),
      },
      targets: { firstRenderWithin1s: chromium.firstRenderMs <= 1000 },
    };
    if (!opts.json) {
      log(`  Chromium: first render (file chosen → list) ${chromium.firstRenderMs} ms beside plain unzip ${chromium.unzipMs} ms`);
      log(`            of which unzipped at ${chromium.unzippedMs}, sheets read at ${chromium.sheetsReadMs}, ledger built at ${chromium.ledgerBuiltMs}, store ready at ${chromium.openToStoreMs} ms`);
      log(`            save (store.save) ${chromium.saveWriteMs} ms, 保存 → download ${chromium.saveUntilDownloadMs} ms; unzip+zip ${chromium.unzipZipMs} ms`);
      log(`  Node:     open ${node.openMs} ms, save ${node.saveMs} ms; unzip+zip ${node.unzipZipMs} ms`);
      log(`  ratios ${JSON.stringify(result.ratios)}`);
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) void run({ json: process.argv.includes('--json') }).then((r) => console.log(JSON.stringify(r)));
