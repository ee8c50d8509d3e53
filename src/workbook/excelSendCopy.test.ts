// 生成发送副本 in Excel, against a fake Office: every slice read in order and one at a time, the
// file closed whatever happens, the frozen copy opened with Excel.createWorkbook (or downloaded
// where Excel cannot), and every failure a LedgerStoreError with a catalogue message.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { LedgerStoreError } from '../ledger/store';
import { FROZEN, STATS, zgWorkbook } from '../../test/workbook/zgWorkbook';
import { makeSendCopy, toBase64, workbookFileName, type OfficeFileHandle, type SendCopyExcel, type SendCopyOffice } from './excelSendCopy';
import { freezeZgFormulas } from './xlsx/freeze';
import { unzipXlsx } from './xlsx/package';
import { excelJsInput } from '../../test/support/excelJs';

// The real Office and Excel namespaces fit the injected types (checked by tsc, nothing runs).
type Fits<A, B> = A extends B ? true : false;
const officeFits: Fits<typeof Office, SendCopyOffice> = true;
const excelFits: Fits<typeof Excel, SendCopyExcel> = true;

type FakeOptions = {
  bytes: Uint8Array;
  sliceSize?: number;
  url?: string;
  excelApi18?: boolean;
  failOpen?: string;
  failSlice?: number;
  sliceData?: (chunk: Uint8Array) => unknown;
  closeThrows?: boolean;
  createWorkbook?: (base64: string) => Promise<void>;
};

function fakeOffice(o: FakeOptions) {
  const log = { opened: 0, closed: 0, slices: [] as number[], maxInFlight: 0, workbooks: [] as string[] };
  let inFlight = 0;
  const size = o.sliceSize ?? 1000;
  const later = (f: () => void) => void Promise.resolve().then(f);
  const file: OfficeFileHandle = {
    size: o.bytes.length,
    sliceCount: Math.ceil(o.bytes.length / size),
    getSliceAsync(index, callback) {
      log.slices.push(index);
      log.maxInFlight = Math.max(log.maxInFlight, ++inFlight);
      later(() => {
        inFlight--;
        if (index === o.failSlice) return callback({ status: 'failed', value: undefined as never, error: { message: 'slice lost', code: 5001 } });
        const chunk = o.bytes.slice(index * size, (index + 1) * size);
        callback({ status: 'succeeded', value: { data: (o.sliceData ?? ((c) => Array.from(c)))(chunk), index, size: chunk.length } });
      });
    },
    closeAsync(callback) {
      log.closed++;
      if (o.closeThrows) throw new Error('already closed');
      later(() => callback?.({ status: 'succeeded', value: undefined }));
    },
  };
  const office: SendCopyOffice = {
    AsyncResultStatus: { Succeeded: 'succeeded' },
    FileType: { Compressed: 'compressed' },
    context: {
      document: {
        url: o.url ?? 'C:\\Users\\巡察办\\Documents\\清源县整改台账.xlsx',
        getFileAsync(fileType, options, callback) {
          expect([fileType, options]).toEqual(['compressed', { sliceSize: 4194304 }]);
          log.opened++;
          later(() =>
            o.failOpen
              ? callback({ status: 'failed', value: undefined as never, error: { message: o.failOpen, code: 5001 } })
              : callback({ status: 'succeeded', value: file }),
          );
        },
      },
      requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && version === '1.8' && (o.excelApi18 ?? true) },
    },
  };
  const excel: SendCopyExcel = {
    createWorkbook: async (base64 = '') => {
      log.workbooks.push(base64);
      await (o.createWorkbook ?? (async () => undefined))(base64);
    },
  };
  return { office, excel, log };
}

/** A package's parts as text: two zips of the same parts differ in their timestamps, not in these. */
const partsOf = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipXlsx(bytes)).map(([p, b]) => [p, Buffer.from(b).toString('latin1')]));

async function storeError(promise: Promise<unknown>): Promise<LedgerStoreError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof LedgerStoreError) return e;
    throw e;
  }
  throw new Error('expected a LedgerStoreError');
}

let ledger: Uint8Array;
let frozenCopy: Uint8Array;
beforeAll(async () => {
  ledger = await zgWorkbook();
  const frozen = freezeZgFormulas(ledger);
  if ('tag' in frozen) throw new Error(frozen.message);
  frozenCopy = frozen.bytes;
});

