// Shared set-up of the pane's component tests: the App over a memory store with the sample ledger,
// on a pinned day, driven by userEvent. Not part of the bundle (only tests import it).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Locale } from '../ledger/errors';
import type { IsoDate, Ledger } from '../ledger/types';
import { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from '../workbook/memoryStore';
import { sampleLedger } from '../workbook/sample';
import { App } from './App';

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar observes its width to reflow.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoLayoutResizeObserver;
}

export const TEST_TODAY: IsoDate = '2025-06-15';

export type Rendered = ReturnType<typeof render> & { store: MemoryStore; user: ReturnType<typeof userEvent.setup> };

export async function renderApp(
  options: { ledger?: Ledger; locale?: Locale; today?: IsoDate; store?: Partial<MemoryStoreOptions> } = {},
): Promise<Rendered> {
  const today = options.today ?? TEST_TODAY;
  const store = createMemoryStore(options.ledger ?? sampleLedger(today), {
    now: () => new Date(`${today}T09:30:00`),
    ...options.store,
  });
  const user = userEvent.setup();
  const result = render(<App store={store} locale={options.locale ?? 'zh-CN'} today={today} />);
  // Wait for detect() + load() to settle.
  await screen.findByRole('tablist');
  return { ...result, store, user };
}

/** The text of one figure in the header (整改完成率, 逾期 …). */
export function figure(key: 'problems' | 'measures' | 'overdue' | 'soon' | 'longTerm'): string {
  const dl = screen.getByTestId('figures');
  const el = dl.querySelector(`[data-figure="${key}"]`);
  if (!el) throw new Error(`no figure ${key}`);
  return el.textContent ?? '';
}

export function tab(name: string): HTMLElement {
  return within(screen.getByRole('tablist')).getByRole('tab', { name });
}
