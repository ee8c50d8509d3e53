/** @jest-environment jsdom */
// A 巡察办's summary workbook: first run offers 只汇总 (no ledger sheets made), 汇总 works there,
// and a workbook that holds a 汇总 table but no ledger opens straight on 汇总 — without the ledger's
// tabs or figures, and with the way to create a ledger after all.
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import { mergeSummary } from '../../../ledger/consolidate';
import { smallLedger } from '../../../ledger/report/testLedger';
import { dashboardFigures } from '../../../ledger/stats/dashboard-figures';
import type { LedgerStore } from '../../../ledger/store';
import { EMPTY_ROUND, type Ledger } from '../../../ledger/types';
import { createMemoryStore, type MemoryStoreOptions } from '../../../workbook/memoryStore';
import { sampleLedger } from '../../../workbook/sample';
import { writeLedgerXlsx } from '../../../workbook/xlsxWriter';
import { App } from '../../App';
import { formatRate } from '../../format';
import { TEST_TODAY } from '../../testUtils';

jest.setTimeout(30_000);

// jest's jsdom lacks TextEncoder, which every browser the pane runs in has (the .xlsx reader needs it).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

const EMPTY: Ledger = { round: EMPTY_ROUND, problems: [], measures: [] };
const withOrg = (ledger: Ledger, org: string): Ledger => ({ ...ledger, round: { ...ledger.round, org } });

let jia: File;
let yi: File;

beforeAll(async () => {
  jia = new File([(await writeLedgerXlsx(withOrg(smallLedger(), '甲单位'))) as BlobPart], '甲单位台账.xlsx');
  yi = new File([(await writeLedgerXlsx(withOrg(sampleLedger(TEST_TODAY), '乙单位'))) as BlobPart], '乙单位台账.xlsx');
});

function workbook(options: Partial<MemoryStoreOptions> = {}) {
  return createMemoryStore(EMPTY, { presence: 'none', now: () => new Date(`${TEST_TODAY}T09:30:00`), ...options });
}

function open(store: LedgerStore, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const user = userEvent.setup();
  const view = render(<App store={store} locale={locale} today={TEST_TODAY} />);
  return { user, ...view };
}

/** Nothing of the ledger is on screen: no tabs, no figures, no 巡察信息 button. */
function expectNoLedgerParts() {
  expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
  expect(screen.queryByTestId('figures')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '巡察信息' })).not.toBeInTheDocument();
}

describe('a summary workbook', () => {
  test('first run → 只汇总 → two ledgers imported, results and figures shown; no ledger sheet is made', async () => {
    const store = workbook();
    const createOrRepair = jest.spyOn(store, 'createOrRepair');
    const { user } = open(store);
    expect(await screen.findByRole('heading', { name: '这个工作簿还没有整改台账' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '创建整改台账' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '只汇总各单位报回的台账' }));

    expect(await screen.findByRole('heading', { name: '汇总', level: 2 })).toBeInTheDocument();
    expect(screen.getByText('汇总工作簿')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '这个工作簿还没有整改台账' })).not.toBeInTheDocument();
    expectNoLedgerParts();

    await user.upload(screen.getByLabelText('选择台账文件…'), [jia, yi]);
    expect(await screen.findByText(/^已汇总2个文件到“汇总”表：现有2个单位/)).toBeInTheDocument();
    const results = within(screen.getByRole('list', { name: '各文件导入结果' })).getAllByRole('listitem');
    expect(results.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^新增甲单位甲单位台账\.xlsx3个问题、5条措施/),
      expect.stringMatching(/^新增乙单位乙单位台账\.xlsx/),
    ]);
    const table = screen.getByRole('table', { name: '本次导入单位的主要指标' });
    const jiaRow = within(table).getByRole('rowheader', { name: '甲单位' }).closest('tr')!;
    // No ledger, no 巡察信息: 逾期 is counted as of the pane's day, as the sheet does with a blank 统计截止日期.
    const f = dashboardFigures(smallLedger(), TEST_TODAY);
    expect(within(jiaRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      [f.problems, formatRate(f.problemRate), f.measures, formatRate(f.measureRate), f.overdue].map(String),
    );
    expect(screen.getByText(/^统计截至.*按本次导入的文件计算/)).toBeInTheDocument();

    expect(createOrRepair).not.toHaveBeenCalled();
    expect(await store.detect()).toEqual({ state: 'none', summary: true });
    expect(store.summaryRows().map((r) => r.sourceUnit).filter((u, i, all) => all.indexOf(u) === i)).toEqual(['甲单位', '乙单位']);
  });

  test('reopened, a workbook with a 汇总 table and no ledger lands on 汇总, and a ledger can still be created there', async () => {
    const store = workbook({ summary: mergeSummary([], [{ unit: '甲单位', fileName: '甲单位台账.xlsx', ledger: smallLedger() }], `${TEST_TODAY} 09:00:00`).rows });
    const { user } = open(store);
    expect(await screen.findByRole('heading', { name: '汇总', level: 2 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '这个工作簿还没有整改台账' })).not.toBeInTheDocument();
    expectNoLedgerParts();
    expect(screen.getByRole('button', { name: '选择台账文件…' })).toBeEnabled();

    // The same unit again replaces its rows in the table already there.
    await user.upload(screen.getByLabelText('选择台账文件…'), [jia]);
    expect(await screen.findByText(/^已汇总1个文件到“汇总”表：现有1个单位/)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '各文件导入结果' })).getByRole('listitem')).toHaveTextContent(/^替换甲单位/);

    await user.click(screen.getByRole('button', { name: '创建整改台账' }));
    // As after first run: the 巡察信息 form of the new ledger, with the tabs; 汇总 is kept and under 统计.
    expect(await screen.findByRole('heading', { name: '巡察信息' })).toBeInTheDocument();
    expect(screen.getByRole('tablist')).toBeInTheDocument();
    expect(await store.detect()).toEqual({ state: 'ok' });
    expect(store.summaryRows().length).toBeGreaterThan(0);
  });

  test('in English, and 只汇总 is offered only where it makes sense', async () => {
    const { user, unmount } = open(workbook(), 'en');
    await user.click(await screen.findByRole('button', { name: 'Only consolidate ledgers units sent back' }));
    expect(await screen.findByRole('heading', { name: 'Consolidate', level: 2 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Keep a ledger in this workbook' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create ledger' })).toBeInTheDocument();
    unmount();

    // A damaged ledger is repaired, not bypassed.
    const base = workbook();
    open({ ...base, detect: async () => ({ state: 'repairable', missing: ['ZG_Due'] }) });
    expect(await screen.findByRole('button', { name: '打开已有台账' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '只汇总各单位报回的台账' })).not.toBeInTheDocument();
  });

  test('a store that cannot consolidate offers no 只汇总, and a 汇总 hint alone does not strand the user', async () => {
    const base = workbook();
    const store: LedgerStore = { ...base, consolidate: undefined, detect: async () => ({ state: 'none', summary: true }) };
    open(store);
    expect(await screen.findByRole('heading', { name: '这个工作簿还没有整改台账' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '只汇总各单位报回的台账' })).not.toBeInTheDocument();
  });
});
