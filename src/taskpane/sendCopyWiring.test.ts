/** @jest-environment jsdom */
// 生成发送副本 as the pane wires it in Excel (index.tsx: the store's `download` is sendCopyDownload()):
// Excel.createWorkbook is asked once, whatever happens. On Mac there is no download to fall back on
// (WKWebView), so a refused workbook is reported, not asked for a second time; elsewhere a refused
// workbook becomes one download, and an opened one is never downloaded as well.
import { TextDecoder, TextEncoder } from 'node:util';
import { zgWorkbook } from '../../test/workbook/zgWorkbook';
import { LedgerStoreError } from '../ledger/store';
import { makeSendCopy, type OfficeFileHandle, type SendCopyOffice } from '../workbook/excelSendCopy';
import { sendCopyDownload, type OfficePlatform } from './platform';

if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

function fakeOffice(bytes: Uint8Array, excelApi18: boolean): SendCopyOffice {
  const file: OfficeFileHandle = {
    size: bytes.length,
    sliceCount: 1,
    getSliceAsync: (index, callback) => callback({ status: 'ok', value: { data: bytes, index, size: bytes.length } }),
    closeAsync: (callback) => callback?.({ status: 'ok', value: undefined }),
  };
  return {
    AsyncResultStatus: { Succeeded: 'ok' },
    FileType: { Compressed: 'compressed' },
    context: {
      document: { url: '/Users/a/台账.xlsx', getFileAsync: (_type, _options, callback) => callback({ status: 'ok', value: file }) },
      requirements: { isSetSupported: (name, version) => excelApi18 && name === 'ExcelApi' && version === '1.8' },
    },
  };
}

let ledger: Uint8Array;
beforeAll(async () => {
  ledger = await zgWorkbook();
});

const PAYLOAD = { code: 'RequestPayloadSizeLimitExceeded', message: 'The request payload size has exceeded the limit.' };
const DENIED = { code: 'AccessDenied', message: 'denied' };

test.each<[OfficePlatform, boolean, typeof PAYLOAD | null, string, number, number]>([
  // platform, ExcelApi 1.8, createWorkbook's error, outcome, createWorkbook calls, downloads
  ['mac', true, null, 'opened', 1, 0],
  ['mac', true, DENIED, 'sendCopyOpenFailed', 1, 0],
  ['mac', true, PAYLOAD, 'sendCopyTooLarge', 1, 0],
  ['mac', false, null, 'sendCopyUnsupported', 0, 0],
  ['windows', true, null, 'opened', 1, 0],
  ['windows', true, DENIED, 'downloaded', 1, 1],
  ['windows', false, null, 'downloaded', 0, 1],
  ['web', true, PAYLOAD, 'downloaded', 1, 1],
  ['web', true, null, 'opened', 1, 0],
])('on %s (ExcelApi 1.8: %p, createWorkbook refusing with %p): %s, createWorkbook ×%d, downloads ×%d', async (platform, api18, error, outcome, calls, downloads) => {
  const createWorkbook = jest.fn(async () => {
    if (error) throw error;
  });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:copy'), revokeObjectURL: jest.fn() });
  try {
    const result = await makeSendCopy({ office: fakeOffice(ledger, api18), excel: { createWorkbook }, download: sendCopyDownload(platform) }).then(
      (report) => report.delivery,
      (e: unknown) => (e instanceof LedgerStoreError ? e.error.code : Promise.reject(e)),
    );
    expect(result).toBe(outcome);
    expect(createWorkbook).toHaveBeenCalledTimes(calls);
    expect(click).toHaveBeenCalledTimes(downloads);
  } finally {
    click.mockRestore();
  }
});
