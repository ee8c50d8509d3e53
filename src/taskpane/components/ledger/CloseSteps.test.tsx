/** @jest-environment jsdom */
// The 销号 steps and the 延期 request in the pane, driven as a user would, on the sample ledger.
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../testUtils';

jest.setTimeout(30_000);

type User = Awaited<ReturnType<typeof renderApp>>['user'];

async function openMeasure(user: User, id: string) {
  await user.type(screen.getByRole('searchbox', { name: '搜索' }), id);
  await user.click(await screen.findByRole('button', { name: new RegExp(`^${id}`) }));
  return screen.findByRole('heading', { name: `措施 ${id}` });
}

const closeRegion = () => screen.getByRole('region', { name: '销号' });
/** A log entry by its whole text (date, workflow tag and detail sit in separate elements). */
const logEntry = (re: RegExp) => screen.getByText((_, el) => el?.tagName === 'LI' && re.test(el.textContent ?? ''));
const offered = () =>
  within(closeRegion())
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('申请延期 is a request', () => {
  test('asked with a new deadline and a reason, the deadline stays until it is approved; the old one stays in sight', async () => {
    const { user, store } = await renderApp();
    await openMeasure(user, 'P003-M01'); // 正在推进, 2025年7月底前
    expect(offered()).toEqual(['申请销号', '申请延期']);
    await user.click(within(closeRegion()).getByRole('button', { name: '申请延期' }));
    const form = within(closeRegion()).getByRole('group', { name: '申请延期' });
    await user.click(within(form).getByRole('button', { name: '申请延期' }));
    expect(within(form).getByText('请填写新的整改时限')).toBeInTheDocument();
    expect(within(form).getByText('请填写延期理由')).toBeInTheDocument();
    expect(within(form).getByText('现整改时限：2025年7月底前')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: /新的整改时限/ }), '2025年9月底前');
    expect(within(form).getByText('解析为 2025年9月30日')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: /延期理由/ }), '招聘计划待县人社局审批');
    await user.click(within(form).getByRole('button', { name: '申请延期' }));

    expect(await screen.findByText('已申请延期 P003-M01，待审核')).toBeInTheDocument();
    const asked = (await store.load()).measures.find((m) => m.id === 'P003-M01');
    expect(asked).toMatchObject({
      closeState: '申请延期',
      deadline: '2025-07-31',
      deadlineText: '2025年7月底前',
    });
    expect(within(closeRegion()).getByText('申请延期至2025年9月底前；理由：招聘计划待县人社局审批')).toBeInTheDocument();
    // A pending request is decided first: no 申请销号 over it.
    expect(offered()).toEqual(['同意延期', '不同意延期']);

    await user.click(within(closeRegion()).getByRole('button', { name: '同意延期' }));
    await user.click(within(within(closeRegion()).getByRole('group', { name: '同意延期' })).getByRole('button', { name: '同意延期' }));
    expect(await screen.findByText('已同意延期 P003-M01，整改时限改为2025年9月底前')).toBeInTheDocument();
    const approved = (await store.load()).measures.find((m) => m.id === 'P003-M01');
    expect(approved).toMatchObject({
      closeState: '未申请',
      deadline: '2025-09-30',
      deadlineText: '2025年9月底前',
    });
    expect(screen.getByText('原时限 2025年7月底前')).toBeInTheDocument();
    // The log says what happened, in the pane's dates.
    expect(logEntry(/^2025年6月15日：同意延期新时限：2025年9月底前（2025-09-30）；原时限：2025年7月底前$/)).toBeInTheDocument();
  });

  test('不同意延期 needs a reason and leaves the deadline as it was', async () => {
    const { user, store } = await renderApp();
    await openMeasure(user, 'P007-M03'); // the sample's pending request
    const before = (await store.load()).measures.find((m) => m.id === 'P007-M03');
    expect(within(closeRegion()).getByText(/^申请延期至.+；理由：需待年度预算批复后实施$/)).toBeInTheDocument();
    await user.click(within(closeRegion()).getByRole('button', { name: '不同意延期' }));
    const form = within(closeRegion()).getByRole('group', {
      name: '不同意延期',
    });
    await user.click(within(form).getByRole('button', { name: '不同意延期' }));
    expect(within(form).getByText('请填写不同意的理由')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: /不同意的理由/ }), '预算已批复，应按期完成');
    await user.click(within(form).getByRole('button', { name: '不同意延期' }));
    expect(await screen.findByText('已不同意 P007-M03 的延期申请，整改时限不变')).toBeInTheDocument();
    const after = (await store.load()).measures.find((m) => m.id === 'P007-M03');
    expect(after).toMatchObject({
      closeState: '未申请',
      deadline: before?.deadline,
      deadlineText: before?.deadlineText,
    });
  });

  test.each([
    ['P002-M01', '已完成, 未申请', ['申请销号']],
    ['P001-M02', '已申请', ['同意销号', '退回']],
    ['P001-M01', '已销号', []],
  ])('not offered on %s (%s)', async (id, _state, buttons) => {
    const { user } = await renderApp();
    await openMeasure(user, id);
    expect(offered()).toEqual(buttons);
  });
});

