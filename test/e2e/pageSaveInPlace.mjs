// 保存 in place through the File System Access API (Chromium's way, on 麒麟/UOS too), tested with a
// real FileSystemFileHandle: the test puts the sample ledger into the origin-private file system
// (OPFS, which headless Chromium has) and gives the page a showOpenFilePicker that returns that
// file's handle. Open through it, edit, 保存: the OPFS file is then the edited ledger (only the
// ledger's own parts changed), no download and no save picker; a second edit and 保存 write in
// place again without asking. Over http (OPFS needs a secure context; 127.0.0.1 is one).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAME = '示例单位台账.xlsx';

/** The OPFS file's bytes, written to a temp file for pageFiles.ts to check. */
async function opfsFile(page, dir, tag) {
  const b64 = await page.evaluate(async (name) => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle(name)).getFile();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, NAME);
  const path = join(dir, `${tag}.xlsx`);
  writeFileSync(path, Buffer.from(b64, 'base64'));
  return path;
}

/** @param {{ browser: import('playwright-core').Browser, origin: string, files: Record<string,string>, check: Function, assert: Function, shot: Function, tsx: Function, setStatus: Function }} env */
export async function saveInPlaceScenario({ browser, origin, files, check, assert, shot, tsx, setStatus }) {
  const tag = 'http-1280px-in-place';
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  // The pickers, as the page calls them: open returns the OPFS file's handle; save must not be asked for.
  await context.addInitScript((name) => {
    window.__pickers = { open: 0, save: 0 };
    window.showOpenFilePicker = async () => {
      window.__pickers.open++;
      return [await (await navigator.storage.getDirectory()).getFileHandle(name)];
    };
    window.showSaveFilePicker = async () => {
      window.__pickers.save++;
      throw new DOMException('the test never picks a file to save to', 'AbortError');
    };
  }, NAME);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const dir = mkdtempSync(join(tmpdir(), 'zg-in-place-'));

  await check(`${tag}: open through showOpenFilePicker (an OPFS file), edit, 保存 writes the file in place`, async () => {
    await page.goto(`${origin}/app.html`);
    await page.getByRole('button', { name: '打开台账文件' }).waitFor();
    const b64 = readFileSync(files.sample).toString('base64');
    await page.evaluate(async ({ name, b64 }) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
      await writable.close();
    }, { name: NAME, b64 });
    await page.getByRole('button', { name: '打开台账文件' }).click();
    await page.getByRole('tablist').waitFor();
    await page.getByRole('button', { name: /^P001-M01/ }).waitFor();
    await setStatus(page, 'P002-M02', '已完成', true);
    await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(`已保存到“${NAME}”`).waitFor();
    await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
    await shot(page, `${tag}-saved`);
    const report = tsx('check', files.sample, await opfsFile(page, dir, 'first'));
    assert(report.outside.length === 0, `parts outside the ledger's tables changed: ${report.outside.join(', ')}`);
    assert(report.changed.length > 0, 'the OPFS file was not written');
    assert(report.status['P002-M02'] === '已完成', `P002-M02 in the saved file: ${report.status['P002-M02']}`);
    const pickers = await page.evaluate('window.__pickers');
    assert(pickers.open === 1 && pickers.save === 0, `pickers asked: ${JSON.stringify(pickers)}`);
    assert(downloads.length === 0, `downloaded ${downloads.join(', ')}`);
  });

  await check(`${tag}: a second 保存 writes in place again without asking`, async () => {
    await setStatus(page, 'P003-M01', '基本完成', true);
    await page.getByTestId('save-state').filter({ hasText: '未保存' }).waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
    const report = tsx('check', files.sample, await opfsFile(page, dir, 'second'));
    assert(report.status['P002-M02'] === '已完成' && report.status['P003-M01'] === '基本完成', `saved statuses: ${report.status['P002-M02']}, ${report.status['P003-M01']}`);
    assert(report.outside.length === 0, `parts outside the ledger's tables changed: ${report.outside.join(', ')}`);
    const pickers = await page.evaluate('window.__pickers');
    assert(pickers.open === 1 && pickers.save === 0, `pickers asked: ${JSON.stringify(pickers)}`);
    assert(downloads.length === 0 && pageErrors.length === 0, `downloads ${downloads.join(', ')}; errors ${pageErrors.join('; ')}`);
  });
  await context.close();
}
