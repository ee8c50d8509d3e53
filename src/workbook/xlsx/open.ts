// Opening the bytes of a file a user chose (汇总) or the open workbook (发送副本) as an .xlsx
// package, or saying in the user's terms why it is not one: an old .xls, a password-protected
// workbook (both OLE2 files), not a zip at all, a zip without a workbook, or one too large to read
// safely (a zip bomb, or a directory listing more parts than any workbook has).
import { ledgerError, type LedgerError } from '../../ledger/errors';
import { NotXlsxError, unzipXlsx, unzipXlsxAsync, ZipLimitError, type UnzipOptions, type XlsxParts } from './package';

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** A password-protected .xlsx is an OLE2 file holding an "EncryptedPackage" stream (named in UTF-16LE). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Array.from('EncryptedPackage', (ch) => [ch.charCodeAt(0), 0]).flat();
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

const MB = 1024 * 1024;

/** The message for a package refused by a limit of the bounded reader. */
export function tooLargeError(e: ZipLimitError, fileName: string): LedgerError {
  if (e.limit === 'entries') return ledgerError('xlsxTooManyParts', fileName, String(e.bytes), String(e.max));
  if (e.limit === 'entry') return ledgerError('xlsxPartTooLarge', fileName, e.entry ?? '', String(Math.round(e.max / MB)));
  return ledgerError('xlsxTooLarge', fileName, String(Math.round(e.max / MB)));
}

/** The package of an .xlsx file, or the LedgerError that says why these bytes are not one. */
export function openXlsx(bytes: Uint8Array, fileName: string, options: UnzipOptions = {}): XlsxParts | LedgerError {
  if (startsWith(bytes, OLE2_SIGNATURE)) return ledgerError(isEncryptedPackage(bytes) ? 'encryptedXlsx' : 'oldXls', fileName);
  try {
    return unzipXlsx(bytes, options);
  } catch (e) {
    return unzipError(e, fileName);
  }
}

/** openXlsx with the parts inflated by the platform's zlib where it has one (the page). */
export async function openXlsxAsync(bytes: Uint8Array, fileName: string, options: UnzipOptions = {}): Promise<XlsxParts | LedgerError> {
  if (startsWith(bytes, OLE2_SIGNATURE)) return ledgerError(isEncryptedPackage(bytes) ? 'encryptedXlsx' : 'oldXls', fileName);
  try {
    return await unzipXlsxAsync(bytes, options);
  } catch (e) {
    return unzipError(e, fileName);
  }
}

function unzipError(e: unknown, fileName: string): LedgerError {
  if (e instanceof ZipLimitError) return tooLargeError(e, fileName);
  return ledgerError(e instanceof NotXlsxError ? 'notXlsx' : 'damagedXlsx', fileName);
}
