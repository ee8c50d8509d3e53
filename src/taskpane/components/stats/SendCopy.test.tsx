/** @jest-environment jsdom */
// 发送副本's warnings in the pane: what the copy changed beyond the ZG formulas (links, live
// formulas, macros, entries not copied, cells never calculated) is listed point by point under the
// outcome, in Chinese and in English, for a saved file frozen in the browser and for Excel's copy.
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import type { Locale } from '../../../ledger/errors';
import { smallLedger } from '../../../ledger/report/testLedger';
import type { LedgerStore, SendCopyReport } from '../../../ledger/store';
import { createMemoryStore } from '../../../workbook/memoryStore';
import { linkedWorkbookEntries, rawZip } from '../../../../test/support/hostile';
import '../../testUtils'; // jsdom shims (ResizeObserver) the pane's tests share
import { StatsPanel } from './StatsPanel';

jest.setTimeout(30_000);

if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

function setup(options: { locale?: Locale; store?: Partial<LedgerStore> } = {}) {
  const ledger = smallLedger();
  const store = { ...createMemoryStore(ledger, { now: () => new Date('2022-10-18T09:30:00') }), ...options.store } as LedgerStore;
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <StatsPanel store={store} ledger={ledger} locale={options.locale ?? 'zh-CN'} onLedgerChanged={async () => {}} />
    </FluentProvider>,
  );
  return { user };
}

/** The bar's points, in order. */
const points = (bar: HTMLElement) => within(bar).getAllByRole('listitem').map((li) => li.textContent);

function captureDownloads(): { names: string[]; restore: () => void } {
  const names: string[] = [];
  URL.createObjectURL = jest.fn(() => 'blob:copy');
  URL.revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, restore: () => click.mockRestore() };
}

test('a saved file with DDE, OLE and workbook links: the copy downloads and the bar names each link and each cell that became a value', async () => {
  const { user } = setup();
  const downloads = captureDownloads();
  await user.upload(screen.getByLabelText('选择已保存的台账文件…'), new File([rawZip(linkedWorkbookEntries()) as BlobPart], '单位台账.xlsx'));
  const bar = await screen.findByRole('status');
  expect(bar).toHaveTextContent(/^已生成“单位台账（发送副本）.xlsx”：0个 ZG 公式已替换为数值，可直接发送。发送前请留意：/);
  expect(points(bar)).toEqual([
    '5个公式引用其他工作簿，已替换为上次的结果：Sheet1!A1、Sheet1!B1、Sheet1!C1、Sheet1!E1、Sheet1!E2',
    '已去掉3个外部链接：DDE 链接“cmd|/c calc”、指向工作簿“file:///\\\\share\\secret\\账本.xlsx”的链接、OLE 链接“Package file:///C:/evil.exe”',
    '已删除指向外部链接的名称：LinkedTotal',
  ]);
  expect(downloads.names).toEqual(['单位台账（发送副本）.xlsx']);
  downloads.restore();
});

test('in English, Excel’s copy lists every warning readably, with counts and the first cells named', async () => {
  const live = [
    ...Array.from({ length: 10 }, (_, i) => ({ cell: `整改台账!H${i + 2}`, kind: 'WEBSERVICE' as const })),
    { cell: '整改台账!J2', kind: 'DDE' as const },
    { cell: '整改台账!K2', kind: 'HYPERLINK' as const },
  ];
  const report: SendCopyReport = {
    replaced: 14, delivery: 'opened', fileName: 'x（发送副本）.xlsx',
    uncached: ['整改统计!B3'], live, macros: 'dropped', unsafeEntries: ['../../evil.txt'],
    externalLinks: [{ kind: 'DDE', target: 'cmd|/c calc' }], linkNames: [],
  };
  const { user } = setup({ locale: 'en', store: { makeSendCopy: jest.fn().mockResolvedValue(report) } });
  await user.click(screen.getByRole('button', { name: 'Make a copy to send' }));
  const bar = await screen.findByRole('status');
  expect(bar).toHaveTextContent(/^The copy is open in a new window: 14 ZG formulas became values\..* Before sending, note:/);
  expect(points(bar)).toEqual([
    'ZG formulas Excel never calculated leave 1 cell blank in the copy: 整改统计!B3',
    '10 formulas fetching data from the web (WEBSERVICE/RTD), replaced by the last result: ' +
      `${live.slice(0, 8).map((l) => l.cell).join(', ')} and 2 more`,
    '1 formula starting another program (DDE), replaced by the last result: 整改台账!J2',
    '1 hyperlink to places outside the workbook (HYPERLINK), replaced by the text shown: 整改台账!K2',
    'Removed 1 external link: DDE link "cmd|/c calc"',
    'Removed the macros (VBA project); the copy is a plain .xlsx workbook.',
    'Left out 1 zip entry with unsafe names (with "..", an absolute path or a backslash): ../../evil.txt',
  ]);
});

test('a copy with nothing to warn about is a plain success, without a list', async () => {
  const report: SendCopyReport = { replaced: 3, delivery: 'opened', fileName: 'x.xlsx', uncached: [], live: [], macros: 'none', externalLinks: [], linkNames: [], unsafeEntries: [] };
  const { user } = setup({ store: { makeSendCopy: jest.fn().mockResolvedValue(report) } });
  await user.click(screen.getByRole('button', { name: '生成发送副本' }));
  const bar = await screen.findByRole('status');
  expect(bar).toHaveTextContent('已在新窗口打开发送副本：3个 ZG 公式已替换为数值。');
  expect(within(bar).queryAllByRole('listitem')).toEqual([]);
});
