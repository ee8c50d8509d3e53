/** @jest-environment jsdom */
// 巡察信息 shows the 通报数字 imports saved (read-only), in both languages, and saving the form keeps them.
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Locale } from '../../../ledger/errors';
import { EMPTY_ROUND, type Ledger } from '../../../ledger/types';
import { createMemoryStore } from '../../../workbook/memoryStore';
import { I18nProvider, STRINGS } from '../../i18n';
import '../../testUtils';
import { RoundForm } from './RoundForm';

const LEDGER: Ledger = {
  round: {
    ...EMPTY_ROUND, org: '县教育局党组', inspector: '县委第三巡察组', feedback: '2022-06-01',
    figures: [{ label: '反馈问题总数', value: 42, unit: '个' }, { label: '挽回经济损失', value: 86.5, unit: '万元' }],
  },
  problems: [],
  measures: [],
};

function setup(locale: Locale) {
  const store = createMemoryStore(LEDGER);
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider value={{ locale, t: STRINGS[locale] }}>
        <RoundForm store={store} ledger={LEDGER} onLedgerChanged={async () => {}} />
      </I18nProvider>
    </FluentProvider>,
  );
  return { store, user: userEvent.setup() };
}

describe('RoundForm: 通报数字', () => {
  it.each([
    ['zh-CN', '通报数字（2项）'],
    ['en', 'Reported figures (通报数字, 2 figures)'],
  ] as const)('lists the saved figures (%s)', (locale, title) => {
    setup(locale);
    const section = screen.getByRole('region', { name: title });
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['反馈问题总数：42个', '挽回经济损失：86.5万元']);
  });

  it('keeps them when the form is saved', async () => {
    const { store, user } = setup('zh-CN');
    await user.click(screen.getByRole('button', { name: '保存巡察信息' }));
    expect(await screen.findByText('巡察信息已保存')).toBeInTheDocument();
    expect((await store.load()).round.figures).toEqual(LEDGER.round.figures);
  });
});
