/** @jest-environment jsdom */
// Where the pane starts when Office is slow: a real Office host (office.js present, _host_Info in
// the URL) keeps waiting with a message and a retry; only a plain browser falls back to the preview.
import '@testing-library/jest-dom';
import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { detectHost, hostInfoLocale, isCertainlyOfficeHosted } from './boot';
import { showSlowStart } from './slowStart';

type ReadyInfo = { host: string | null; platform: string | null };

function fakeOffice(): { resolve: (info: ReadyInfo) => void } {
  let resolve: (info: ReadyInfo) => void = () => {};
  const ready = new Promise<ReadyInfo>((r) => (resolve = r));
  (globalThis as Record<string, unknown>).Office = {
    onReady: () => ready,
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: 'zh-CN' },
  };
  return { resolve: (info) => resolve(info) };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  window.history.replaceState(null, '', '/taskpane.html');
  window.sessionStorage.clear();
  jest.useRealTimers();
});

const plain = { search: '', hash: '', framed: false, hostInfoStored: false, bridges: false };
test.each([
  [plain, false],
  [{ ...plain, framed: true }, false],
  [{ ...plain, bridges: true }, false],
  [{ ...plain, search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' }, true],
  [{ ...plain, hash: '#_host_Info=excel|web|16.00' }, true],
  [{ ...plain, hostInfoStored: true }, false],
  [{ ...plain, hostInfoStored: true, framed: true }, true],
])('%p is certainly an Office host: %p', (signals, hosted) => expect(isCertainlyOfficeHosted(signals)).toBe(hosted));

test.each<[string, string, string | null]>([
  ['?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', '', 'zh-CN'],
  ['?_host_Info=Excel$Mac$16.01$en-US$telemetry$isDialog$$0', '', 'en-US'],
  ['', '#_host_Info=excel|web|16.00|en-GB|0|', 'en-GB'],
  ['?_host_Info=Excel%24Win32%2416.01%24zh-CN%24', '', 'zh-CN'],
  ['?lang=en', '', null],
])('the language in _host_Info of %p%p is %p', (search, hash, locale) => expect(hostInfoLocale(search, hash)).toBe(locale));

test('inside Office, a slow Office.onReady shows the waiting message and still ends in Excel, never the preview', async () => {
  jest.useFakeTimers();
  window.history.replaceState(null, '', '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0');
  const office = fakeOffice();
  const onSlow = jest.fn();
  let settled: unknown = null;
  const detected = detectHost(10_000, onSlow).then((d) => (settled = d));
  await jest.advanceTimersByTimeAsync(10_000);
  expect(onSlow).toHaveBeenCalledTimes(1);
  await jest.advanceTimersByTimeAsync(60_000);
  expect(settled).toBeNull(); // still waiting: no preview
  office.resolve({ host: 'Excel', platform: 'PC' });
  await detected;
  expect(settled).toEqual({ host: 'excel', displayLanguage: 'zh-CN' });
});

test('in a plain browser that loads office.js, a silent Office.onReady ends in the preview', async () => {
  jest.useFakeTimers();
  window.history.replaceState(null, '', '/taskpane.html');
  fakeOffice();
  const onSlow = jest.fn();
  const detected = detectHost(10_000, onSlow);
  await jest.advanceTimersByTimeAsync(10_000);
  // jsdom's window is its own top and has no host bridge: no host could embed it, no wait at all.
  await expect(detected).resolves.toEqual({ host: 'preview', displayLanguage: null });
  expect(onSlow).not.toHaveBeenCalled();
});

test('the waiting message has a retry that reloads, in the pane language, and goes away', async () => {
  const reload = jest.fn();
  const hide = showSlowStart(document.body, 'zh-CN', reload);
  expect(screen.getByRole('status')).toHaveTextContent('正在连接 Excel');
  await userEvent.click(screen.getByRole('button', { name: '重试' }));
  expect(reload).toHaveBeenCalledTimes(1);
  hide();
  expect(screen.queryByRole('status')).toBeNull();
  const hideEn = showSlowStart(document.body, 'en', reload);
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  hideEn();
});
