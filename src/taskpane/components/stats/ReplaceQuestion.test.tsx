/** @jest-environment jsdom */
// 汇总 asks before a file replaces rows another file brought: the question names who is replaced by
// whom and how many rows go; 替换 replaces, 跳过此文件 (or Esc) leaves the 汇总 as it was for that unit.
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import { summaryRows } from '../../../ledger/consolidate';
import type { Locale } from '../../../ledger/errors';
import { smallLedger } from '../../../ledger/report/testLedger';
import type { Ledger } from '../../../ledger/types';
import { createMemoryStore, type MemoryStore } from '../../../workbook/memoryStore';
import { sampleLedger } from '../../../workbook/sample';
import { writeLedgerXlsx } from '../../../workbook/xlsxWriter';
import '../../testUtils'; // jsdom shims (ResizeObserver) the pane's tests share
import { StatsPanel } from './StatsPanel';

jest.setTimeout(30_000);

if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

const withOrg = (ledger: Ledger, org: string): Ledger => ({ ...ledger, round: { ...ledger.round, org } });
const xlsx = async (ledger: Ledger, name: string) => new File([(await writeLedgerXlsx(ledger)) as BlobPart], name);

// 甲局's file carries 乙局 as its 被巡察单位 (a ledger copied without changing it).
let yi: File;
let jiaAsYi: File;
let yiAgain: File;
let bing: File;
const YI_ROWS = summaryRows({ unit: '乙局', fileName: '', ledger: withOrg(sampleLedger('2022-10-18'), '乙局') }, '').length;

beforeAll(async () => {
  yi = await xlsx(withOrg(sampleLedger('2022-10-18'), '乙局'), '乙局.xlsx');
  jiaAsYi = await xlsx(withOrg(smallLedger(), '乙局'), '甲局.xlsx');
  yiAgain = await xlsx(withOrg(smallLedger(), '乙局'), '乙局（第二版）.xlsx');
  bing = await xlsx(withOrg(smallLedger(), '丙局'), '丙局.xlsx');
});

function setup(locale: Locale = 'zh-CN') {
  const ledger = smallLedger();
  const store: MemoryStore = createMemoryStore(ledger, { now: () => new Date('2022-10-18T09:30:00') });
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <StatsPanel store={store} ledger={ledger} locale={locale} onLedgerChanged={async () => {}} />
    </FluentProvider>,
  );
  return { user, store };
}

const results = (name = '各文件导入结果') => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent);
const filesOf = (store: MemoryStore) => [...new Set(store.summaryRows().map((r) => `${r.sourceUnit}←${r.sourceFile}`))];

async function withYiConsolidated(locale: Locale = 'zh-CN') {
  const s = setup(locale);
  const picker = () => screen.getByLabelText(locale === 'en' ? 'Choose ledger files…' : '选择台账文件…');
  await s.user.upload(picker(), [yi]);
  await waitFor(() => expect(filesOf(s.store)).toEqual(['乙局←乙局.xlsx']));
  // The store holds the rows before the import has finished; the picker stays disabled until it has,
  // and an upload into a disabled picker is ignored (as a click on it would be). Wait as a user waits.
  await waitFor(() => expect(picker()).toBeEnabled());
  return s;
}

test('替换: the question says whose rows go and how many; after yes, 甲局.xlsx holds 乙局’s rows', async () => {
  const { user, store } = await withYiConsolidated();
  await user.upload(screen.getByLabelText('选择台账文件…'), [jiaAsYi]);
  const dialog = await screen.findByRole('group', { name: '替换另一个文件汇总的数据？' });
  expect(dialog).toHaveTextContent(`“甲局.xlsx”的被巡察单位是“乙局”，将替换“乙局.xlsx”已汇总的${YI_ROWS}行。`);
  // Nothing is written while the question is open.
  expect(filesOf(store)).toEqual(['乙局←乙局.xlsx']);
  await user.click(within(dialog).getByRole('button', { name: '替换' }));
  await waitFor(() => expect(results()).toEqual([expect.stringMatching(/^替换乙局甲局\.xlsx3个问题、5条措施/)]));
  expect(filesOf(store)).toEqual(['乙局←甲局.xlsx']);
  expect(screen.queryByRole('group', { name: '替换另一个文件汇总的数据？' })).not.toBeInTheDocument();
});

test('跳过此文件: the 汇总 keeps 乙局.xlsx’s rows, and the file is listed as skipped with the reason', async () => {
  const { user, store } = await withYiConsolidated();
  const before = store.summaryRows();
  await user.upload(screen.getByLabelText('选择台账文件…'), [jiaAsYi]);
  await user.click(await screen.findByRole('button', { name: '跳过此文件' }));
  await waitFor(() => expect(results()).toEqual(['已跳过甲局.xlsx未汇总：被巡察单位“乙局”的数据来自“乙局.xlsx”，按你的选择跳过此文件。']));
  expect(screen.getByRole('status')).toHaveTextContent('所选文件都已跳过，汇总表没有变化。');
  expect(store.summaryRows()).toEqual(before);
});

test('in one batch, two files of one unit: the later is asked about; skipped, the earlier and the other unit go in', async () => {
  const { user, store } = setup();
  await user.upload(screen.getByLabelText('选择台账文件…'), [yi, yiAgain, bing]);
  const dialog = await screen.findByRole('group', { name: '替换另一个文件汇总的数据？' });
  expect(dialog).toHaveTextContent(`“乙局（第二版）.xlsx”的被巡察单位是“乙局”，与本次所选的“乙局.xlsx”相同，将替换它的${YI_ROWS}行。`);
  await user.click(within(dialog).getByRole('button', { name: '跳过此文件' }));
  await waitFor(() => expect(filesOf(store)).toEqual(['乙局←乙局.xlsx', '丙局←丙局.xlsx']));
  expect(results()).toEqual([expect.stringMatching(/^新增乙局乙局\.xlsx/), expect.stringMatching(/^已跳过乙局（第二版）\.xlsx/), expect.stringMatching(/^新增丙局丙局\.xlsx/)]);
  expect(screen.getByRole('status')).toHaveTextContent(/^已汇总2个文件到“汇总”表：现有2个单位、\d+行。1个文件按你的选择跳过。/);
});

test('in English the question is English, and Esc skips the file', async () => {
  const { user, store } = await withYiConsolidated('en');
  await user.upload(screen.getByLabelText('Choose ledger files…'), [jiaAsYi]);
  const dialog = await screen.findByRole('group', { name: 'Replace rows another file brought?' });
  expect(dialog).toHaveTextContent(`"甲局.xlsx" names "乙局" as its unit and will replace the ${YI_ROWS} rows "乙局.xlsx" brought into the summary.`);
  // Focus is on the choice that loses nothing.
  expect(within(dialog).getByRole('button', { name: 'Skip this file' })).toHaveFocus();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(results('Result per file')).toEqual(['Skipped甲局.xlsxNot consolidated: the rows of "乙局" came from "乙局.xlsx"; skipped as you chose.']));
  expect(filesOf(store)).toEqual(['乙局←乙局.xlsx']);
});
