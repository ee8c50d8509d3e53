/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import type { Locale } from '../../../ledger/errors';
import { ledgerError } from '../../../ledger/errors';
import { smallLedger } from '../../../ledger/report/testLedger';
import { dashboardFigures } from '../../../ledger/stats/dashboard-figures';
import { LedgerStoreError, type LedgerStore, type SendCopyReport } from '../../../ledger/store';
import type { Ledger } from '../../../ledger/types';
import { createMemoryStore, type MemoryStore } from '../../../workbook/memoryStore';
import { sampleLedger } from '../../../workbook/sample';
import { writeLedgerXlsx } from '../../../workbook/xlsxWriter';
import { unzipXlsx, partText, worksheets } from '../../../workbook/xlsx/package';
import { zgWorkbook } from '../../../../test/workbook/zgWorkbook';
import { formatRate } from '../../format';
import { renderApp, tab } from '../../testUtils';
import { readFileBytes } from './fileBytes';
import { StatsPanel } from './StatsPanel';
import { STATS_STRINGS } from './statsStrings';

jest.setTimeout(30_000);

// jest's jsdom lacks TextEncoder, which every browser the pane runs in has (the .xlsx code needs it).
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

const TODAY = '2022-10-18';

function withOrg(ledger: Ledger, org: string): Ledger {
  return { ...ledger, round: { ...ledger.round, org } };
}

let files: { jia: File; yi: File; jiaAgain: File; garbage: File; zg: File };

beforeAll(async () => {
  const xlsx = async (ledger: Ledger, name: string) => new File([(await writeLedgerXlsx(ledger)) as BlobPart], name);
  const changed = withOrg(smallLedger(), '甲单位');
  changed.measures = changed.measures.map((m) => ({ ...m, status: '已完成', doneDate: '2022-10-01' }));
  files = {
    jia: await xlsx(withOrg(smallLedger(), '甲单位'), '甲单位台账.xlsx'),
    yi: await xlsx(withOrg(sampleLedger(TODAY), '乙单位'), '乙单位台账.xlsx'),
    jiaAgain: await xlsx(changed, '甲单位台账（更新）.xlsx'),
    garbage: new File(['这不是表格，只是一段文字'], '会议纪要.xlsx'),
    zg: new File([(await zgWorkbook()) as BlobPart], '我的台账.xlsx'),
  };
});

type Downloads = { blobs: { blob: Blob; name: string }[]; restore: () => void };

/** Captures downloadBytes: the blob and the file name of each download. */
function captureDownloads(): Downloads {
  const blobs: { blob: Blob; name: string }[] = [];
  let pending: Blob | null = null;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    pending = blob;
    return 'blob:copy';
  });
  URL.revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) blobs.push({ blob: pending, name: this.download });
  });
  return { blobs, restore: () => click.mockRestore() };
}

function setup(options: { locale?: Locale; store?: Partial<LedgerStore>; ledger?: Ledger } = {}) {
  const ledger = options.ledger ?? smallLedger();
  const base: MemoryStore = createMemoryStore(ledger, { now: () => new Date(`${TODAY}T09:30:00`) });
  const store = { ...base, ...options.store } as LedgerStore;
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <StatsPanel store={store} ledger={ledger} locale={options.locale ?? 'zh-CN'} onLedgerChanged={async () => {}} />
    </FluentProvider>,
  );
  return { user, base, ledger };
}

const results = () => within(screen.getByRole('list', { name: '各文件导入结果' })).getAllByRole('listitem');

