/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type Rendered } from '../../testUtils';

jest.setTimeout(30_000);

async function openProblem(user: Rendered['user'], id: string) {
  await user.type(screen.getByRole('searchbox', { name: '搜索' }), id);
  await user.click(await screen.findByRole('button', { name: new RegExp(`^${id}(?!-)`) }));
  return screen.findByRole('heading', { name: `问题 ${id}` });
}

/** The add form, once 添加整改措施 opened it. */
async function openForm(user: Rendered['user']) {
  await user.click(await screen.findByRole('button', { name: '添加整改措施' }));
  return screen.getByRole('region', { name: '为P003添加整改措施' });
}

describe('台账: 添加整改措施 to a problem already in the ledger', () => {
  test('saves the measure right after the problem’s last one and names its id', async () => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const before = (await store.load()).measures.map((m) => m.id);
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /整改措施/ }), '补充措施');
    await user.type(within(form).getByRole('textbox', { name: /责任单位/ }), '办公室');
    await user.type(within(form).getByRole('textbox', { name: /整改时限/ }), '2025年9月底前');
    await user.selectOptions(within(form).getByRole('combobox', { name: '整改状态' }), '正在推进');
    await user.type(within(form).getByRole('textbox', { name: '备注' }), '巡察办要求补充');
    await user.click(within(form).getByRole('button', { name: '保存' }));

    expect(await screen.findByText('已为P003添加措施P003-M04')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '为P003添加整改措施' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^P003-M04/ })).toHaveTextContent('补充措施');

    const after = (await store.load()).measures;
    const ids = after.map((m) => m.id);
    expect(ids).toEqual([...before.slice(0, before.indexOf('P003-M03') + 1), 'P003-M04', ...before.slice(before.indexOf('P003-M03') + 1)]);
    expect(after.find((m) => m.id === 'P003-M04')).toMatchObject({
      problemId: 'P003',
      text: '补充措施',
      unit: '办公室',
      deadlineText: '2025年9月底前',
      deadline: '2025-09-30',
      status: '正在推进',
      note: '巡察办要求补充',
    });
  });

  test('取消 adds nothing', async () => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const before = await store.load();
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /整改措施/ }), '不要了');
    await user.click(within(form).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('region', { name: '为P003添加整改措施' })).not.toBeInTheDocument();
    expect((await store.load()).measures).toEqual(before.measures);
    // Opened again, the form is empty.
    const again = await openForm(user);
    expect(within(again).getByRole('textbox', { name: /整改措施/ })).toHaveValue('');
  });

  test('an empty 整改措施 is refused with the catalogue’s message', async () => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const before = await store.load();
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /责任单位/ }), '办公室');
    await user.click(within(form).getByRole('button', { name: '立行立改' }));
    await user.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByText('请填写整改措施')).toBeInTheDocument();
    expect(within(form).getByText('还有1处需要填写或更正，见标红的栏目。')).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByRole('textbox', { name: /整改措施/ })).toHaveAttribute('aria-invalid', 'true'));
    expect((await store.load()).measures).toEqual(before.measures);
  });

  test('a store error (the problem deleted meanwhile) is shown in the catalogue’s words, and the form keeps what was typed', async () => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /整改措施/ }), '补充措施');
    await user.type(within(form).getByRole('textbox', { name: /责任单位/ }), '办公室');
    await user.click(within(form).getByRole('button', { name: '长期坚持' }));
    await store.deleteProblem('P003'); // elsewhere: the pane has not reloaded yet
    await user.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到编号为“P003”的条目，可能已被删除');
    expect(within(form).getByRole('textbox', { name: /整改措施/ })).toHaveValue('补充措施');
  });
});

describe('台账: 添加整改措施 from the keyboard, as on 录入', () => {
  test.each([
    ['Ctrl+Enter', '{Control>}{Enter}{/Control}'],
    ['Cmd+Enter', '{Meta>}{Enter}{/Meta}'],
  ])('%s saves from any field; a plain Enter in a one-line field does not', async (_name, chord) => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const addMeasures = jest.spyOn(store, 'addMeasures');
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /整改措施/ }), '补充措施');
    await user.type(within(form).getByRole('textbox', { name: /责任单位/ }), '办公室{Enter}');
    expect(addMeasures).not.toHaveBeenCalled();
    await user.type(within(form).getByRole('textbox', { name: /整改时限/ }), '2025年9月底前');
    await user.keyboard(chord);
    expect(await screen.findByText('已为P003添加措施P003-M04')).toBeInTheDocument();
    expect(addMeasures).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: '为P003添加整改措施' })).not.toBeInTheDocument();
  });

  test('Ctrl+Enter on an incomplete form refuses it as 保存 does', async () => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const addMeasures = jest.spyOn(store, 'addMeasures');
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /责任单位/ }), '办公室');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(within(form).getByText('请填写整改措施')).toBeInTheDocument();
    expect(addMeasures).not.toHaveBeenCalled();
  });

  test('Esc cancels, adds nothing, and gives the focus back to 添加整改措施', async () => {
    const { user, store } = await renderApp();
    await openProblem(user, 'P003');
    const before = await store.load();
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: /整改措施/ }), '不要了');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: '为P003添加整改措施' })).not.toBeInTheDocument();
    expect((await store.load()).measures).toEqual(before.measures);
    expect(screen.getByRole('button', { name: '添加整改措施' })).toHaveFocus();
  });
});
