/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, figure, tab } from '../../testUtils';

async function openEntry() {
  const r = await renderApp();
  await r.user.click(tab('录入'));
  await screen.findByRole('form', { name: '新增问题' });
  return r;
}

function measureGroup(n: number): HTMLElement {
  return screen.getByRole('group', { name: `措施${n}` });
}

// Typing Chinese text key by key through Fluent inputs is slow in jsdom.
jest.setTimeout(30_000);

describe('录入', () => {
  test('saving an empty form explains each required field in Chinese and writes nothing', async () => {
    const { user, store } = await openEntry();
    const addProblem = jest.spyOn(store, 'addProblem');
    await user.click(screen.getByRole('button', { name: '保存问题和措施' }));
    expect(await screen.findByText('请填写问题类别')).toBeInTheDocument();
    expect(screen.getByText('请填写问题描述')).toBeInTheDocument();
    const first = measureGroup(1);
    expect(within(first).getByText('请填写整改措施')).toBeInTheDocument();
    expect(within(first).getByText('请填写责任单位')).toBeInTheDocument();
    expect(within(first).getByText('请填写整改时限')).toBeInTheDocument();
    expect(screen.getByText('还有5处需要填写或更正，见标红的栏目。')).toBeInTheDocument();
    expect(addProblem).not.toHaveBeenCalled();
    // Keyboard users are taken to the first field that needs them.
    expect(screen.getByRole('combobox', { name: /问题类别/ })).toHaveFocus();
  });

  test('an unreadable 整改时限 is explained beside the field and blocks saving', async () => {
    const { user, store } = await openEntry();
    const addProblem = jest.spyOn(store, 'addProblem');
    await user.type(screen.getByRole('combobox', { name: /问题类别/ }), '新类别');
    await user.type(screen.getByRole('textbox', { name: /问题描述/ }), '问题描述文字');
    const m = measureGroup(1);
    await user.type(within(m).getByRole('textbox', { name: /整改措施/ }), '措施一');
    await user.type(within(m).getByRole('textbox', { name: /责任单位/ }), '办公室');
    await user.type(within(m).getByRole('textbox', { name: /整改时限/ }), '下礼拜再说');
    expect(within(m).getByText(/无法识别整改时限“下礼拜再说”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存问题和措施' }));
    expect(screen.getByText(/还有1处/)).toBeInTheDocument();
    expect(addProblem).not.toHaveBeenCalled();
  });

  test('quick choices write the phrase and show the date it means', async () => {
    const { user } = await openEntry();
    const m = measureGroup(1);
    const deadline = within(m).getByRole('textbox', { name: /整改时限/ });
    await user.click(within(m).getByRole('button', { name: '本月底' }));
    expect(deadline).toHaveValue('2025年6月底前');
    expect(within(m).getByText('解析为 2025年6月30日')).toBeInTheDocument();
    expect(within(m).getByLabelText('截止日期')).toHaveValue('2025-06-30');
    await user.click(within(m).getByRole('button', { name: '年底' }));
    expect(deadline).toHaveValue('2025年底前');
    await user.click(within(m).getByRole('button', { name: '立行立改' }));
    // The sample round was fed back on 2025-02-15.
    expect(within(m).getByText('立行立改：反馈日期 2025年2月15日')).toBeInTheDocument();
    await user.click(within(m).getByRole('button', { name: '长期坚持' }));
    expect(deadline).toHaveValue('长期坚持');
    expect(within(m).getByRole('checkbox', { name: '纳入长期坚持' })).toBeChecked();
    expect(within(m).getByText('长期坚持，无截止日期')).toBeInTheDocument();
    await user.clear(deadline);
    await user.type(deadline, '3个月内');
    expect(within(m).getByText('解析为 2025年5月15日')).toBeInTheDocument();
  });

  test('a problem with two measures is written in one call, and the figures follow', async () => {
    const { user, store } = await openEntry();
    const addProblem = jest.spyOn(store, 'addProblem');
    expect(figure('measures')).toContain('13/28');
    // 类别: the existing categories are offered as suggestions; any text is accepted.
    const category = screen.getByRole('combobox', { name: /问题类别/ });
    const list = document.getElementById(category.getAttribute('list') ?? '');
    const offered = Array.from(list?.querySelectorAll('option') ?? [], (o) => o.value);
    expect(offered).toEqual(['贯彻落实党中央决策部署和省市县委工作要求方面', '落实全面从严治党主体责任和监督责任方面', '落实新时代党的组织路线方面', '整治群众身边不正之风和腐败问题方面']);
    await user.type(category, '落实新时代党的组织路线方面');
    await user.type(screen.getByRole('textbox', { name: /问题描述/ }), '干部档案管理不规范');
    await user.selectOptions(screen.getByRole('combobox', { name: '问题来源' }), '回头看');
    await user.type(within(screen.getByRole('group', { name: '问题' })).getByRole('textbox', { name: '责任领导' }), '李明');

    let m = measureGroup(1);
    await user.type(within(m).getByRole('textbox', { name: /整改措施/ }), '开展干部档案专项审核');
    await user.type(within(m).getByRole('textbox', { name: /责任单位/ }), '人事科');
    await user.type(within(m).getByRole('textbox', { name: /整改时限/ }), '2025年8月底前');

    await user.click(screen.getByRole('button', { name: '添加措施' }));
    m = measureGroup(2);
    await user.type(within(m).getByRole('textbox', { name: /整改措施/ }), '建立干部档案管理制度');
    await user.type(within(m).getByRole('textbox', { name: /责任单位/ }), '人事科');
    await user.type(within(m).getByRole('textbox', { name: /配合单位/ }), '办公室');
    await user.click(within(m).getByRole('button', { name: '长期坚持' }));

    await user.click(screen.getByRole('button', { name: '保存问题和措施' }));
    expect(await screen.findByText('已保存 P013（2条措施）')).toBeInTheDocument();
    expect(addProblem).toHaveBeenCalledTimes(1);
    const [problem, measures] = addProblem.mock.calls[0];
    expect(problem).toMatchObject({ category: '落实新时代党的组织路线方面', description: '干部档案管理不规范', source: '回头看', leader: '李明' });
    expect(measures).toEqual([
      expect.objectContaining({ text: '开展干部档案专项审核', unit: '人事科', deadlineText: '2025年8月底前', deadline: '2025-08-31', longTerm: false, leader: '李明', status: '未启动' }),
      expect.objectContaining({ text: '建立干部档案管理制度', coUnits: '办公室', deadlineText: '长期坚持', deadline: null, longTerm: true }),
    ]);
    // The form is cleared for the next problem, and the header counts the two new measures.
    expect(screen.getByRole('textbox', { name: /问题描述/ })).toHaveValue('');
    await waitFor(() => expect(figure('measures')).toContain('13/30'));
    expect((await store.load()).measures.filter((x) => x.problemId === 'P013')).toHaveLength(2);
  });

  test('a half-filled form survives switching tabs', async () => {
    const { user } = await openEntry();
    await user.type(screen.getByRole('textbox', { name: /问题描述/ }), '半填的问题');
    await user.click(screen.getByRole('button', { name: '添加措施' }));
    await user.type(within(measureGroup(2)).getByRole('textbox', { name: /责任单位/ }), '财务科');
    await user.click(tab('台账'));
    expect(screen.queryByRole('form', { name: '新增问题' })).not.toBeInTheDocument();
    await user.click(tab('录入'));
    expect(screen.getByRole('textbox', { name: /问题描述/ })).toHaveValue('半填的问题');
    expect(within(measureGroup(2)).getByRole('textbox', { name: /责任单位/ })).toHaveValue('财务科');
  });

  test('a measure can be removed, but never the last one', async () => {
    const { user } = await openEntry();
    expect(screen.queryByRole('button', { name: '删除措施1' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加措施' }));
    await user.type(within(measureGroup(2)).getByRole('textbox', { name: /整改措施/ }), '第二条');
    await user.click(screen.getByRole('button', { name: '删除措施1' }));
    expect(screen.queryByRole('group', { name: '措施2' })).not.toBeInTheDocument();
    expect(within(measureGroup(1)).getByRole('textbox', { name: /整改措施/ })).toHaveValue('第二条');
  });
});

describe('录入 keyboard and 整改时限', () => {
  test('Enter in a one-line field does not save the half-typed form; Ctrl+Enter does', async () => {
    const { user, store } = await openEntry();
    const addProblem = jest.spyOn(store, 'addProblem');
    await user.type(screen.getByRole('combobox', { name: /问题类别/ }), '新类别{Enter}');
    const m = measureGroup(1);
    await user.type(within(m).getByRole('textbox', { name: /责任单位/ }), '办公室{Enter}');
    await user.type(within(m).getByRole('textbox', { name: /整改时限/ }), '2025年12月底前{Enter}');
    expect(addProblem).not.toHaveBeenCalled();
    expect(screen.queryByText(/还有\d+处需要填写/)).not.toBeInTheDocument();
    // Enter still makes a new line in a text area.
    await user.type(screen.getByRole('textbox', { name: /问题描述/ }), '第一行{Enter}第二行');
    expect(screen.getByRole('textbox', { name: /问题描述/ })).toHaveValue('第一行\n第二行');
    await user.type(within(m).getByRole('textbox', { name: /整改措施/ }), '措施一');
    await user.click(within(m).getByRole('textbox', { name: /责任单位/ }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/^已保存 P013（1条措施）$/)).toBeInTheDocument();
    expect(addProblem).toHaveBeenCalledTimes(1);
  });

  // Every long-term phrase the core reads from a 整改时限 (src/ledger/phrases.ts, DESIGN §4/§5).
  test.each(['长期坚持', '纳入长期坚持', '需要长期推进', '需长期坚持', '持续整改', '长期任务', '常态化', '久久为功', '持续推进', '长期', '需要长期推进，2025年10月底前落实到位'])(
    'typing %p as the 整改时限 ticks 纳入长期坚持, and it is saved so',
    async (phrase) => {
      const { user, store } = await openEntry();
      const m = measureGroup(1);
      const box = within(m).getByRole('checkbox', { name: '纳入长期坚持' });
      expect(box).not.toBeChecked();
      await user.type(within(m).getByRole('textbox', { name: /整改时限/ }), phrase);
      expect(box).toBeChecked();
      // The text says it; the box cannot contradict what will be saved.
      expect(box).toBeDisabled();
      await user.type(screen.getByRole('combobox', { name: /问题类别/ }), '类别');
      await user.type(screen.getByRole('textbox', { name: /问题描述/ }), '描述');
      await user.type(within(m).getByRole('textbox', { name: /整改措施/ }), '措施');
      await user.type(within(m).getByRole('textbox', { name: /责任单位/ }), '办公室');
      await user.click(screen.getByRole('button', { name: '保存问题和措施' }));
      await screen.findByText(/^已保存 P013/);
      expect((await store.load()).measures.find((x) => x.problemId === 'P013')?.longTerm).toBe(true);
    },
  );

  test('a phrase that is not long-term leaves the box to the user', async () => {
    const { user } = await openEntry();
    const m = measureGroup(1);
    await user.type(within(m).getByRole('textbox', { name: /整改时限/ }), '2025年12月底前');
    const box = within(m).getByRole('checkbox', { name: '纳入长期坚持' });
    expect(box).toBeEnabled();
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(box).toBeChecked();
  });

  test('an unreadable 整改时限 says so once, without repeating the label, with an example in this year', async () => {
    const { user } = await openEntry();
    const m = measureGroup(1);
    const input = within(m).getByRole('textbox', { name: /整改时限/ });
    expect(input).toHaveAttribute('placeholder', '如 2025年12月底前');
    await user.type(input, '下礼拜再说');
    expect(within(m).getByText('无法识别整改时限“下礼拜再说”，应为日期或“12月底前”“立行立改”“长期坚持”等')).toBeInTheDocument();
  });
});
