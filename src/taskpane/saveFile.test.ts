/** @jest-environment jsdom */
// Files out of the pane: a download where `<a download>` works, and in Excel on Mac (WKWebView,
// where it silently does nothing) the .xlsx opened as a new workbook with Excel.createWorkbook.
import { canDownloadFiles, officePlatform, type OfficePlatform } from './platform';
import { saveWorkbook } from './saveFile';

const PlatformType = { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline', iOS: 'iOS' };

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test.each<[string | undefined, OfficePlatform]>([
  ['Mac', 'mac'],
  ['PC', 'windows'],
  ['OfficeOnline', 'web'],
  ['iOS', 'other'],
  [undefined, 'none'],
])('Office.context.diagnostics.platform %p → %p', (platform, expected) => {
  (globalThis as Record<string, unknown>).Office = { PlatformType, context: { diagnostics: platform ? { platform } : undefined } };
  expect(officePlatform()).toBe(expected);
});

test('outside Office (the preview) there is no platform, and downloads work', () => {
  expect(officePlatform()).toBe('none');
  expect(canDownloadFiles()).toBe(true);
  expect(canDownloadFiles('mac')).toBe(false);
});

test('on Mac an .xlsx opens as a new workbook from its base64, nothing is downloaded', async () => {
  const createWorkbook = jest.fn(async () => {});
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click');
  const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
  await expect(saveWorkbook(bytes, '副本.xlsx', 'mac', { createWorkbook })).resolves.toBe('opened');
  expect(createWorkbook).toHaveBeenCalledWith(Buffer.from(bytes).toString('base64'));
  expect(click).not.toHaveBeenCalled();
  click.mockRestore();
});

test('on Mac without Excel.createWorkbook it says so instead of pretending to download', async () => {
  await expect(saveWorkbook(new Uint8Array([1]), '副本.xlsx', 'mac', {} as never)).rejects.toThrow('createWorkbook');
});

test.each<OfficePlatform>(['windows', 'web', 'none'])('on %s the file is downloaded', async (platform) => {
  const createObjectURL = jest.fn(() => 'blob:x');
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  const createWorkbook = jest.fn(async () => {});
  await expect(saveWorkbook(new Uint8Array([1, 2]), '副本.xlsx', platform, { createWorkbook })).resolves.toBe('downloaded');
  expect(click).toHaveBeenCalledTimes(1);
  expect(createWorkbook).not.toHaveBeenCalled();
  click.mockRestore();
});
