/** @jest-environment jsdom */
// 分发 and 催办 in Excel on Mac (WKWebView: `<a download>` does nothing) and on Windows, driven by
// role: on Mac the files open as new workbooks (Excel.createWorkbook, once per file) and the buttons
// and intros say so; nothing offers a download there. On Windows the .zip and the .docx download.
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { sampleLedger } from '../../../workbook/sample';
import { renderApp } from '../../testUtils';

jest.setTimeout(60_000);
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

const TODAY = '2026-12-06';
const PlatformType = { Mac: 'Mac', PC: 'PC', OfficeOnline: 'OfficeOnline' };
const g = globalThis as Record<string, unknown>;

let click: jest.SpyInstance;
let createWorkbook: jest.Mock<Promise<void>, [string]>;
function inExcel(platform: 'Mac' | 'PC', refuseAfter = Infinity) {
  g.Office = { PlatformType, context: { diagnostics: { platform } } };
  let calls = 0;
  createWorkbook = jest.fn(async (_base64: string) => {
    if (++calls > refuseAfter) throw new Error('Excel refused');
  });
  g.Excel = { createWorkbook };
}
beforeEach(() => {
  click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
});
afterEach(() => {
  click.mockRestore();
  delete g.Office;
  delete g.Excel;
});

/** How many units the sample splits into by 责任单位 (each gets a file). */
const unitCount = () => new Set(sampleLedger(TODAY).measures.flatMap((m) => m.unit.split(/[、，,；;]/).map((u) => u.trim()).filter(Boolean))).size;

async function openDistribute(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const rendered = await renderApp({ ledger: sampleLedger(TODAY), today: TODAY, locale });
  await rendered.user.click(screen.getByRole('tab', { name: locale === 'en' ? 'Units' : '分发' }));
  // The panel is a lazy chunk.
  await screen.findByRole('region', { name: locale === 'en' ? 'Distribute' : '分发填报' });
  return rendered;
}

describe('on Mac', () => {
  test('分发 opens one new workbook per unit, says to save each, and downloads nothing', async () => {
    inExcel('Mac');
    const { user } = await openDistribute();
    const section = screen.getByRole('region', { name: '分发填报' });
    expect(within(section).getByText(/^按责任单位把台账拆成填报文件，每个单位一个工作簿。Mac 版 Excel 中的加载项不能下载文件/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: '生成分发文件' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '生成并打开分发文件' }));
    const notice = await within(section).findByText(/^已在 Excel 中打开\d+个新工作簿/);
    expect(createWorkbook).toHaveBeenCalledTimes(unitCount());
    expect(notice).toHaveTextContent(`已在 Excel 中打开${unitCount()}个新工作簿（括号内为措施条数），请逐个保存，文件名依次为：`);
    expect(click).not.toHaveBeenCalled();
  });

  test('a workbook Excel refuses stops the rest, and the notice says how many opened', async () => {
    inExcel('Mac', 2);
    const { user } = await openDistribute();
    const section = screen.getByRole('region', { name: '分发填报' });
    await user.click(within(section).getByRole('button', { name: '生成并打开分发文件' }));
    const notice = await within(section).findByText(/^已在 Excel 中打开2个新工作簿/);
    expect(notice).toHaveTextContent(`另有${unitCount() - 2}个文件未能打开：Excel refused`);
    expect(createWorkbook).toHaveBeenCalledTimes(3);
    expect(click).not.toHaveBeenCalled();
  });

  test('in English the button and intro say the files open, not download', async () => {
    inExcel('Mac');
    await openDistribute('en');
    const section = screen.getByRole('region', { name: 'Distribute' });
    expect(within(section).getByRole('button', { name: 'Make and open the files' })).toBeInTheDocument();
    expect(within(section).getByText(/Add-ins in Excel for Mac cannot download files, so each opens in Excel as a new workbook/)).toBeInTheDocument();
    expect(within(section).queryByText(/downloaded/)).not.toBeInTheDocument();
    const by = within(section).getByRole('combobox', { name: 'Split by' });
    expect(within(by).getAllByRole('option').map((o) => o.textContent)).toEqual(['Responsible unit', 'Leader in charge', 'Person responsible']);
  });

  test('催办 offers the text to copy and no Word download', async () => {
    inExcel('Mac');
    const { user } = await openDistribute();
    const section = screen.getByRole('region', { name: '催办' });
    expect(within(section).getByText(/Mac 版 Excel 中的加载项不能下载 Word 文件/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '生成督办提醒' }));
    expect(within(section).getByRole('button', { name: '复制' })).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: /下载|Word/ })).not.toBeInTheDocument();
  });
});

describe('on Windows', () => {
  test('分发 downloads one .zip and opens no workbook; 催办 offers the Word document', async () => {
    inExcel('PC');
    const { user } = await openDistribute();
    const section = screen.getByRole('region', { name: '分发填报' });
    expect(within(section).getByText(/打包下载/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: '生成分发文件' }));
    await within(section).findByText(/^已生成\d+个文件/);
    expect(click).toHaveBeenCalledTimes(1);
    expect(createWorkbook).not.toHaveBeenCalled();
    const remind = screen.getByRole('region', { name: '催办' });
    await user.click(within(remind).getByRole('button', { name: '生成督办提醒' }));
    expect(within(remind).getByRole('button', { name: '下载 Word 文档' })).toBeInTheDocument();
  });
});

describe('in English', () => {
  test('分发 offers its split columns and names the files in English', async () => {
    inExcel('PC');
    const { user } = await openDistribute('en');
    const section = screen.getByRole('region', { name: 'Distribute' });
    const by = within(section).getByRole('combobox', { name: 'Split by' });
    expect(within(by).getAllByRole('option').map((o) => o.textContent)).toEqual(['Responsible unit', 'Leader in charge', 'Person responsible']);
    const anchors: HTMLAnchorElement[] = [];
    click.mockImplementation(function (this: HTMLAnchorElement) {
      anchors.push(this);
    });
    await user.click(within(section).getByRole('button', { name: 'Make the files' }));
    const done = await within(section).findByText(/^\d+ files made \(measures in brackets\): /);
    // Listed with ASCII brackets and commas, none of the Chinese sentence punctuation.
    expect(done.textContent).not.toMatch(/[（）、]/);
    expect(done.textContent).toMatch(/ \(\d+\), /);
    expect(anchors.map((a) => a.download)).toEqual(['Distribution files (by responsible unit).zip']);
  });
});
