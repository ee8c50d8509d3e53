/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LedgerStoreError, type LedgerStore } from '../ledger/store';
import { ledgerError } from '../ledger/errors';
import { EMPTY_ROUND } from '../ledger/types';
import { createMemoryStore } from '../workbook/memoryStore';
import { App } from './App';
import { renderApp, tab, TEST_TODAY } from './testUtils';

jest.setTimeout(30_000);

describe('the pane', () => {
  test('first run: 创建整改台账, then the 巡察信息 form, then 录入', async () => {
    const store = createMemoryStore({ round: EMPTY_ROUND, problems: [], measures: [] }, { presence: 'none', now: () => new Date(`${TEST_TODAY}T09:00:00`) });
    const createOrRepair = jest.spyOn(store, 'createOrRepair');
    const user = userEvent.setup();
    render(<App store={store} locale="zh-CN" today={TEST_TODAY} />);
    expect(await screen.findByRole('heading', { name: '这个工作簿还没有整改台账' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '创建整改台账' }));
    expect(createOrRepair).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: '巡察信息' })).toBeInTheDocument();
    // The pressed button is gone: focus lands on the form's first field, not on the page.
    expect(screen.getByRole('textbox', { name: /巡察组/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: '保存巡察信息' }));
    expect(screen.getByText('请填写被巡察单位')).toBeInTheDocument();
    expect(screen.getByText('请填写反馈日期')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /巡察组/ }), '县委第一巡察组');
    await user.type(screen.getByRole('textbox', { name: /被巡察单位/ }), '县财政局党组');
    await user.selectOptions(screen.getByRole('combobox', { name: '巡察类型' }), '专项');
    await user.type(screen.getByLabelText(/巡察开始日期/), '2025-03-01');
    await user.type(screen.getByLabelText(/巡察结束日期/), '2025-02-01');
    await user.type(screen.getByLabelText(/反馈日期/), '2025-02-20');
    const months = screen.getByRole('spinbutton', { name: /集中整改期/ });
    await user.clear(months);
    await user.type(months, '0');
    await user.click(screen.getByRole('button', { name: '保存巡察信息' }));
    expect(screen.getByText('巡察结束日期不能早于巡察开始日期（2025年3月1日）')).toBeInTheDocument();
    expect(screen.getByText('反馈日期不能早于巡察开始日期（2025年3月1日）')).toBeInTheDocument();
    expect(screen.getByText('集中整改期应为1到24之间的整数')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/巡察结束日期/));
    await user.type(screen.getByLabelText(/巡察结束日期/), '2025-04-01');
    await user.clear(screen.getByLabelText(/反馈日期/));
    await user.type(screen.getByLabelText(/反馈日期/), '2025-05-10');
    await user.clear(months);
    await user.type(months, '6');
    await user.click(screen.getByRole('button', { name: '保存巡察信息' }));

    // With no problems yet, the next stop is 录入.
    expect(await screen.findByRole('form', { name: '新增问题' })).toBeInTheDocument();
    expect((await store.load()).round).toEqual({
      inspector: '县委第一巡察组', org: '县财政局党组', kind: '专项', start: '2025-03-01', end: '2025-04-01', feedback: '2025-05-10', months: 6, asOf: null,
    });
    expect(screen.getByText('县财政局党组')).toBeInTheDocument();
  });

  test('a ledger with missing parts offers 打开已有台账 and says what is missing', async () => {
    const base = createMemoryStore({ round: EMPTY_ROUND, problems: [], measures: [] });
    const store: LedgerStore = { ...base, detect: async () => ({ state: 'repairable', missing: ['整改台账[佐证材料]', 'ZG_Due'] }) };
    render(<App store={store} locale="zh-CN" today={TEST_TODAY} />);
    expect(await screen.findByText('缺少：整改台账[佐证材料]、ZG_Due。打开时会补齐，已有数据保持不变。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '打开已有台账' })).toBeInTheDocument();
  });

  test('a store that cannot be read says why, in Chinese, and can retry', async () => {
    const base = createMemoryStore({ round: EMPTY_ROUND, problems: [], measures: [] });
    let fail = true;
    const store: LedgerStore = {
      ...base,
      detect: async () => {
        if (fail) throw new LedgerStoreError(ledgerError('missingColumn', '整改状态'));
        return { state: 'ok' };
      },
    };
    const user = userEvent.setup();
    render(<App store={store} locale="zh-CN" today={TEST_TODAY} />);
    expect(await screen.findByText('表中找不到“整改状态”列')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('tablist')).toBeInTheDocument();
  });

  test('the preview is labelled as such, and English follows the locale', async () => {
    await renderApp({ locale: 'en' });
    expect(screen.getByTestId('preview-banner')).toHaveTextContent('Preview');
    expect(tab('Ledger')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('12 problems, 28 measures')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Rectification Ledger' })).toBeInTheDocument());
  });
});
