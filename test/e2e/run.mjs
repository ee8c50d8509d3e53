// npm run test:e2e — the task pane in Debian's Chromium (playwright-core), on the preview store:
// add a problem with two measures, mark one done and see the figures change, filter 逾期, open an
// item from the list, the 统计 tab and a summary workbook (stats.mjs), the pane's layout, contrast,
// language and forms in both languages (pane.mjs); at 320 px and ~450 px wide,
// with no horizontal scrolling and no request to any origin but the page's own. Then the page over a
// ledger file (app.html, page.mjs) from file:// at 1280 px and over http at 320 px. Screenshots go
// to test-results/. Then 保存 in place through the File System Access API on an OPFS file
// (pageSaveInPlace.mjs). Ends with "N passed, N failed". E2E_ONLY=page runs only the page's scenarios.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPane, launchChromium, openPanePage, ROOT, serve, watchForeignRequests } from './harness.mjs';
import { paneScenario } from './pane.mjs';
import { makePageFiles, pageScenario, setStatus, tsx } from './page.mjs';
import { saveInPlaceScenario } from './pageSaveInPlace.mjs';
import { statsScenario, summaryWorkbookScenario, writeSampleLedger } from './stats.mjs';

const RESULTS = join(ROOT, 'test-results');
const results = [];

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The page may not scroll sideways, and nothing may be cut off at the pane's right edge. */
async function assertNoHorizontalScroll(page, where) {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const doc = document.documentElement;
    let widest = '';
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && r.width > 0) {
        widest = `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} right=${Math.round(r.right)}`;
        break;
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, widest };
  });
  assert(scrollWidth <= clientWidth, `${where}: page is ${scrollWidth}px wide in a ${clientWidth}px pane (${widest})`);
  assert(!widest, `${where}: an element reaches past the pane's right edge: ${widest}`);
}

async function figure(page, key) {
  return (await page.locator(`[data-figure="${key}"]`).textContent()) ?? '';
}

async function shot(page, name) {
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: false });
}

/** The whole scenario at one pane width. */
async function scenario(browser, origin, width) {
  const { context, page, foreign, pageErrors } = await openPanePage(browser, origin, width);
  const tag = `${width}px`;

  await check(`${tag}: the preview opens on 台账, labelled as a preview`, async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole('tablist').waitFor();
    assert(await page.getByTestId('preview-banner').isVisible(), 'no preview banner');
    assert((await page.getByRole('tab', { name: '台账' }).getAttribute('aria-selected')) === 'true', '台账 is not the open tab');
    await page.getByRole('button', { name: /^P001-M01/ }).waitFor();
    await shot(page, `${tag}-1-ledger`);
    await assertNoHorizontalScroll(page, '台账');
  });

  let measuresBefore = '';
  await check(`${tag}: add a problem with two measures`, async () => {
    measuresBefore = await figure(page, 'measures');
    await page.getByRole('tab', { name: '录入' }).click();
    const form = page.getByRole('form', { name: '新增问题' });
    await form.getByRole('button', { name: '保存问题和措施' }).click();
    await page.getByText('请填写问题描述').waitFor();
    await shot(page, `${tag}-2-entry-invalid`);
    await assertNoHorizontalScroll(page, '录入 (with messages)');
    await form.getByRole('combobox', { name: /问题类别/ }).fill('浏览器测试方面');
    await form.getByRole('textbox', { name: /问题描述/ }).fill('浏览器中录入的问题：会议记录不规范');
    const m1 = form.getByRole('group', { name: '措施1' });
    await m1.getByRole('textbox', { name: /整改措施/ }).fill('规范会议记录格式');
    await m1.getByRole('textbox', { name: /责任单位/ }).fill('办公室');
    await m1.getByRole('button', { name: '立行立改' }).click();
    await form.getByRole('button', { name: '添加措施' }).click();
    const m2 = form.getByRole('group', { name: '措施2' });
    await m2.getByRole('textbox', { name: /整改措施/ }).fill('每季度抽查会议记录');
    await m2.getByRole('textbox', { name: /责任单位/ }).fill('机关党委');
    await m2.getByRole('button', { name: '年底' }).click();
    await m2.getByText(/^解析为 \d{4}年12月31日$/).waitFor();
    await shot(page, `${tag}-3-entry-filled`);
    await assertNoHorizontalScroll(page, '录入 (filled)');
    await form.getByRole('button', { name: '保存问题和措施' }).click();
    await page.getByText('已保存 P013（2条措施）').waitFor();
    const after = await figure(page, 'measures');
    assert(after.endsWith('/30') && measuresBefore.endsWith('/28'), `整改到位率 went from ${measuresBefore} to ${after}`);
  });

  await check(`${tag}: mark a new measure done and see the figures change`, async () => {
    const before = await figure(page, 'measures');
    await page.getByRole('tab', { name: '台账' }).click();
    await page.getByRole('searchbox', { name: '搜索' }).fill('P013');
    await page.getByRole('button', { name: /^P013-M02/ }).click();
    await page.getByRole('heading', { name: '措施 P013-M02' }).waitFor();
    await page.getByRole('combobox', { name: '整改状态' }).selectOption('已完成');
    await page.getByRole('button', { name: '更新状态' }).click();
    await page.getByText('已将 P013-M02 的整改状态改为“已完成”').waitFor();
    const after = await figure(page, 'measures');
    const done = (text) => Number(/(\d+)\/\d+/.exec(text)?.[1]);
    assert(done(after) === done(before) + 1, `done measures went from ${before} to ${after}`);
    await shot(page, `${tag}-4-measure-done`);
    await assertNoHorizontalScroll(page, 'measure detail');
    await page.getByRole('button', { name: /返回列表/ }).click();
    await page.getByRole('searchbox', { name: '搜索' }).fill('');
  });

  await check(`${tag}: filter 逾期 lists exactly the overdue measures`, async () => {
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.getByRole('combobox', { name: '预警' }).selectOption('overdue');
    const overdue = Number.parseInt(await figure(page, 'overdue'), 10);
    const status = page.locator('[data-applied-search]');
    await status.filter({ hasText: `${overdue}条措施` }).waitFor();
    const buttons = page.getByRole('listitem').getByRole('button', { name: /^P\d{3}-M\d{2}/ });
    const count = await buttons.count();
    assert(count === overdue, `逾期 shows ${count} measures, the header says ${overdue}`);
    for (let i = 0; i < count; i++) {
      const text = (await buttons.nth(i).textContent()) ?? '';
      assert(/逾期\d+天/.test(text), `listed measure is not overdue: ${text}`);
    }
    await shot(page, `${tag}-5-overdue`);
    await assertNoHorizontalScroll(page, '逾期 filter');
  });

  await check(`${tag}: open an item from the list`, async () => {
    const first = page.getByRole('listitem').getByRole('button', { name: /^P\d{3}-M\d{2}/ }).first();
    const id = /^(P\d{3}-M\d{2})/.exec((await first.textContent()) ?? '')?.[1];
    await first.click();
    await page.getByRole('heading', { name: `措施 ${id}` }).waitFor();
    assert(await page.getByRole('button', { name: /返回列表/ }).evaluate((el) => el === document.activeElement), 'focus did not move into the detail');
    await shot(page, `${tag}-6-detail`);
    await page.getByRole('region', { name: '销号' }).scrollIntoViewIfNeeded();
    await shot(page, `${tag}-7-detail-close`);
    await assertNoHorizontalScroll(page, 'detail');
  });

  await check(`${tag}: delete asks first, in a dialog a screen reader can reach`, async () => {
    const id = /措施 (P\d{3}-M\d{2})/.exec((await page.getByRole('heading', { name: /^措施 P/ }).textContent()) ?? '')?.[1];
    const measures = await figure(page, 'measures');
    await page.getByRole('button', { name: '删除' }).click();
    // getByRole skips aria-hidden nodes, so this also proves the open dialog is exposed to assistive tech.
    const dialog = page.getByRole('alertdialog', { name: `删除${id}？` });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert((await figure(page, 'measures')) === measures, 'cancel changed the figures');
    await page.getByRole('button', { name: '删除' }).click();
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await page.getByText(`已删除 ${id}`).waitFor();
    assert((await figure(page, 'measures')) !== measures, `deleting ${id} did not change the figures (${measures})`);
  });

  await check(`${tag}: no request left the page's origin, no script error`, async () => {
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });
  await context.close();
}

