/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../../ledger/errors';
import type { LedgerStore } from '../../../ledger/store';
import { EMPTY_ROUND } from '../../../ledger/types';
import type { Ledger } from '../../../ledger/types';
import { createMemoryStore } from '../../../workbook/memoryStore';
import '../../testUtils'; // jsdom shims (ResizeObserver) the pane's tests share
import { ImportPanel } from './ImportPanel';

jest.setTimeout(30_000);

const REPORT = readFileSync(path.resolve(__dirname, '../../../../test/import/texts/tongbao-circled.txt'), 'utf8');
const EMPTY: Ledger = { round: EMPTY_ROUND, problems: [], measures: [] };

function setup(options: { locale?: Locale; ledger?: Ledger; store?: (base: LedgerStore) => LedgerStore } = {}) {
  const base = createMemoryStore(options.ledger ?? EMPTY);
  const store = options.store ? options.store(base) : base;
  const changed = jest.fn(async () => {});
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportPanel store={store} ledger={options.ledger ?? EMPTY} locale={options.locale ?? 'zh-CN'} onLedgerChanged={changed} />
    </FluentProvider>,
  );
  return { user, store: base, changed };
}

async function pasteAndRead(user: ReturnType<typeof userEvent.setup>, text: string, locale: Locale = 'zh-CN') {
  await user.click(screen.getByRole('textbox', { name: locale === 'zh-CN' ? '粘贴全文' : 'Paste the full text' }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: locale === 'zh-CN' ? '识别' : 'Read' }));
}

