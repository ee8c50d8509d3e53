/** @jest-environment jsdom */
// The English pane shows the workbook's Chinese vocabularies (整改状态, 销号状态, 问题来源, 巡察类型)
// in English, dates in English prose, and messages that start with a capital; the stored values
// stay Chinese.
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, tab } from '../../testUtils';

jest.setTimeout(30_000);

const CJK = /[\u3400-\u9fff]/;

describe('the pane in English', () => {
  test('list badges, filter options and the detail speak English; the data stays Chinese', async () => {
    const { user, store } = await renderApp({ locale: 'en' });
    const measure = screen.getByRole('button', { name: /^P003-M03/ });
    expect(measure).toHaveTextContent('In progress');
    expect(measure).not.toHaveTextContent('正在推进');
    expect(screen.getByRole('button', { name: /^P001-M01/ })).toHaveTextContent(/Closed.*Date done Aug|Date done .* 2025/);

    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const status = screen.getByRole('combobox', { name: 'Status' });
    const options = within(status).getAllByRole('option').map((o) => o.textContent ?? '');
    expect(options).toEqual(['All', 'Not started', 'In progress', 'Partly done', 'Mostly done', 'Done', 'Not stated']);
    await user.selectOptions(status, 'Not started');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeInTheDocument());
    expect(screen.getByRole('button', { name: /^P007-M02/ })).toHaveTextContent('Not started');

    await user.click(screen.getByRole('button', { name: /^P007(?!-)/ }));
    expect(await screen.findByRole('heading', { name: 'Problem P007' })).toBeInTheDocument();
    expect(screen.getByText('Left from last round')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Measures \(\d+\)$/ })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Closing (销号)' })).getByText('Not applied')).toBeInTheDocument();
    expect((await store.load()).problems.find((p) => p.id === 'P007')?.source).toBe('上轮未完成');
  });

  test('the entry form offers sources in English and explains a bad deadline with a capital letter', async () => {
    const { user } = await renderApp({ locale: 'en' });
    await user.click(tab('Enter'));
    const source = await screen.findByRole('combobox', { name: 'Source' });
    for (const o of within(source).getAllByRole('option')) expect(o.textContent).not.toMatch(CJK);
    await user.click(screen.getByRole('button', { name: 'Save problem' }));
    expect(await screen.findByText('Please fill in Description')).toBeInTheDocument();
    const deadline = screen.getAllByRole('textbox', { name: /Deadline/ })[0];
    await user.type(deadline, 'next week');
    expect(screen.getByText('Cannot read the deadline "next week"; expected a date or a phrase such as 12月底前')).toBeInTheDocument();
  });

  test('添加整改措施 speaks English: a refused save, then the new id with a capital', async () => {
    const { user } = await renderApp({ locale: 'en' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'P003');
    await user.click(await screen.findByRole('button', { name: /^P003(?!-)/ }));
    await user.click(await screen.findByRole('button', { name: 'Add a measure' }));
    const form = screen.getByRole('region', { name: 'Add a measure to P003' });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByText('3 fields still need attention; see the fields marked in red.')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /Measure/ })).toHaveFocus();
    await user.type(within(form).getByRole('textbox', { name: /Measure/ }), '补充措施');
    await user.type(within(form).getByRole('textbox', { name: /^Responsible unit/ }), '办公室');
    await user.click(within(form).getByRole('button', { name: 'Long-term' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Added measure P003-M04 to P003')).toBeInTheDocument();
  });

  test('巡察类型 options are English', async () => {
    const { user } = await renderApp({ locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'Inspection' }));
    const kind = await screen.findByRole('combobox', { name: 'Kind of inspection' });
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual(['(none)', 'Regular', 'Special', 'Follow-up', 'Escalated', 'Cross']);
  });
});
