// The pane at a width and in a language (called from run.mjs for 320 and 450 px, zh-CN and en):
// the list is the first screen's work (≥ 3 items at 720 px high); every text on every tab meets
// WCAG contrast, imported 未标注 / 时限待确认 items included; English shows no Chinese vocabulary of
// its own (statuses, option lists) and keeps the tab bar and the save bar on one row; dates are in
// prose; 长期坚持 typed as a 整改时限 ticks 纳入长期坚持; Enter does not submit 录入; 巡察信息 refuses
// dates out of order without misaligning its columns; the help pages fit the pane.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrastOffenders } from './contrast.mjs';
import { openPanePage, ROOT } from './harness.mjs';

const WORDS = {
  'zh-CN': {
    query: '', tabs: ['录入', '台账', '导入', '报告', '统计'], ledger: '台账', entry: '录入', import: '导入',
    paste: '粘贴全文', read: '识别', insert: /^导入\d+个问题$/, filters: /^筛选/, search: '搜索', round: '巡察信息',
    save: '保存问题和措施', longTerm: '纳入长期坚持', deadline: /整改时限/, category: /问题类别/, roundSave: '保存巡察信息',
    start: /巡察开始日期/, feedback: /反馈日期/, asOf: /统计截止日期/, feedbackEarly: /^反馈日期不能早于巡察开始日期/,
    asOfEarly: /^统计截止日期不能早于/, required: /^请填写/, back: /返回列表/,
  },
  en: {
    query: '?lang=en', tabs: ['Enter', 'Ledger', 'Import', 'Report', 'Stats'], ledger: 'Ledger', entry: 'Enter', import: 'Import',
    paste: 'Paste the full text', read: 'Read', insert: /^Import \d+ problems?$/, filters: /^Filters/, search: 'Search', round: 'Inspection',
    save: 'Save problem', longTerm: 'Long-term (长期坚持)', deadline: /Deadline/, category: /Category/, roundSave: 'Save round',
    start: /Inspection start/, feedback: /Feedback date/, asOf: /Statistics as of/, feedbackEarly: /^Feedback date \(反馈日期\) cannot be before Inspection start/,
    asOfEarly: /^Statistics as of cannot be before/, required: /^Please fill in/, back: /Back to list/,
  },
};

const CJK = /[\u3400-\u9fff]/;

/** The item buttons of the 台账 list whose whole box is inside the first screen. */
async function itemsInFirstScreen(page) {
  return page.evaluate(() => {
    const height = window.innerHeight;
    return [...document.querySelectorAll('ul li button')]
      .filter((b) => /^P\d{3}/.test(b.textContent ?? ''))
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= height;
      }).length;
  });
}

/** Visible text nodes matching a pattern (inputs' values are not text nodes: typed data is not checked). */
async function visibleTexts(page, source) {
  return page.evaluate((src) => {
    const re = new RegExp(src);
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[aria-hidden="true"]') || !n.textContent.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).visibility !== 'visible') continue;
      if (re.test(n.textContent)) out.push(n.textContent.trim().slice(0, 60));
    }
    return out;
  }, source);
}

