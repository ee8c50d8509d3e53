/** @jest-environment jsdom */
// The 回收 tab driven as a user would: choose a returned file, see its changes (plain ones ticked,
// a conflict not), take the conflict too, apply, and find the source in 变更记录.
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { baseRowOf, ledgerKey, STAMP_VERSION } from '../../../ledger/distribute/stamp';
import type { Ledger } from '../../../ledger/types';
import { sampleLedger } from '../../../workbook/sample';
import { writeLedgerXlsx } from '../../../workbook/xlsxWriter';
import { renderApp } from '../../testUtils';

jest.setTimeout(30_000);
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

const TODAY = '2026-12-06';

jest.mock('../../../workbook/xlsx/readReturned', () => ({
  // The file reader has its own tests (the LibreOffice loop); here the pane gets what it would read.
  readReturnedFile: (_: Uint8Array, fileName: string) => (globalThis as unknown as { returned: (n: string) => unknown }).returned(fileName),
}));

test('回收: changes are listed, a conflict waits for a decision, applying logs the source', async () => {
  const ledger: Ledger = sampleLedger(TODAY);
  const mine = ledger.measures.filter((m) => m.unit === '医政医管科');
  const stamp = { version: STAMP_VERSION, ledgerKey: ledgerKey(ledger.round), org: ledger.round.org, inspector: ledger.round.inspector, feedback: ledger.round.feedback, by: '责任单位' as const, unit: '医政医管科', date: '2026-12-01', due: null };
  (globalThis as unknown as { returned: (n: string) => unknown }).returned = (fileName) => ({
    fileName, stamp, base: new Map(mine.map((m) => [m.id, baseRowOf(m)])), unnumbered: [], savedOn: '2026-12-05',
    measures: mine.map((m, i) => ({ row: i + 2, measure: m.id === 'P002-M02' ? { ...m, status: '已完成', doneDate: '2026-12-04' } : m.id === 'P012-M03' ? { ...m, status: '部分完成' } : m })),
  });
  const moved = { ...ledger, measures: ledger.measures.map((m) => (m.id === 'P012-M03' ? { ...m, status: '正在推进' as const } : m)) };
  const { store, user } = await renderApp({ ledger: moved, today: TODAY });
  await user.click(screen.getByRole('tab', { name: '分发' }));
  const file = new File([(await writeLedgerXlsx(ledger)) as BlobPart], '医政医管科.xlsx');
  await user.upload(await screen.findByLabelText('选择交回的文件'), file);
  const card = await screen.findByRole('region', { name: '医政医管科 医政医管科.xlsx' });
  expect(within(card).getByRole('checkbox', { name: 'P002-M02 整改状态' })).toBeChecked();
  expect(within(card).getByRole('checkbox', { name: 'P002-M02 完成日期' })).toBeChecked();
  expect(within(card).getByText('（空） → 2026年12月4日')).toBeInTheDocument();
  const conflict = within(card).getByRole('checkbox', { name: 'P012-M03 整改状态（冲突）' });
  expect(conflict).not.toBeChecked();
  expect(within(card).getByText('台账：正在推进')).toBeInTheDocument();
  expect(within(card).getByText('文件：部分完成')).toBeInTheDocument();
  await user.click(conflict);
  await user.click(screen.getByRole('button', { name: '应用所选修改（3项）' }));
  await screen.findByText(/^已应用3项修改，写入\d+条变更记录。$/);
  const log = store.changeLog().map((c) => [c.id, c.field, c.after]);
  expect(log).toEqual(expect.arrayContaining([
    ['P002-M02', '整改状态（回收自医政医管科：医政医管科.xlsx）', '已完成'],
    ['P002-M02', '完成日期（回收自医政医管科：医政医管科.xlsx）', '2026-12-04'],
    ['P012-M03', '整改状态（回收自医政医管科：医政医管科.xlsx）', '部分完成'],
  ]));
});

test('回收 in English: fields, statuses and dates as the rest of the English pane shows them', async () => {
  const ledger: Ledger = sampleLedger(TODAY);
  const mine = ledger.measures.filter((m) => m.unit === '医政医管科');
  const stamp = { version: STAMP_VERSION, ledgerKey: ledgerKey(ledger.round), org: ledger.round.org, inspector: ledger.round.inspector, feedback: ledger.round.feedback, by: '责任单位' as const, unit: '医政医管科', date: '2026-12-01', due: null };
  (globalThis as unknown as { returned: (n: string) => unknown }).returned = (fileName) => ({
    fileName, stamp, base: new Map(mine.map((m) => [m.id, baseRowOf(m)])), unnumbered: [], savedOn: '2026-12-05',
    measures: mine.map((m, i) => ({ row: i + 2, measure: m.id === 'P002-M02' ? { ...m, status: '已完成', doneDate: '' } : m })),
  });
  const { user } = await renderApp({ ledger, today: TODAY, locale: 'en' });
  await user.click(screen.getByRole('tab', { name: 'Units' }));
  const file = new File([(await writeLedgerXlsx(ledger)) as BlobPart], '医政医管科.xlsx');
  await user.upload(await screen.findByLabelText('Choose returned files'), file);
  const card = await screen.findByRole('region', { name: '医政医管科 医政医管科.xlsx' });
  expect(within(card).getByRole('checkbox', { name: 'P002-M02 Status' })).toBeChecked();
  expect(within(card).getByText('Partly done → Done')).toBeInTheDocument();
  expect(within(card).getByRole('checkbox', { name: 'P002-M02 Date done' })).toBeChecked();
  expect(within(card).getByText('(blank) → Dec 5, 2026')).toBeInTheDocument();
  expect(within(card).getByText(/the date the file was saved, Dec 5, 2026, is used/)).toBeInTheDocument();
});
