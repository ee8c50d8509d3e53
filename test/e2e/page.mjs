// The page over a ledger file (dist/app.html) in Chromium, from file:// and over http: files it
// refuses and why; open the sample ledger, add a problem with a measure through 录入, change
// statuses, see 未保存, save (the download path: the test takes the File System Access pickers
// away, as in browsers without them), and check the saved file with tsx (pageFiles.ts): only the
// ledger's own sheets and tables changed, LibreOffice's 整改统计 agrees with the core. A file with
// a user's own sheet and a comment keeps them; closing with unsaved edits asks first. 统计 refreshes
// 整改统计 and 报告 writes a 通报 sheet into the file: LibreOffice's 整改统计 agrees cell by cell.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, watchForeignRequests } from './harness.mjs';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const FILES = join(ROOT, 'test', 'e2e', 'pageFiles.ts');

export const tsx = (...args) => JSON.parse(execFileSync(process.execPath, [TSX, FILES, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 }));

export function makePageFiles() {
  return tsx('make', mkdtempSync(join(tmpdir(), 'zg-page-')));
}

async function newPage(browser, url, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1, acceptDownloads: true });
  // A browser without the File System Access API: 打开 uses the file input and 保存 downloads.
  await context.addInitScript(() => {
    delete window.showOpenFilePicker;
    delete window.showSaveFilePicker;
  });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreign = watchForeignRequests(page, origin);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(url);
  await page.getByRole('button', { name: '打开台账文件' }).waitFor();
  return { context, page, foreign, pageErrors };
}

const openFile = (page, file) => page.locator('input[type=file]').setInputFiles(file);

async function saveByDownload(page, file) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存', exact: true }).click()]);
  await download.saveAs(file);
  await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  return download.suggestedFilename();
}