/** @param {{ browser: import('playwright-core').Browser, origin: string, width: number, locale: 'zh-CN' | 'en', check: Function, assert: Function, shot: Function, assertNoHorizontalScroll: Function }} env */
export async function paneScenario({ browser, origin, width, locale, check, assert, shot, assertNoHorizontalScroll }) {
  const w = WORDS[locale];
  const { context, page, pageErrors } = await openPanePage(browser, origin, width, { viewport: { width, height: 720 } });
  const tag = `${width}px ${locale}`;
  const name = `${width}px-${locale}`;
  const offenders = [];
  const scan = async (where) => {
    for (const line of await contrastOffenders(page)) offenders.push(`${where}: ${line}`);
  };

  await check(`${tag}: the first screen (×720) shows at least three items of the list`, async () => {
    await page.goto(`${origin}/taskpane.html${w.query}`);
    await page.getByRole('tab', { name: w.ledger }).waitFor();
    await page.getByRole('button', { name: /^P001-M01/ }).waitFor();
    await shot(page, `${name}-a-first-screen`);
    const n = await itemsInFirstScreen(page);
    assert(n >= 3, `only ${n} items of the list are in the first 720 px`);
    const tabTops = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    assert(new Set(tabTops).size === 1, `the tab bar wraps onto ${new Set(tabTops).size} rows`);
    // One row is not enough: a tab or a header figure that clips its text ("Ente", "33.33" past its tile) fails too.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.fui-Tab__content, [data-figure], [data-testid="figures"] dt')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.textContent} (${el.scrollWidth} > ${el.clientWidth} px)`),
    );
    assert(cut.length === 0, `text cut off: ${cut.join(', ')}`);
    await assertNoHorizontalScroll(page, 'first screen');
    await scan('台账');
  });

  await check(`${tag}: imported items (未标注, 时限待确认) and every tab pass WCAG contrast`, async () => {
    await page.getByRole('tab', { name: w.import }).click();
    await page.getByRole('textbox', { name: w.paste }).fill(readFileSync(join(ROOT, 'test/import/texts/fangan-fields.txt'), 'utf8'));
    await page.getByRole('button', { name: w.read, exact: true }).click();
    await page.getByRole('button', { name: w.insert }).click();
    await page.getByText(locale === 'en' ? /^Imported \d+ problems/ : /^已导入\d+个问题/).waitFor();
    await scan('导入 (done)');
    await page.getByRole('tab', { name: w.ledger }).click();
    await page.getByRole('searchbox', { name: w.search }).fill('师德');
    await page.getByRole('button', { name: /^P\d{3}-M01/ }).first().waitFor();
    await shot(page, `${name}-b-unmarked`);
    await scan('台账 (imported)');
    await page.getByRole('button', { name: w.filters }).click();
    await scan('台账 (filters open)');
    await page.getByRole('button', { name: /^P\d{3}-M01/ }).first().click();
    await page.getByRole('button', { name: w.back }).waitFor();
    await scan('measure detail');
    await page.getByRole('button', { name: w.back }).click();
    await page.getByRole('searchbox', { name: w.search }).fill('');
    for (const [i, tabName] of w.tabs.entries()) {
      await page.getByRole('tab', { name: tabName }).click();
      await page.waitForTimeout(300);
      await shot(page, `${name}-c-tab-${i}`);
      await scan(tabName);
    }
    await page.getByRole('tab', { name: w.entry }).click();
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByText(w.required).first().waitFor();
    await scan('录入 (with messages)');
    assert(offenders.length === 0, `${offenders.length} texts below WCAG contrast:\n      ${offenders.join('\n      ')}`);
  });

  await check(`${tag}: 长期坚持 as the 整改时限 ticks 纳入长期坚持; Enter in a field does not submit`, async () => {
    await page.reload();
    await page.getByRole('tab', { name: w.entry }).click();
    const form = page.getByRole('form');
    await form.getByRole('combobox', { name: w.category }).fill('巡察整改方面');
    await form.getByRole('combobox', { name: w.category }).press('Enter');
    assert((await page.getByText(w.required).count()) === 0, 'Enter in 问题类别 submitted the form');
    const m1 = form.getByRole('group').filter({ has: page.getByRole('checkbox', { name: w.longTerm }) }).first();
    const box = m1.getByRole('checkbox', { name: w.longTerm });
    assert(!(await box.isChecked()), '纳入长期坚持 is ticked before anything was typed');
    for (const phrase of ['长期坚持', '常态化', '持续整改']) {
      await m1.getByRole('textbox', { name: w.deadline }).fill(phrase);
      assert(await box.isChecked(), `typing ${phrase} left 纳入长期坚持 unticked`);
    }
    await m1.getByRole('textbox', { name: w.deadline }).press('Enter');
    assert((await page.getByText(w.required).count()) === 0, 'Enter in 整改时限 submitted the form');
    const bar = await page.getByRole('button', { name: w.save, exact: true }).evaluate((b) => b.parentElement.getBoundingClientRect().height);
    assert(bar <= 52, `the sticky save bar is ${Math.round(bar)} px high (two rows)`);
    await shot(page, `${name}-d-entry-longterm`);
    await assertNoHorizontalScroll(page, '录入');
  });

  await check(`${tag}: 巡察信息 refuses dates out of order, and its columns stay aligned`, async () => {
    await page.getByRole('button', { name: w.round, exact: true }).click();
    await page.getByLabel(w.start).fill('2026-03-01');
    await page.getByLabel(w.feedback).fill('2026-02-01');
    await page.getByLabel(w.asOf).fill('2026-01-15');
    await page.getByRole('button', { name: w.roundSave }).click();
    await page.getByText(w.feedbackEarly).waitFor();
    await page.getByText(w.asOfEarly).waitFor();
    const tops = await page.getByLabel(w.feedback).evaluate((input) => {
      const row = input.closest('.fui-Field').parentElement;
      return [...row.querySelectorAll('input')].map((i) => Math.round(i.getBoundingClientRect().top));
    });
    assert(new Set(tops).size === 1, `the fields beside 反馈日期 are misaligned: tops ${tops.join(', ')}`);
    await page.getByLabel(w.feedback).scrollIntoViewIfNeeded();
    await shot(page, `${name}-e-round-dates`);
    await assertNoHorizontalScroll(page, '巡察信息');
    await scan('巡察信息 (with messages)');
    assert(offenders.length === 0, offenders.join('\n      '));
  });

  await check(`${tag}: dates in prose, and in English no Chinese statuses or options`, async () => {
    await page.reload();
    await page.getByRole('button', { name: /^P001-M01/ }).click();
    await page.getByRole('button', { name: w.back }).waitFor();
    await shot(page, `${name}-f-detail`);
    const iso = await visibleTexts(page, '\\b\\d{4}-\\d{2}-\\d{2}\\b');
    assert(iso.length === 0, `dates shown as YYYY-MM-DD: ${iso.join(' | ')}`);
    if (locale === 'en') {
      const zhDates = await visibleTexts(page, '\\d{4}年\\d{1,2}月\\d{1,2}日');
      // The ledger's own words (整改时限 as typed, 整改进展 as written) are data; the pane's date is not.
      const ours = zhDates.filter((t) => !CJK.test(t.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, '')));
      assert(ours.length === 0, `Chinese dates in the English pane: ${ours.join(' | ')}`);
      await page.getByRole('button', { name: w.back }).click();
      const badges = await page.locator('.fui-Badge').allTextContents();
      const chinese = [...new Set(badges.filter((b) => CJK.test(b)))];
      assert(chinese.length === 0, `badges in Chinese: ${chinese.join(', ')}`);
      await page.getByRole('button', { name: w.filters }).click();
      const options = await page.locator('select option').allTextContents();
      const units = await page.getByRole('combobox', { name: 'Responsible unit' }).locator('option').allTextContents();
      const zhOptions = options.filter((o) => CJK.test(o) && !units.includes(o));
      assert(zhOptions.length === 0, `options in Chinese: ${zhOptions.join(', ')}`);
    }
  });

  await check(`${tag}: no script error in the pane`, async () => {
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });

  // A page of its own: leaving the pane while Office.js still loads its helpers is not a pane error.
  await check(`${tag}: help pages fit the pane`, async () => {
    const page = await context.newPage();
    for (const help of ['index', 'completionrate', 'deadline']) {
      await page.goto(`${origin}/help/${help}.html`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await assertNoHorizontalScroll(page, `help/${help}.html`);
    }
    await page.getByRole('table').first().scrollIntoViewIfNeeded();
    await shot(page, `${name}-g-help`);
  });
  await context.close();
}