async function english(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const page = await context.newPage();
  const foreign = watchForeignRequests(page, origin);
  await check('320px: ?lang=en shows the pane in English', async () => {
    await page.goto(`${origin}/taskpane.html?lang=en`);
    await page.getByRole('heading', { name: 'Rectification Ledger' }).waitFor();
    await page.getByRole('tab', { name: 'Ledger' }).waitFor();
    await shot(page, '320px-8-english');
    await assertNoHorizontalScroll(page, 'English ledger');
    assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
  });
  await context.close();
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const dist = await buildPane({ mode: process.env.E2E_MODE === 'development' ? 'development' : 'production', log: (l) => console.log(l) });
  const server = await serve(dist);
  const browser = await launchChromium();
  const ledgerFile = writeSampleLedger();
  try {
    if (process.env.E2E_ONLY !== 'page') {
      for (const width of [320, 450]) {
        console.log(`pane at ${width}px (${server.origin})`);
        await scenario(browser, server.origin, width);
        await statsScenario({ browser, origin: server.origin, width, ledgerFile, check, assert, shot, assertNoHorizontalScroll });
        await summaryWorkbookScenario({ browser, origin: server.origin, width, ledgerFile, check, assert, shot, assertNoHorizontalScroll });
        for (const locale of ['zh-CN', 'en']) await paneScenario({ browser, origin: server.origin, width, locale, check, assert, shot, assertNoHorizontalScroll });
      }
      await english(browser, server.origin);
    }
    const files = makePageFiles();
    const env = { browser, files, results: RESULTS, check, assert, shot, assertNoHorizontalScroll };
    console.log('page over a file, from file:// at 1280px');
    await pageScenario({ ...env, url: pathToFileURL(join(dist, 'app.html')).href, width: 1280, tag: 'file-1280px', libreoffice: true });
    console.log(`page over a file, over http at 320px (${server.origin})`);
    await pageScenario({ ...env, url: `${server.origin}/app.html`, width: 320, tag: 'http-320px', libreoffice: false });
    console.log(`保存 in place through the File System Access API, an OPFS file (${server.origin})`);
    await saveInPlaceScenario({ ...env, origin: server.origin, tsx, setStatus });
  } finally {
    await browser.close();
    await server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`screenshots in ${RESULTS}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