describe('统计: 整改统计', () => {
  test('the key figures of the ledger are shown before anything is written', () => {
    const { ledger } = setup();
    const f = dashboardFigures(ledger, ledger.round.asOf!);
    const tile = (label: string) => within(screen.getByLabelText('主要指标')).getByText(label).nextElementSibling;
    expect(tile('整改完成率')).toHaveTextContent(`${formatRate(f.problemRate)}${f.problemsDone}/${f.problems}`);
    expect(tile('整改到位率')).toHaveTextContent(`${formatRate(f.measureRate)}${f.measuresDone}/${f.measures}`);
    expect(tile('逾期措施')).toHaveTextContent(`${f.overdue}条`);
    expect(tile('长期坚持占比')).toHaveTextContent(formatRate(f.longTermShare));
    const byStatus = screen.getByLabelText('各整改状态的措施数');
    expect(tile('按期完成率')).toHaveTextContent(`${formatRate(f.onTimeRate)}${f.measuresOnTime}/${f.measuresDue}`);
    expect(f.measuresDue).toBeGreaterThan(0);
    expect(within(byStatus).getByText('已完成').nextElementSibling).toHaveTextContent(`${f.byStatus['已完成']}条`);
    expect(screen.getByText('统计截至2022年10月18日')).toBeInTheDocument();
  });

  test('生成/刷新统计表 writes the sheet and says what it holds; a second press refreshes it', async () => {
    const { user, base, ledger } = setup();
    const units = new Set(ledger.measures.map((m) => m.unit).filter(Boolean)).size;
    await user.click(screen.getByRole('button', { name: '生成/刷新统计表' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`已生成工作表“整改统计”：2个问题类别、${units}个责任单位、3个图表。`);
    expect(base.generatedSheets().has('整改统计')).toBe(true);
    await user.click(screen.getByRole('button', { name: '生成/刷新统计表' }));
    expect(await screen.findByText(/^已刷新工作表“整改统计”/)).toBeInTheDocument();
  });

  test('a sheet of the user’s with that name: the outcome says where the dashboard went instead', async () => {
    const refreshDashboard = jest.fn().mockResolvedValue({ sheet: '整改统计 (2)', created: true, categories: 2, units: 1, charts: 3 });
    const { user } = setup({ store: { refreshDashboard } });
    await user.click(screen.getByRole('button', { name: '生成/刷新统计表' }));
    expect(await screen.findByText(/未改动它；统计表写入了“整改统计 \(2\)”/)).toBeInTheDocument();
  });

  test('on the page (a file store) the outcome says the sheet reaches the file with 保存', async () => {
    const { openFileStore } = await import('../../../workbook/xlsxStore/fileStore');
    const ledger = smallLedger();
    const file = openFileStore(await writeLedgerXlsx(ledger), '台账.xlsx');
    if ('code' in file) throw new Error(file.message);
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <StatsPanel store={file} ledger={ledger} locale="zh-CN" onLedgerChanged={async () => {}} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole('button', { name: '生成/刷新统计表' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^已刷新工作表“整改统计”：.*。点“保存”后写入文件。/);
    expect(file.isDirty()).toBe(true);
  });

  test('a store failure is a Chinese alert, and the pane stays usable', async () => {
    const refreshDashboard = jest.fn().mockRejectedValue(new LedgerStoreError(ledgerError('notALedger')));
    const { user } = setup({ store: { refreshDashboard } });
    await user.click(screen.getByRole('button', { name: '生成/刷新统计表' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/台账/);
    expect(screen.getByRole('button', { name: '生成/刷新统计表' })).toBeEnabled();
  });
});

describe('统计: 发送副本', () => {
  test('the preview offers only the saved-file copy; the copy downloads with every ZG formula frozen', async () => {
    const { user } = setup();
    expect(screen.queryByRole('button', { name: '生成发送副本' })).not.toBeInTheDocument();
    const downloads = captureDownloads();
    await user.upload(screen.getByLabelText('选择已保存的台账文件…'), files.zg);
    expect(await screen.findByText(/^已生成“我的台账（发送副本）.xlsx”：\d+个 ZG 公式已替换为数值/)).toBeInTheDocument();
    expect(downloads.blobs.map((d) => d.name)).toEqual(['我的台账（发送副本）.xlsx']);
    const parts = unzipXlsx(await readFileBytes(downloads.blobs[0].blob));
    // Excel stores a custom function call as _xldudf_ZG_…: none may be left.
    const zgCalls = (bytes: Uint8Array) => {
      const p = unzipXlsx(bytes);
      return worksheets(p).map((sheet) => (partText(p, sheet.path) ?? '').split('_xldudf_ZG').length - 1);
    };
    expect(zgCalls(await readFileBytes(files.zg)).some((n) => n > 0)).toBe(true);
    expect(zgCalls(await readFileBytes(downloads.blobs[0].blob))).toEqual(worksheets(parts).map(() => 0));
    downloads.restore();
  });

  test('a file that is not a workbook gets a clear Chinese message and nothing is downloaded', async () => {
    const { user } = setup();
    const downloads = captureDownloads();
    await user.upload(screen.getByLabelText('选择已保存的台账文件…'), files.garbage);
    expect(await screen.findByRole('alert')).toHaveTextContent('“会议纪要.xlsx”不是 Excel 工作簿（.xlsx），无法读取');
    expect(downloads.blobs).toEqual([]);
    downloads.restore();
  });

  test('in Excel, 生成发送副本 opens the copy and asks to save it before sending', async () => {
    const makeSendCopy = jest.fn<Promise<SendCopyReport>, []>().mockResolvedValue({ replaced: 14, delivery: 'opened', fileName: '台账（发送副本）.xlsx' });
    const { user } = setup({ store: { makeSendCopy } });
    await user.click(screen.getByRole('button', { name: '生成发送副本' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已在新窗口打开发送副本：14个 ZG 公式已替换为数值。请先保存这个新工作簿，再发送保存后的文件。');
  });
});

describe('统计: 发送副本 in Excel on Mac, where nothing downloads', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  test.each([
    ['zh-CN', '选择已保存的台账文件…', /^选择一个 \.xlsx 台账文件，副本在 Excel 中以新工作簿打开（Mac 版 Excel 中的加载项不能下载文件）/, /^已在新窗口打开发送副本：\d+个 ZG 公式已替换为数值/],
    ['en', 'Choose a saved ledger file…', /^Pick a ledger \.xlsx file; the copy opens in Excel as a new workbook/, /^The copy is open in a new window: \d+ ZG formulas became values/],
  ] as const)('(%s) the saved-file copy opens as one new workbook, and the hint says so instead of promising a download', async (locale, picker, hint, done) => {
    g.Office = { PlatformType: { Mac: 'Mac', PC: 'PC', OfficeOnline: 'OfficeOnline' }, context: { diagnostics: { platform: 'Mac' } } };
    const createWorkbook = jest.fn(async () => {});
    g.Excel = { createWorkbook };
    const downloads = captureDownloads();
    try {
      const { user } = setup({ locale });
      expect(screen.getByText(hint)).toBeInTheDocument();
      expect(screen.queryByText(/downloaded|下载，/)).not.toBeInTheDocument();
      await user.upload(screen.getByLabelText(picker), files.zg);
      expect(await screen.findByText(done)).toBeInTheDocument();
      expect(createWorkbook).toHaveBeenCalledTimes(1);
      expect(downloads.blobs).toEqual([]);
    } finally {
      downloads.restore();
    }
  });
});

describe('统计: 汇总', () => {
  test('two ledgers and a file that is not one: the ledgers go in, the other gets its reason, the figures per unit follow', async () => {
    const { user, base } = setup();
    await user.upload(screen.getByLabelText('选择台账文件…'), [files.jia, files.garbage, files.yi]);
    expect(await screen.findByText(/^已汇总2个文件到“汇总”表：现有2个单位/)).toBeInTheDocument();
    expect(screen.getByText(/1个文件未导入/)).toBeInTheDocument();
    const items = results();
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^新增甲单位甲单位台账\.xlsx3个问题、5条措施/),
      '未导入会议纪要.xlsx“会议纪要.xlsx”不是 Excel 工作簿（.xlsx），无法读取',
      expect.stringMatching(/^新增乙单位乙单位台账\.xlsx/),
    ]);
    expect(base.summaryRows().map((r) => r.sourceUnit).filter((u, i, all) => all.indexOf(u) === i)).toEqual(['甲单位', '乙单位']);
    const table = screen.getByRole('table', { name: '本次导入单位的主要指标' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => within(r).queryAllByRole('rowheader')[0]?.textContent ?? null)).toEqual([null, '甲单位', '乙单位', '合计']);
    // The same figures as the core's for that ledger on the pane's as-of day.
    const f = dashboardFigures(smallLedger(), TODAY);
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      [f.problems, formatRate(f.problemRate), f.measures, formatRate(f.measureRate), f.overdue].map(String),
    );
  });

  test.each(['zh-CN', 'en'] as const)('the figures table names each column once (%s): a rate says whose it is', (locale) => {
    const t = STATS_STRINGS[locale];
    const headers = [t.colUnit, t.colProblems, t.colProblemRate, t.colMeasures, t.colMeasureRate, t.colOverdue];
    expect(new Set(headers).size).toBe(headers.length);
  });

  test('the same unit imported again replaces its rows; the per-unit figures change with it', async () => {
    const { user, base } = setup();
    await user.upload(screen.getByLabelText('选择台账文件…'), [files.jia]);
    await screen.findByText(/^已汇总1个文件/);
    const rowsBefore = base.summaryRows().length;
    await user.upload(screen.getByLabelText('选择台账文件…'), [files.jiaAgain]);
    // Another file naming the same unit: asked first (ReplaceDialog.test.tsx has the question itself).
    await user.click(await screen.findByRole('button', { name: '替换' }));
    await waitFor(() => expect(results()[0]).toHaveTextContent(/^替换甲单位/));
    expect(base.summaryRows()).toHaveLength(rowsBefore);
    const table = screen.getByRole('table', { name: '本次导入单位的主要指标' });
    const jia = within(table).getByRole('rowheader', { name: '甲单位' }).closest('tr')!;
    expect(within(jia).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '100%', '5', '100%', '0']);
  });

  test('only files that are not ledgers: an alert, and the 汇总 is unchanged', async () => {
    const { user, base } = setup();
    await user.upload(screen.getByLabelText('选择台账文件…'), [files.garbage, new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], '旧表.xlsx')]);
    expect(await screen.findByRole('alert')).toHaveTextContent('所选文件都不是整改台账，汇总表没有变化。');
    expect(results().map((li) => li.textContent)).toEqual([
      expect.stringContaining('不是 Excel 工作簿'),
      expect.stringContaining('旧版 Excel 文件（.xls）'),
    ]);
    expect(base.summaryRows()).toEqual([]);
  });

  test('a consolidate failure in the store is reported, not thrown', async () => {
    const consolidate = jest.fn().mockRejectedValue(new Error('网络断开'));
    const { user } = setup({ store: { consolidate } });
    await user.upload(screen.getByLabelText('选择台账文件…'), [files.jia]);
    expect(await screen.findByRole('alert')).toHaveTextContent('网络断开');
  });
});

describe('统计 in the pane', () => {
  test('the 统计 tab is loaded on demand and speaks English with ?lang=en', async () => {
    const { user } = await renderApp({ locale: 'en' });
    await user.click(tab('Stats'));
    expect(await screen.findByRole('button', { name: 'Create / refresh dashboard' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose ledger files…' })).toBeInTheDocument();
    // The counts by 整改状态 name the statuses in English (the sheet keeps the Chinese words).
    const terms = screen.getAllByRole('term').map((dt) => dt.textContent ?? '');
    expect(terms).toEqual(expect.arrayContaining(['Not started', 'In progress', 'Done', 'Not stated']));
    expect(terms.filter((term) => /[\u3400-\u9fff]/.test(term))).toEqual([]);
    // The counts per status are measures, and a visible heading says so.
    expect(screen.getByRole('heading', { name: 'Measures per status' })).toBeVisible();
    const counts = within(screen.getByLabelText('Measures per status')).getAllByRole('definition').map((dd) => dd.textContent ?? '');
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toMatch(/^\d+$/);
  });
});
