// The 统计 tab in Chromium, on the preview store (called from run.mjs at each pane width): create
// the 整改统计 sheet and see the outcome and the key figures; 汇总 a ledger file together with a
// file that is not one (the ledger goes in, the other gets a Chinese reason); the same ledger again
// is a 替换, and under another file name it is asked about first; a saved ledger becomes a 发送副本 download — all without a request to another origin
// and without sideways scrolling.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openPanePage, ROOT } from './harness.mjs';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook with DDE, OLE and workbook links (test/support/hostile.ts), written by tsx. */
function writeLinkedWorkbook() {
  const out = join(mkdtempSync(join(tmpdir(), 'zg-e2e-')), '外链台账.xlsx');
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, join(ROOT, 'test', 'e2e', 'linkedWorkbook.ts'), out], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

/** A sample ledger file written by the project's own command line (`ledger template --sample`). */
export function writeSampleLedger() {
  const out = join(mkdtempSync(join(tmpdir(), 'zg-e2e-')), '示例单位台账.xlsx');
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, join(ROOT, 'src', 'cli', 'ledger.ts'), 'template', out, '--sample'], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

/**
 * Fluent's MessageBar lays itself out twice: first on one line, then (its ResizeObserver having
 * measured the text) wrapped. Give it that reflow before measuring; a layout that stays too wide
 * still fails the check that follows.
 */
async function settle(page) {
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 3000 })
    .catch(() => undefined);
}