describe('makeSendCopy', () => {
  test('reads every slice in order, one at a time, closes the file and opens the frozen copy', async () => {
    const { office, excel, log } = fakeOffice({ bytes: ledger, sliceSize: 1000 });
    const report = await makeSendCopy({ office, excel });
    expect(report).toMatchObject({ replaced: FROZEN.length, delivery: 'opened', fileName: '清源县整改台账（发送副本）.xlsx', uncached: [`${STATS}!E1`, `${STATS}!E3`] });
    expect(log.slices).toEqual(Array.from({ length: Math.ceil(ledger.length / 1000) }, (_, i) => i));
    expect(log.slices.length).toBeGreaterThan(2);
    expect(log.maxInFlight).toBe(1);
    expect([log.opened, log.closed]).toEqual([1, 1]);
    expect(log.workbooks).toHaveLength(1);
    const opened = new Uint8Array(Buffer.from(log.workbooks[0], 'base64'));
    expect(partsOf(opened)).toEqual(partsOf(frozenCopy));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(opened));
    expect(wb.getWorksheet(STATS)!.getCell('B1').value).toBe(0.75);
  });

  test.each([
    ['a Uint8Array', (c: Uint8Array) => c],
    ['an ArrayBuffer', (c: Uint8Array) => c.buffer.slice(c.byteOffset, c.byteOffset + c.byteLength)],
  ])('slices given as %s are read too', async (_, sliceData) => {
    const { office, excel, log } = fakeOffice({ bytes: ledger, sliceData });
    expect(await makeSendCopy({ office, excel })).toMatchObject({ replaced: FROZEN.length, delivery: 'opened' });
    expect(partsOf(new Uint8Array(Buffer.from(log.workbooks[0], 'base64')))).toEqual(partsOf(frozenCopy));
  });

  test('a file Office cannot open: the reason, nothing to close, nothing opened', async () => {
    const { office, excel, log } = fakeOffice({ bytes: ledger, failOpen: 'Internal Error' });
    const e = await storeError(makeSendCopy({ office, excel }));
    expect(e.error.code).toBe('sendCopyReadFailed');
    expect(e.message).toContain('Internal Error');
    expect([log.closed, log.workbooks.length]).toEqual([0, 0]);
  });

  test.each([
    ['a slice that fails', { failSlice: 2 }, 'sendCopyReadFailed'],
    ['a slice without data', { sliceData: () => undefined }, 'sendCopyReadFailed'],
    ['a workbook over the size limit', { maxBytes: 4096 }, 'sendCopyTooLarge'],
    ['bytes that are not an .xlsx', { bytes: new TextEncoder().encode('这不是工作簿'.repeat(400)) }, 'notXlsx'],
  ])('%s: a LedgerStoreError, and the file is closed', async (_, options, code) => {
    const { maxBytes, ...rest } = options as Partial<FakeOptions> & { maxBytes?: number };
    const { office, excel, log } = fakeOffice({ bytes: ledger, ...rest });
    const e = await storeError(makeSendCopy({ office, excel, maxBytes }));
    expect(e.error.code).toBe(code);
    expect([log.opened, log.closed, log.workbooks.length]).toEqual([1, 1, 0]);
  });

  test('the size limit is checked before any slice is read', async () => {
    const { office, excel, log } = fakeOffice({ bytes: ledger });
    const e = await storeError(makeSendCopy({ office, excel, maxBytes: 1024 }));
    expect(e.error.code).toBe('sendCopyTooLarge');
    expect(log.slices).toEqual([]);
  });

  test('closeAsync that throws does not lose the copy', async () => {
    const { office, excel, log } = fakeOffice({ bytes: ledger, closeThrows: true });
    expect(await makeSendCopy({ office, excel })).toMatchObject({ delivery: 'opened' });
    expect(log.closed).toBe(1);
  });

  test('without ExcelApi 1.8 the copy is downloaded, or refused with a message when it cannot be', async () => {
    const downloads: [number, string][] = [];
    const download = (bytes: Uint8Array, name: string) => void downloads.push([bytes.length, name]);
    const first = fakeOffice({ bytes: ledger, excelApi18: false });
    expect(await makeSendCopy({ ...first, download })).toMatchObject({ delivery: 'downloaded', fileName: '清源县整改台账（发送副本）.xlsx' });
    expect(downloads).toEqual([[frozenCopy.length, '清源县整改台账（发送副本）.xlsx']]);
    expect(first.log.workbooks).toEqual([]);
    const second = fakeOffice({ bytes: ledger, excelApi18: false });
    expect((await storeError(makeSendCopy(second))).error.code).toBe('sendCopyUnsupported');
  });

  test.each([
    [{ code: 'RequestPayloadSizeLimitExceeded', message: 'The request payload size has exceeded the limit.' }, 'sendCopyTooLarge'],
    [{ code: 'AccessDenied', message: 'extension hardening policy' }, 'sendCopyOpenFailed'],
  ])('createWorkbook failing with %p: downloaded when possible, else %s', async (error, code) => {
    const refuse = async () => Promise.reject(error);
    const withDownload = fakeOffice({ bytes: ledger, createWorkbook: refuse });
    let downloaded = 0;
    expect(await makeSendCopy({ ...withDownload, download: () => void downloaded++ })).toMatchObject({ delivery: 'downloaded' });
    expect(downloaded).toBe(1);
    const without = fakeOffice({ bytes: ledger, createWorkbook: refuse });
    const e = await storeError(makeSendCopy(without));
    expect(e.error.code).toBe(code);
    expect(without.log.closed).toBe(1);
  });

  test.each([
    ['https://contoso.sharepoint.com/sites/xc/Shared%20Documents/%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6.xlsx?web=1', '整改台账.xlsx'],
    ['C:\\巡察\\2024\\台账.xlsx', '台账.xlsx'],
    ['/Users/a/台账 %.xlsx', '台账 %.xlsx'],
    ['', ''],
    [null, ''],
  ])('the workbook name in %p is %p', (url, name) => expect(workbookFileName(url)).toBe(name));

  test('an unsaved workbook gives the copy a default name', async () => {
    const { office, excel } = fakeOffice({ bytes: ledger, url: '' });
    expect((await makeSendCopy({ office, excel })).fileName).toBe('整改台账（发送副本）.xlsx');
  });
});

test('toBase64 agrees with Node for any bytes, including more than one chunk', () => {
  expect(officeFits && excelFits).toBe(true);
  fc.assert(fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => toBase64(bytes) === Buffer.from(bytes).toString('base64')), { numRuns: 50 });
});
