/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { figure, renderApp, tab } from '../../testUtils';

jest.setTimeout(30_000);

/** The measure buttons of the list, by their 措施编号. */
function listedMeasureIds(): string[] {
  return screen
    .getAllByRole('button')
    .map((b) => /^(P\d{3}-M\d{2})/.exec(b.textContent ?? '')?.[1])
    .filter((id): id is string => Boolean(id));
}

async function openLedger() {
  const r = await renderApp();
  // The sample ledger has 巡察信息, so the pane opens on 台账.
  expect(tab('台账')).toHaveAttribute('aria-selected', 'true');
  return r;
}

/** The filters fold behind one button so the list fills a 320 px pane. */
async function openFilters(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  const toggle = screen.getByRole('button', { name: '筛选' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('combobox', { name: '预警' })).not.toBeInTheDocument();
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function openMeasure(user: Awaited<ReturnType<typeof renderApp>>['user'], id: string) {
  await user.type(screen.getByRole('searchbox', { name: '搜索' }), id);
  await waitFor(() => expect(listedMeasureIds()).toEqual([id]));
  await user.click(screen.getByRole('button', { name: new RegExp(`^${id}`) }));
  return screen.findByRole('heading', { name: `措施 ${id}` });
}

describe('台账', () => {
  test('lists every problem and measure with its light and status in words', async () => {
    await openLedger();
    expect(screen.getByText('12个问题，28条措施')).toBeInTheDocument();
    const overdue = screen.getByRole('button', { name: /^P003-M03/ });
    expect(overdue).toHaveTextContent('逾期');
    expect(overdue).toHaveTextContent('正在推进');
    expect(overdue).toHaveTextContent('逾期25天');
    expect(screen.getByRole('button', { name: /^P003-M02/ })).toHaveTextContent('长期坚持');
  });

  test('filter 逾期 keeps only overdue measures, and filters combine', async () => {
    const { user } = await openLedger();
    await openFilters(user);
    await user.selectOptions(screen.getByRole('combobox', { name: '预警' }), '逾期');
    expect(listedMeasureIds().sort()).toEqual(['P003-M03', 'P007-M01', 'P010-M02', 'P012-M01']);
    expect(screen.getByText('4个问题，4条措施')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: '责任单位' }), '财务科');
    expect(listedMeasureIds()).toEqual(['P007-M01']);
    // Folded or not, the button says how many filters apply.
    expect(screen.getByRole('button', { name: '筛选（2）' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(screen.getByRole('button', { name: '筛选' })).toBeInTheDocument();
    expect(screen.getByText('12个问题，28条措施')).toBeInTheDocument();
  });

  test('status, 长期坚持 and 未销号 filters', async () => {
    const { user } = await openLedger();
    await openFilters(user);
    await user.selectOptions(screen.getByRole('combobox', { name: '整改状态' }), '未启动');
    expect(listedMeasureIds().sort()).toEqual(['P007-M02', 'P007-M03', 'P012-M03']);
    await user.selectOptions(screen.getByRole('combobox', { name: '整改状态' }), '全部');
    await user.click(screen.getByRole('checkbox', { name: '长期坚持' }));
    expect(listedMeasureIds().sort()).toEqual(['P001-M01', 'P003-M02', 'P004-M01', 'P005-M02', 'P008-M02', 'P009-M02', 'P012-M02']);
    await user.click(screen.getByRole('checkbox', { name: '未销号' }));
    expect(listedMeasureIds().sort()).toEqual(['P003-M02', 'P005-M02', 'P008-M02', 'P009-M02']);
  });

  test('search matches problem and measure text; every word must match', async () => {
    const { user } = await openLedger();
    const search = screen.getByRole('searchbox', { name: '搜索' });
    await user.type(search, '专项资金');
    await waitFor(() => expect(listedMeasureIds()).toEqual(['P007-M01', 'P007-M02', 'P007-M03']));
    await user.type(search, ' 绩效');
    await waitFor(() => expect(listedMeasureIds()).toEqual(['P007-M03']));
    await user.clear(search);
    await user.type(search, '不存在的词');
    expect(await screen.findByText('没有符合条件的条目')).toBeInTheDocument();
  });

  test('marking a measure done sets its 完成日期 and moves the figures', async () => {
    const { user, store } = await openLedger();
    expect(figure('measures')).toContain('13/28');
    expect(figure('overdue')).toBe('4条');
    await openMeasure(user, 'P003-M03');
    await user.selectOptions(screen.getByRole('combobox', { name: '整改状态' }), '已完成');
    const doneDate = screen.getByLabelText('完成日期');
    expect(doneDate).toHaveValue('2025-06-15');
    await user.clear(doneDate);
    await user.type(doneDate, '2025-06-10');
    await user.click(screen.getByRole('button', { name: '更新状态' }));
    expect(await screen.findByText('已将 P003-M03 的整改状态改为“已完成”')).toBeInTheDocument();
    const m = (await store.load()).measures.find((x) => x.id === 'P003-M03');
    expect(m).toMatchObject({ status: '已完成', doneDate: '2025-06-10' });
    expect(figure('measures')).toContain('14/28');
    expect(figure('overdue')).toBe('3条');
  });

  test('progress entries are dated and listed newest first', async () => {
    const { user, store } = await openLedger();
    await openMeasure(user, 'P007-M02');
    await user.click(screen.getByRole('button', { name: '添加进展' }));
    expect(screen.getByText('请填写进展情况')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: '进展情况' }), '已完成结余资金清理');
    await user.click(screen.getByRole('button', { name: '添加进展' }));
    expect(await screen.findByText('已记录进展 P007-M02')).toBeInTheDocument();
    expect(screen.getByText('2025年6月15日：已完成结余资金清理')).toBeInTheDocument();
    expect((await store.load()).measures.find((x) => x.id === 'P007-M02')?.progress).toMatch(/^2025-06-15：已完成结余资金清理/);
  });

  test('销号: 申请 needs 佐证材料, then 同意销号 closes the item', async () => {
    const { user, store } = await openLedger();
    const closeStep = jest.spyOn(store, 'closeStep');
    await openMeasure(user, 'P002-M01');
    const close = screen.getByRole('region', { name: '销号' });
    await user.click(within(close).getByRole('button', { name: '申请销号' }));
    const apply = within(close).getByRole('group', { name: '申请销号' });
    // The 佐证材料 already on the measure are offered; emptied, the step is refused.
    await user.clear(within(apply).getByRole('textbox', { name: /佐证材料/ }));
    await user.click(within(apply).getByRole('button', { name: '申请销号' }));
    expect(within(apply).getByText('申请销号需要附佐证材料')).toBeInTheDocument();
    expect(closeStep).not.toHaveBeenCalled();
    await user.type(within(apply).getByRole('textbox', { name: /佐证材料/ }), '医共体管理实施细则.pdf');
    await user.click(within(apply).getByRole('button', { name: '申请销号' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: '销号' })).getByText('已申请', { selector: 'dd' })).toBeInTheDocument());
    await user.click(within(screen.getByRole('region', { name: '销号' })).getByRole('button', { name: '同意销号' }));
    await user.click(within(screen.getByRole('group', { name: '同意销号' })).getByRole('button', { name: '同意销号' }));
    await waitFor(async () => expect((await store.load()).measures.find((x) => x.id === 'P002-M01')).toMatchObject({ closeState: '已销号', closeDate: '2025-06-15' }));
    expect(closeStep.mock.calls.map(([, step]) => step.step)).toEqual(['apply', 'approve']);
    const m = (await store.load()).measures.find((x) => x.id === 'P002-M01');
    expect(m?.evidence).toContain('医共体管理实施细则.pdf');
  });

  test('销号: 退回 needs a reason', async () => {
    const { user, store } = await openLedger();
    await openMeasure(user, 'P001-M02'); // 已申请 in the sample
    const close = screen.getByRole('region', { name: '销号' });
    await user.click(within(close).getByRole('button', { name: '退回' }));
    const reject = within(close).getByRole('group', { name: '退回' });
    await user.click(within(reject).getByRole('button', { name: '退回' }));
    expect(within(reject).getByText('请填写退回理由')).toBeInTheDocument();
    await user.type(within(reject).getByRole('textbox', { name: /退回理由/ }), '佐证不全');
    await user.click(within(reject).getByRole('button', { name: '退回' }));
    await waitFor(async () => expect((await store.load()).measures.find((x) => x.id === 'P001-M02')?.closeState).toBe('退回'));

  });

  // The confirmation dialog itself (cancel keeps the item, confirm removes it, the dialog is exposed to
  // assistive tech) is tested in real Chromium by test/e2e/run.mjs: under jsdom, Fluent's Dialog
  // sometimes renders its surface from a stale context (aria-hidden, or not at all), which made a
  // dialog-driven test here flaky without saying anything about the pane.
  test('删除 alone deletes nothing: the item stays until the user confirms', async () => {
    const { user, store } = await openLedger();
    const deleteMeasure = jest.spyOn(store, 'deleteMeasure');
    await openMeasure(user, 'P012-M03');
    await user.click(screen.getByRole('button', { name: '删除' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(deleteMeasure).not.toHaveBeenCalled();
    expect((await store.load()).measures.some((x) => x.id === 'P012-M03')).toBe(true);
    expect(screen.getByRole('heading', { name: '措施 P012-M03' })).toBeInTheDocument();
  });

  test('a row selected in Excel opens its item; opening an item selects its row', async () => {
    const { user, store } = await openLedger();
    const select = jest.spyOn(store, 'select');
    await user.click(tab('录入'));
    act(() => store.simulateSelect({ kind: 'measure', id: 'P008-M02' }));
    expect(await screen.findByRole('heading', { name: '措施 P008-M02' })).toBeInTheDocument();
    expect(tab('台账')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('button', { name: '所属问题 P008' }));
    expect(await screen.findByRole('heading', { name: '问题 P008' })).toBeInTheDocument();
    expect(select).toHaveBeenLastCalledWith({ kind: 'problem', id: 'P008' });
  });

  test('a detail reads as Chinese prose: 整改措施（3条）, the date a 时限 was read as in full-width brackets, 销号状态 said once', async () => {
    const { user } = await openLedger();
    await user.click(screen.getByRole('button', { name: /^P001-M01/ }));
    expect(await screen.findByRole('heading', { name: '措施 P001-M01' })).toBeInTheDocument();
    expect(screen.getByText(/^立行立改（\d{4}年\d{1,2}月\d{1,2}日）$/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: '销号' })).getAllByText('已销号')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: '所属问题 P001' }));
    expect(await screen.findByRole('heading', { name: '整改措施（2条）' })).toBeInTheDocument();
  });
});

