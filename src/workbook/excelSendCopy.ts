// 生成发送副本 in Excel: read the open workbook as an .xlsx (Office's getFileAsync, slice by slice),
// freeze its ZG.* formulas to values (xlsx/freeze.ts) and open the result as a new workbook
// (Excel.createWorkbook, ExcelApi 1.8), which the user saves and sends. Where Excel cannot open it
// (no ExcelApi 1.8, or a copy over Excel on the web's request size limit), an injected `download`
// hands the bytes to the browser instead. Office and Excel are injected so tests run with fakes.
import { isLedgerError, ledgerError } from '../ledger/errors';
import { LedgerStoreError, type SendCopyReport } from '../ledger/store';
import { freezeZgFormulas, sendCopyFileName, type FreezeResult } from './xlsx/freeze';

/** Office's largest slice (4 MB); fewer round trips than the 64 KB default. */
export const SLICE_SIZE = 4_194_304;

/** Above this the pane would hold the file several times over (bytes, XML text, zip, base64). */
export const MAX_SEND_COPY_BYTES = 32 * 1024 * 1024;

type OfficeError = { message?: string; code?: number | string; name?: string } | null | undefined;
type OfficeResult<T> = { status: unknown; value: T; error?: OfficeError };

/** The parts of Office.File the copy uses. */
export type OfficeFileHandle = {
  size: number;
  sliceCount: number;
  getSliceAsync(sliceIndex: number, callback: (result: OfficeResult<{ data: unknown; index: number; size: number }>) => void): void;
  closeAsync(callback?: (result: OfficeResult<void>) => void): void;
};

/** The parts of the `Office` namespace the copy uses (the real one fits: see the test). */
export type SendCopyOffice = {
  AsyncResultStatus: { Succeeded: unknown };
  FileType: { Compressed: unknown };
  context: {
    document: {
      url?: string | null;
      getFileAsync(fileType: never, options: { sliceSize: number }, callback: (result: OfficeResult<OfficeFileHandle>) => void): void;
    };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
};

export type SendCopyExcel = { createWorkbook(base64File?: string): Promise<void> };

export type SendCopyDeps = {
  office?: SendCopyOffice;
  excel?: SendCopyExcel;
  /** Saves the bytes as a file through the browser (the pane's job); without it, failing to open is an error. */
  download?: (bytes: Uint8Array, fileName: string) => void | Promise<void>;
  maxBytes?: number;
};

/** SendCopyReport plus what the freeze found, for the pane to show (uncached cells, live formulas, links, macros as warnings). */
export type ExcelSendCopyReport = SendCopyReport &
  Pick<FreezeResult, 'sheets' | 'uncached' | 'names' | 'rules' | 'tableFormulas' | 'live' | 'macros' | 'externalLinks' | 'linkNames' | 'unsafeEntries'>;

const fail = (code: Parameters<typeof ledgerError>[0], ...params: (string | number)[]): never => {
  throw new LedgerStoreError(ledgerError(code, ...params));
};

const reason = (error: OfficeError | unknown): string => {
  const e = error as OfficeError;
  return e?.message || (e?.code !== undefined ? String(e.code) : '') || e?.name || '未知错误';
};

function openFile(office: SendCopyOffice): Promise<OfficeFileHandle> {
  return new Promise((resolve, reject) => {
    office.context.document.getFileAsync(office.FileType.Compressed as never, { sliceSize: SLICE_SIZE }, (result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new LedgerStoreError(ledgerError('sendCopyReadFailed', reason(result.error))));
    });
  });
}

function sliceBytes(data: unknown, index: number): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // Office hands Compressed slices over as an array of byte values.
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  return fail('sendCopyReadFailed', `第${index + 1}段没有数据`);
}

function readSlice(office: SendCopyOffice, file: OfficeFileHandle, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) reject(new LedgerStoreError(ledgerError('sendCopyReadFailed', reason(result.error))));
      else {
        try {
          resolve(sliceBytes(result.value?.data, index));
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}

/** Closes the file whatever happened: Office keeps at most two open, and a leaked one blocks the next copy. */
function closeFile(file: OfficeFileHandle): Promise<void> {
  return new Promise((resolve) => {
    try {
      file.closeAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** The open workbook as .xlsx bytes, slice by slice in order (Office wants them asked one at a time). */
export async function readOpenWorkbook(office: SendCopyOffice, maxBytes = MAX_SEND_COPY_BYTES): Promise<Uint8Array> {
  const file = await openFile(office);
  try {
    const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
    if (file.size > maxBytes) fail('sendCopyTooLarge', mb(file.size), mb(maxBytes));
    const slices: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) slices.push(await readSlice(office, file, i));
    const bytes = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of slices) {
      bytes.set(s, at);
      at += s.length;
    }
    return bytes;
  } finally {
    await closeFile(file);
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode(...all) overflows the call stack on a large file.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The workbook's file name from Office's document URL (a path or a web address); '' when unsaved. */
export function workbookFileName(url: string | null | undefined): string {
  const last = (url ?? '').split(/[?#]/)[0].split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function officeGlobals(): { office: SendCopyOffice; excel: SendCopyExcel } {
  const g = globalThis as unknown as { Office: SendCopyOffice; Excel: SendCopyExcel };
  return { office: g.Office, excel: g.Excel };
}

/**
 * 生成发送副本 for the open workbook. Rejects with LedgerStoreError (a catalogue message) when the
 * workbook cannot be read, is too large, or the copy can be neither opened nor downloaded.
 */
export async function makeSendCopy(deps: SendCopyDeps = {}): Promise<ExcelSendCopyReport> {
  const office = deps.office ?? officeGlobals().office;
  const excel = deps.excel ?? officeGlobals().excel;
  const bytes = await readOpenWorkbook(office, deps.maxBytes);
  const name = workbookFileName(office.context.document.url);
  const frozen = freezeZgFormulas(bytes, name || '当前工作簿');
  if (isLedgerError(frozen)) throw new LedgerStoreError(frozen);
  const fileName = sendCopyFileName(name);
  const { bytes: copy, ...found } = frozen;
  const report = (delivery: SendCopyReport['delivery']): ExcelSendCopyReport => ({ ...found, delivery, fileName });
  let openError: unknown = null;
  if (office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
    try {
      await excel.createWorkbook(toBase64(copy));
      return report('opened');
    } catch (error) {
      openError = error;
    }
  }
  if (deps.download) {
    await deps.download(copy, fileName);
    return report('downloaded');
  }
  if (openError === null) return fail('sendCopyUnsupported');
  // Excel on the web refuses requests over its payload limit (about 5 MB, so a 3.7 MB copy in base64).
  if ((openError as OfficeError)?.code === 'RequestPayloadSizeLimitExceeded') {
    return fail('sendCopyTooLarge', Math.round((copy.length / 1048576) * 10) / 10, 3.7);
  }
  return fail('sendCopyOpenFailed', reason(openError));
}