/** @param {{ browser: import('playwright-core').Browser, origin: string, width: number, ledgerFile: string, check: Function, assert: Function, shot: Function, assertNoHorizontalScroll: Function }} env */
export async function statsScenario({ browser, origin, width, ledgerFile, check, assert, shot, assertNoHorizontalScroll }) {
  const { context, page, foreign, pageErrors } = await openPanePage(browser, origin, width, { acceptDownloads: true });
  const tag = `${width}px`;

  await check(`${tag}: 统计 creates the dashboard sheet and shows the key figures`, async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole('tab', { name: '统计' }).click();
    await page.getByRole('button', { name: '生成/刷新统计表' }).click();
    await page.getByText(/^已生成工作表“整改统计”：\d+个问题类别、\d+个责任单位、3个图表。$/).waitFor();
    // The panel's 整改完成率 is the header's: both come from the one definition in the core.
    const header = (await page.locator('[data-figure="problems"]').textContent()) ?? '';
    const panel = (await page.locator('[data-stat="problemRate"]').textContent()) ?? '';
    assert(header !== '' && header === panel, `整改完成率: header ${header}, 统计 ${panel}`);
    await page.getByRole('button', { name: '生成/刷新统计表' }).click();
    await page.getByText(/^已刷新工作表“整改统计”/).waitFor();
    await shot(page, `${tag}-9-stats`);
    await settle(page);
    await assertNoHorizontalScroll(page, '统计');
  });

  await check(`${tag}: 汇总 takes a ledger, rejects a file that is not one, and replaces a unit imported again`, async () => {
    const picker = page.getByLabel('选择台账文件…');
    // Playwright takes paths or buffers, not both in one call.
    const ledger = { name: basename(ledgerFile), mimeType: XLSX_MIME, buffer: readFileSync(ledgerFile) };
    await picker.setInputFiles([ledger, { name: '会议纪要.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from('这不是表格，只是会议纪要') }]);
    await page.getByText(/^已汇总1个文件到“汇总”表：现有1个单位/).waitFor();
    const results = page.getByRole('list', { name: '各文件导入结果' }).getByRole('listitem');
    assert((await results.count()) === 2, `${await results.count()} results for 2 files`);
    assert(/^新增/.test((await results.nth(0).textContent()) ?? ''), `first file: ${await results.nth(0).textContent()}`);
    const rejected = (await results.nth(1).textContent()) ?? '';
    assert(rejected.includes('“会议纪要.xlsx”不是 Excel 工作簿（.xlsx），无法读取'), `second file: ${rejected}`);
    await page.getByRole('table', { name: '本次导入单位的主要指标' }).waitFor();
    await picker.setInputFiles([ledger]);
    await page.getByRole('list', { name: '各文件导入结果' }).getByText('替换').waitFor();
    await page.getByText(/^已汇总1个文件到“汇总”表：现有1个单位/).waitFor();
    await page.getByRole('table', { name: '本次导入单位的主要指标' }).scrollIntoViewIfNeeded();
    await shot(page, `${tag}-10-summary`);
    await settle(page);
    await assertNoHorizontalScroll(page, '汇总');
  });

  await check(`${tag}: 汇总 asks before a file under another name replaces the unit's rows; 替换 replaces`, async () => {
    const renamed = { name: '示例单位台账（第二版）.xlsx', mimeType: XLSX_MIME, buffer: readFileSync(ledgerFile) };
    await page.getByLabel('选择台账文件…').setInputFiles([renamed]);
    const question = page.getByRole('group', { name: '替换另一个文件汇总的数据？' });
    await question.getByText(/^“示例单位台账（第二版）.xlsx”的被巡察单位是“.+”，将替换“示例单位台账.xlsx”已汇总的\d+行。$/).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert(focused === '跳过此文件', `focus on ${focused}`);
    await question.scrollIntoViewIfNeeded();
    await shot(page, `${tag}-10b-summary-question`);
    await settle(page);
    await assertNoHorizontalScroll(page, '汇总的替换确认');
    await question.getByRole('button', { name: '替换', exact: true }).click();
    await page.getByRole('list', { name: '各文件导入结果' }).getByText('示例单位台账（第二版）.xlsx').waitFor();
    assert((await question.count()) === 0, 'the question is still shown after 替换');
  });

  await check(`${tag}: 发送副本 from a saved file downloads the copy; a bad file gets a message`, async () => {
    const download = page.waitForEvent('download');
    await page.getByLabel('选择已保存的台账文件…').setInputFiles(ledgerFile);
    const name = (await download).suggestedFilename();
    assert(name === '示例单位台账（发送副本）.xlsx', `downloaded ${name}`);
    await page.getByLabel('选择已保存的台账文件…').setInputFiles([{ name: '坏文件.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from('garbage') }]);
    await page.getByRole('alert').filter({ hasText: '“坏文件.xlsx”不是 Excel 工作簿' }).waitFor();
    await settle(page);
    await assertNoHorizontalScroll(page, '发送副本');
  });

  await check(`${tag}: 发送副本 of a workbook with DDE, OLE and workbook links lists each warning`, async () => {
    const download = page.waitForEvent('download');
    await page.getByLabel('选择已保存的台账文件…').setInputFiles(writeLinkedWorkbook());
    assert((await download).suggestedFilename() === '外链台账（发送副本）.xlsx', 'no copy downloaded');
    const bar = page.getByRole('status').filter({ hasText: '发送前请留意' });
    await bar.waitFor();
    const points = await bar.getByRole('listitem').allTextContents();
    assert(points.length === 3 && points[1].startsWith('已去掉3个外部链接：DDE 链接“cmd|/c calc”'), `points: ${points.join(' / ')}`);
    await bar.scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, `${tag}-11-send-copy-warnings`);
    await assertNoHorizontalScroll(page, '发送副本的提示');
  });

  await check(`${tag}: 统计 made no request to another origin and no script error`, async () => {
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });
  await context.close();
}

/**
 * A 巡察办's summary workbook (the preview's ?workbook=blank and ?workbook=summary): first run offers
 * 只汇总, which opens 汇总 without creating a ledger; a ledger file goes in; a workbook that already
 * holds a 汇总 table opens on 汇总, where a ledger can still be created. No ledger tabs on the way.
 * @param {{ browser: import('playwright-core').Browser, origin: string, width: number, ledgerFile: string, check: Function, assert: Function, shot: Function, assertNoHorizontalScroll: Function }} env
 */
export async function summaryWorkbookScenario({ browser, origin, width, ledgerFile, check, assert, shot, assertNoHorizontalScroll }) {
  const { context, page, foreign, pageErrors } = await openPanePage(browser, origin, width);
  const tag = `${width}px`;
  const summaryHeading = () => page.getByRole('heading', { name: '汇总', level: 2, exact: true });

  await check(`${tag}: first run offers 只汇总, which opens 汇总 with no ledger tabs; a ledger file goes in`, async () => {
    await page.goto(`${origin}/taskpane.html?workbook=blank`);
    await page.getByRole('heading', { name: '这个工作簿还没有整改台账' }).waitFor();
    await shot(page, `${tag}-11-first-run`);
    await assertNoHorizontalScroll(page, '首次使用');
    await page.getByRole('button', { name: '只汇总各单位报回的台账' }).click();
    await summaryHeading().waitFor();
    assert((await page.getByRole('tablist').count()) === 0, 'ledger tabs shown in a summary workbook');
    assert((await page.getByTestId('figures').count()) === 0, 'ledger figures shown in a summary workbook');
    const ledger = { name: basename(ledgerFile), mimeType: XLSX_MIME, buffer: readFileSync(ledgerFile) };
    await page.getByLabel('选择台账文件…').setInputFiles([ledger]);
    await page.getByText(/^已汇总1个文件到“汇总”表：现有1个单位/).waitFor();
    await page.getByRole('table', { name: '本次导入单位的主要指标' }).waitFor();
    await shot(page, `${tag}-12-summary-only`);
    await settle(page);
    await assertNoHorizontalScroll(page, '只汇总');
  });

  await check(`${tag}: a workbook with a 汇总 table and no ledger opens on 汇总; 创建整改台账 is still there`, async () => {
    await page.goto(`${origin}/taskpane.html?workbook=summary`);
    await summaryHeading().waitFor();
    assert((await page.getByRole('heading', { name: '这个工作簿还没有整改台账' }).count()) === 0, 'first run shown for a summary workbook');
    assert((await page.getByRole('tablist').count()) === 0, 'ledger tabs shown in a summary workbook');
    await assertNoHorizontalScroll(page, '汇总工作簿');
    await page.getByRole('button', { name: '创建整改台账' }).click();
    await page.getByRole('heading', { name: '巡察信息' }).waitFor();
    await page.getByRole('tablist').waitFor();
  });

  await check(`${tag}: the summary workbook made no request to another origin and no script error`, async () => {
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });
  await context.close();
}