export async function setStatus(page, id, status, wide) {
  await page.getByRole('tab', { name: '台账' }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill(id);
  await page.getByRole('button', { name: new RegExp(`^${id}`) }).click();
  await page.getByRole('heading', { name: `措施 ${id}` }).waitFor();
  // The detail's own 整改状态 (at 1280 px the list's filter of the same name is on screen too).
  const select = page.getByRole('region', { name: '整改状态' }).getByRole('combobox', { name: '整改状态' });
  const target = (await select.inputValue()) === status ? '正在推进' : status;
  await select.selectOption(target);
  await page.getByRole('button', { name: '更新状态' }).click();
  await page.getByText(`已将 ${id} 的整改状态改为“${target}”`).waitFor();
  if (!wide) await page.getByRole('button', { name: /返回列表/ }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill('');
}

/** @param {{ browser: import('playwright-core').Browser, url: string, width: number, tag: string, files: Record<string,string>, results: string, libreoffice: boolean, check: Function, assert: Function, shot: Function, assertNoHorizontalScroll: Function }} env */
export async function pageScenario({ browser, url, width, tag, files, results, libreoffice, check, assert, shot, assertNoHorizontalScroll }) {
  const wide = width >= 900;
  const { context, page, foreign, pageErrors } = await newPage(browser, url, width);

  await check(`${tag}: a workbook that is not a ledger and a damaged file are refused, with the reason`, async () => {
    await shot(page, `${tag}-page-1-start`);
    await assertNoHorizontalScroll(page, 'first screen');
    await openFile(page, files.unrelated);
    await page.getByRole('alert').filter({ hasText: '这个工作簿不是整改台账：没有找到“问题清单（ZG_Problems）”和“整改台账（ZG_Measures）”表格' }).waitFor();
    await openFile(page, files.damaged);
    await page.getByRole('alert').filter({ hasText: '“损坏的台账.xlsx”已损坏' }).waitFor();
    await shot(page, `${tag}-page-2-refused`);
    assert(!(await page.getByRole('tablist').isVisible()), 'a refused file opened the tabs');
  });

  await check(`${tag}: 新建台账 opens a blank ledger on 巡察信息, 未保存; 关闭文件 asks before dropping it`, async () => {
    await page.getByRole('button', { name: '新建台账' }).click();
    await page.getByRole('button', { name: '保存巡察信息' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
    assert((await page.title()).startsWith('＊整改台账.xlsx'), `title: ${await page.title()}`);
    await shot(page, `${tag}-page-2b-new`);
    await assertNoHorizontalScroll(page, '新建台账');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '关闭文件' }).click();
    await page.getByRole('button', { name: '打开台账文件' }).waitFor();
  });

  await check(`${tag}: open the sample, add a problem with a measure through 录入, change statuses; 未保存 shows`, async () => {
    await openFile(page, files.sample);
    await page.getByRole('tablist').waitFor();
    await page.getByRole('button', { name: /^P001-M01/ }).waitFor();
    assert((await page.getByTestId('save-state').textContent()) === '已保存', 'a file just opened is not 已保存');
    await shot(page, `${tag}-page-3-ledger`);
    await assertNoHorizontalScroll(page, '台账');
    await page.getByRole('tab', { name: '录入' }).click();
    const form = page.getByRole('form', { name: '新增问题' });
    await form.getByRole('combobox', { name: /问题类别/ }).fill('网页版测试方面');
    await form.getByRole('textbox', { name: /问题描述/ }).fill('=网页版录入的问题：台账更新不及时');
    const m1 = form.getByRole('group', { name: '措施1' });
    await m1.getByRole('textbox', { name: /整改措施/ }).fill('每月5日前更新整改台账');
    await m1.getByRole('textbox', { name: /责任单位/ }).fill('办公室');
    await m1.getByRole('button', { name: '年底' }).click();
    await form.getByRole('button', { name: '保存问题和措施' }).click();
    await page.getByText('已保存 P013（1条措施）').waitFor();
    await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
    assert((await page.title()).startsWith('＊示例单位台账.xlsx'), `title without ＊: ${await page.title()}`);
    await setStatus(page, 'P013-M01', '已完成', wide);
    await setStatus(page, 'P002-M02', '已完成', wide);
    if (wide) {
      await page.getByRole('button', { name: /^P002-M02/ }).click();
      await page.getByRole('heading', { name: '措施 P002-M02' }).waitFor();
    }
    await shot(page, `${tag}-page-4-unsaved`);
    await assertNoHorizontalScroll(page, 'after edits');
  });

  let saved = '';
  await check(`${tag}: 保存 downloads <原文件名>.xlsx; only the ledger's own sheets changed; LibreOffice's 整改统计 agrees with the core`, async () => {
    saved = join(results, `${tag}-saved.xlsx`);
    const name = await saveByDownload(page, saved);
    assert(name === '示例单位台账.xlsx', `downloaded as ${name}`);
    assert(!(await page.title()).startsWith('＊'), `title still marked after saving: ${await page.title()}`);
    await shot(page, `${tag}-page-5-saved`);
    const report = tsx('check', files.sample, saved, ...(libreoffice ? ['--libreoffice'] : []));
    assert(report.outside.length === 0, `parts outside the ledger's tables changed: ${report.outside.join(', ')}`);
    assert(report.changed.length > 0 && report.unchanged > 10, `changed ${report.changed.join(', ')}; unchanged ${report.unchanged}`);
    assert(report.ledger.problems === 13 && report.ledger.measures === 29, `saved ledger holds ${JSON.stringify(report.ledger)}`);
    if (libreoffice) {
      const { libreoffice: lo, core } = report.figures;
      assert(JSON.stringify(lo) === JSON.stringify(core), `整改统计 in LibreOffice ${JSON.stringify(lo)} vs the core ${JSON.stringify(core)}`);
    }
  });

  await check(`${tag}: closing the tab with unsaved changes asks first`, async () => {
    await setStatus(page, 'P003-M01', '基本完成', wide);
    await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
    const asked = new Promise((resolve) => page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }));
    await page.close({ runBeforeUnload: true });
    const type = await Promise.race([asked, new Promise((r) => setTimeout(() => r('none'), 5000))]);
    assert(type === 'beforeunload', `closing asked nothing (${type})`);
    assert(!page.isClosed(), 'the page closed although the user chose to stay');
  });

  await check(`${tag}: no request left the page's own files, no script error`, async () => {
    assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });
  // The user chose to stay, so the page still holds unsaved changes and its beforeunload handler:
  // close it without asking again before the context goes, or Chromium may still be settling the
  // dismissed dialog when the context closes ("Target page, context or browser has been closed").
  await page.close({ runBeforeUnload: false }).catch(() => undefined);
  await context.close().catch((error) => {
    if (!/has been closed/.test(String(error))) throw error;
  });

  const own = await newPage(browser, url, width);
  await check(`${tag}: a file with the unit's own sheet and a comment keeps them byte for byte`, async () => {
    await openFile(own.page, files.withOwnSheet);
    await own.page.getByRole('tablist').waitFor();
    await setStatus(own.page, 'P004-M01', '已完成', wide);
    const file = join(results, `${tag}-own-sheet-saved.xlsx`);
    await saveByDownload(own.page, file);
    const report = tsx('check', files.withOwnSheet, file);
    assert(report.outside.length === 0, `parts outside the ledger's tables changed: ${report.outside.join(', ')}`);
    assert(!report.changed.some((p) => /comments|vml|sheet7/.test(p)), `the own sheet or its comment changed: ${report.changed.join(', ')}`);
    assert(own.foreign.length === 0 && own.pageErrors.length === 0, `${own.foreign.join(', ')} ${own.pageErrors.join('; ')}`);
  });
  await own.context.close();

  const stats = await newPage(browser, url, width);
  await check(`${tag}: 统计 refreshes 整改统计 and 报告 writes the 通报 sheet into the file; the save touches those sheets and the edited rows only`, async () => {
    const { page } = stats;
    await openFile(page, files.sample);
    await page.getByRole('tablist').waitFor();
    await setStatus(page, 'P002-M02', '已完成', wide);
    await page.getByRole('tab', { name: '统计' }).click();
    const refresh = page.getByRole('button', { name: '生成/刷新统计表' });
    assert(await refresh.isEnabled(), 'the page does not offer 生成/刷新统计表');
    await refresh.click();
    await page.getByText('已刷新工作表“整改统计”').waitFor();
    await shot(page, `${tag}-page-6-refreshed`);
    await assertNoHorizontalScroll(page, '统计');
    await page.getByRole('tab', { name: '报告' }).click();
    await page.getByRole('button', { name: '写入新工作表' }).click();
    await page.getByText(/已写入新工作表“整改通报\d{8}”/).waitFor();
    await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
    const file = join(results, `${tag}-refreshed-saved.xlsx`);
    await saveByDownload(page, file);
    const report = tsx('sheets', files.sample, file, ...(libreoffice ? ['--libreoffice'] : []));
    assert(report.outside.length === 0, `parts outside the ledger, 整改统计 and the new sheet changed: ${report.outside.join(', ')}`);
    assert(report.sheets.includes('整改统计') && report.sheets.some((s) => /^整改通报\d{8}$/.test(s)), `sheets: ${report.sheets.join(', ')}`);
    if (libreoffice) assert(report.wrong.length === 0 && report.checked > 100, `整改统计 cells LibreOffice computed otherwise than the core (${report.checked} checked): ${report.wrong.slice(0, 5).join('; ')}`);
    assert(stats.foreign.length === 0 && stats.pageErrors.length === 0, `${stats.foreign.join(', ')} ${stats.pageErrors.join('; ')}`);
  });
  await stats.context.close();
}