describe('申请销号', () => {
  test('one 佐证材料 box: what is typed in it is what the application carries', async () => {
    const { user, store } = await renderApp();
    await openMeasure(user, 'P002-M01');
    const page = screen.getByRole('article');
    // Typed in the page's box first, not yet saved.
    const upper = within(page).getByRole('textbox', { name: /佐证材料/ });
    await user.type(upper, '\n党组会纪要');
    await user.click(within(closeRegion()).getByRole('button', { name: '申请销号' }));
    const boxes = within(page).getAllByRole('textbox', { name: /佐证材料/ });
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toHaveValue('实施细则印发文件\n党组会纪要');
    await user.clear(boxes[0]);
    await user.click(within(closeRegion()).getByRole('button', { name: '申请销号' }));
    expect(within(closeRegion()).getByText('申请销号需要附佐证材料')).toBeInTheDocument();
    await user.type(boxes[0], '实施细则印发文件');
    await user.click(within(within(closeRegion()).getByRole('group', { name: '申请销号' })).getByRole('button', { name: '申请销号' }));
    expect(await screen.findByText('已申请销号 P002-M01')).toBeInTheDocument();
    await waitFor(async () => expect((await store.load()).measures.find((m) => m.id === 'P002-M01')?.closeState).toBe('已申请'));
    // The page's own box is back once the form has gone.
    expect(
      within(screen.getByRole('article')).getAllByRole('textbox', {
        name: /佐证材料/,
      }),
    ).toHaveLength(1);
  });

  test('退回 and 同意销号 say what happened', async () => {
    const { user } = await renderApp();
    await openMeasure(user, 'P006-M01'); // 已申请
    await user.click(within(closeRegion()).getByRole('button', { name: '退回' }));
    const form = within(closeRegion()).getByRole('group', { name: '退回' });
    await user.type(within(form).getByRole('textbox', { name: /退回理由/ }), '缺少清退凭证原件');
    await user.click(within(form).getByRole('button', { name: '退回' }));
    expect(await screen.findByText('已退回 P006-M01 的销号申请')).toBeInTheDocument();
    expect(logEntry(/^2025年6月15日：销号退回理由：缺少清退凭证原件$/)).toBeInTheDocument();
  });

  test('in English the confirmation is English too', async () => {
    const { user } = await renderApp({ locale: 'en' });
    await user.type(screen.getByRole('searchbox'), 'P001-M02');

    await user.click(await screen.findByRole('button', { name: /^P001-M02/ }));
    await screen.findByRole('heading', { name: /P001-M02/ });
    const region = screen.getByRole('region', { name: 'Closing (销号)' });
    await user.click(within(region).getByRole('button', { name: 'Approve closing' }));
    await user.click(within(within(region).getByRole('group', { name: 'Approve closing' })).getByRole('button', { name: 'Approve closing' }));
    expect(await screen.findByText('Closed P001-M02')).toBeInTheDocument();
  });
});