describe('ImportPanel', () => {
  it('shows the figures of a figure-only news item and saves its round to 巡察信息', async () => {
    const { user, store, changed } = setup();
    const addProblems = jest.spyOn(store, 'addProblems');
    const news = '2022年3月1日至4月30日，县委第三巡察组对县教育局党组进行了巡察。截至目前，共反馈问题42个，已整改到位39个，整改率92.9%；移交问题线索15件，办结12件。';
    await pasteAndRead(user, news);
    const figures = await screen.findByRole('list', { name: '概况数字（5项）' });
    expect(within(figures).getByText(/^反馈问题总数：42个/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '识别出的方面、问题和措施' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存到巡察信息' }));
    expect(await screen.findByText(/^已保存巡察信息/)).toBeInTheDocument();
    expect(addProblems).not.toHaveBeenCalled();
    expect((await store.load()).round.inspector).toBe('县委第三巡察组');
    expect((await store.load()).round.figures).toContainEqual({ label: '反馈问题总数', value: 42, unit: '个' });
    expect(changed).toHaveBeenCalled();
  });

  it('saves the figures of a news item to a ledger whose round is kept, by label, without repeating them', async () => {
    const round = { ...EMPTY_ROUND, org: '县教育局党组', inspector: '县委第三巡察组', figures: [{ label: '反馈问题总数', value: 40, unit: '个' }] };
    const { user, store } = setup({ ledger: { round, problems: [], measures: [] } });
    await pasteAndRead(user, '县委第三巡察组对县教育局党组进行了巡察。截至目前，共反馈问题42个，已整改到位39个，整改率92.9%。');
    expect(await screen.findByText(/不会覆盖；概况数字记入“通报数字”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存到巡察信息' }));
    expect(await screen.findByText(/^已保存巡察信息/)).toBeInTheDocument();
    const saved = (await store.load()).round;
    expect(saved.org).toBe('县教育局党组');
    expect(saved.figures?.filter((f) => f.label === '反馈问题总数')).toEqual([{ label: '反馈问题总数', value: 42, unit: '个' }]);
    expect(saved.figures).toHaveLength(3);
    expect(new Set(saved.figures?.map((f) => f.label)).size).toBe(3);
  });

  it('reads a pasted 通报 into a preview with counts, a tree and warnings', async () => {
    const { user } = setup();
    await pasteAndRead(user, REPORT);
    expect(await screen.findByRole('heading', { name: '识别结果（导入前可修改）' })).toBeInTheDocument();
    expect(screen.getByText('3个方面，8个问题，7条措施，已选8个问题')).toBeInTheDocument();
    const tree = screen.getByRole('list', { name: '识别出的方面、问题和措施' });
    expect(within(tree).getAllByRole('checkbox')).toHaveLength(8);
    expect(within(tree).getByRole('list', { name: /^关于“理论学习不够深入”问题的整改/ })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: /^整改措施：\(1\)党组理论学习/ }).querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByText(/需要核对/)).toBeInTheDocument();
  });

  it('inserts the chosen problems, with edits, in one batch and saves the empty round', async () => {
    const { user, store, changed } = setup();
    const addProblems = jest.spyOn(store, 'addProblems');
    await pasteAndRead(user, REPORT);
    await screen.findByRole('heading', { name: '识别结果（导入前可修改）' });
    await user.click(screen.getByRole('checkbox', { name: /^导入此问题：\(3\)网络餐饮监管手段落后/ }));
    await user.click(screen.getByRole('button', { name: /^修改：\(1\)执法人员办事拖拉/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: '整改状态' }), '基本完成');
    const deadline = screen.getByLabelText('截止日期');
    await user.clear(deadline);
    await user.type(deadline, '2023-05-31');
    const finding = screen.getByRole('textbox', { name: '问题描述' });
    await user.clear(finding);
    await user.type(finding, '执法人员办事拖拉。');
    await user.click(screen.getByRole('button', { name: '导入7个问题' }));

    expect(await screen.findByText('已导入7个问题、11条措施。')).toBeInTheDocument();
    expect(addProblems).toHaveBeenCalledTimes(1);
    const ledger = await store.load();
    expect(ledger.problems).toHaveLength(7);
    expect(ledger.problems.some((p) => p.description.includes('网络餐饮'))).toBe(false);
    const edited = ledger.problems.find((p) => p.description === '执法人员办事拖拉。');
    expect(edited?.status).toBe('基本完成');
    expect(ledger.measures.find((m) => m.problemId === edited?.id)).toMatchObject({ deadline: '2023-05-31', deadlineText: '2023年5月31日前' });
    expect(ledger.round).toMatchObject({ org: '中共某某县市场监督管理局党组', inspector: '县委第一巡察组', feedback: '2022-12-05' });
    expect(changed).toHaveBeenCalled();
  });

  it('keeps a round the ledger already has', async () => {
    const ledger: Ledger = { ...EMPTY, round: { ...EMPTY_ROUND, org: '原单位', inspector: '原巡察组' } };
    const { user, store } = setup({ ledger });
    await pasteAndRead(user, REPORT);
    expect(await screen.findByText('台账已有巡察信息，导入时不覆盖。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '导入8个问题' }));
    await screen.findByText(/已导入8个问题/);
    expect((await store.load()).round.org).toBe('原单位');
  });

  it('cancel discards the preview and inserts nothing', async () => {
    const { user, store } = setup();
    const addProblems = jest.spyOn(store, 'addProblems');
    await pasteAndRead(user, REPORT);
    const preview = await screen.findByRole('heading', { name: '识别结果（导入前可修改）' });
    await user.click(within(preview.closest('section') as HTMLElement).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('heading', { name: '识别结果（导入前可修改）' })).not.toBeInTheDocument();
    expect(screen.getByText('已取消，台账没有改动。')).toBeInTheDocument();
    expect(addProblems).not.toHaveBeenCalled();
    expect((await store.load()).problems).toHaveLength(0);
  });

  it('answers garbage with a clear message, never an exception', async () => {
    const { user, store } = setup();
    await pasteAndRead(user, '今天天气很好，我们去公园散步吧。\nhello world 12345');
    expect(await screen.findByRole('alert')).toHaveTextContent('这段文字不像巡察反馈意见或整改情况通报');
    expect(screen.queryByRole('heading', { name: '识别结果（导入前可修改）' })).not.toBeInTheDocument();
    expect((await store.load()).problems).toHaveLength(0);
  });

  it('shows a store failure and keeps the preview for another try', async () => {
    const { user } = setup({
      store: (base) => ({ ...base, addProblems: async () => Promise.reject(new Error('工作簿已被保护')) }),
    });
    await pasteAndRead(user, REPORT);
    await user.click(await screen.findByRole('button', { name: '导入8个问题' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('导入失败，台账没有改动：工作簿已被保护');
    expect(screen.getByRole('heading', { name: '识别结果（导入前可修改）' })).toBeInTheDocument();
  });

  it('deselecting everything disables the import', async () => {
    const { user } = setup();
    await pasteAndRead(user, REPORT);
    await user.click(await screen.findByRole('checkbox', { name: '全选' }));
    expect(screen.getByRole('button', { name: '导入0个问题' })).toBeDisabled();
  });

  it('speaks English in the en locale, warnings included', async () => {
    const { user } = setup({ locale: 'en' });
    await pasteAndRead(user, REPORT, 'en');
    expect(await screen.findByText('3 categories, 8 problems, 7 measures, 8 problems selected')).toBeInTheDocument();
    const warnings = screen.getByRole('list', { name: /^To check/ });
    expect(within(warnings).getByText('"其余乡镇3月底前全面推开" has no year; 2023 was assumed')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Import 8 problems' })).toBeEnabled());
  });

  // A real 反馈 news item: twelve problems read out of one sentence, numbered 1…12 by the reader.
  const LIST = readFileSync(path.resolve(__dirname, '../../../../test/import/real/liuzhou-yizhong-fankui.txt'), 'utf8');

  it('shows the round\'s date in prose and keeps a bare number apart from the finding', async () => {
    const { user } = setup();
    await pasteAndRead(user, LIST);
    expect(await screen.findByText('巡察信息：市第一中学党委｜市委第一巡察组｜2025年2月21日')).toBeInTheDocument();
    const tree = screen.getByRole('list', { name: '识别出的方面、问题和措施' });
    expect(within(tree).getByText('1. 统筹推进学校教育高质量发展有短板')).toBeInTheDocument();
  });

  it('in English shows the preview\'s statuses and dates in English', async () => {
    const { user } = setup({ locale: 'en' });
    await pasteAndRead(user, LIST, 'en');
    expect(await screen.findByText('Round: 市第一中学党委 | 市委第一巡察组 | Feb 21, 2025')).toBeInTheDocument();
    expect(screen.getAllByText('Not stated')).toHaveLength(12);
    expect(screen.queryByText('未标注')).not.toBeInTheDocument();
  });
});
