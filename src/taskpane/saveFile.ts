// Getting a file out of the pane on every platform. Excel on Mac runs the pane in WKWebView, where
// `<a download>` does nothing (office-js issues 2700 "by design", 3385); a dialog page is the same
// WKWebView (office-js 503, 3848) and Office.context.ui.openBrowserWindow takes no blob or file URL
// (office-js 3, "by design"). What Microsoft documents for Excel on Mac is Excel.createWorkbook
// (ExcelApi 1.8): the workbook opens in a new window and the user saves it. So on Mac an .xlsx is
// opened that way, and a .docx, which Excel cannot open, is handed over as text (useReport).
// The platform comes from Office.context.diagnostics.platform (platform.ts).
import { downloadBytes } from './components/report/browserIo';
import { XLSX_MIME } from './components/stats/fileBytes';
import { canDownloadFiles, officePlatform, type OfficePlatform } from './platform';

export type SaveOutcome = 'downloaded' | 'opened';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type WorkbookOpener = { createWorkbook(base64: string): Promise<void> };

/**
 * An .xlsx to the user: downloaded where downloads work; on Mac opened as a new workbook with
 * Excel.createWorkbook for the user to save. Throws when neither is possible.
 */
export async function saveWorkbook(bytes: Uint8Array, fileName: string, platform: OfficePlatform = officePlatform(), excel?: WorkbookOpener): Promise<SaveOutcome> {
  if (canDownloadFiles(platform)) {
    downloadBytes(bytes, fileName, XLSX_MIME);
    return 'downloaded';
  }
  const opener = excel ?? (globalThis as unknown as { Excel?: WorkbookOpener }).Excel;
  if (!opener || typeof opener.createWorkbook !== 'function') throw new Error('Excel.createWorkbook is not available');
  await opener.createWorkbook(base64Of(bytes));
  return 'opened';
}

/**
 * Several .xlsx files on Mac (分发): each opened as a new workbook, one after another, since nothing
 * downloads there. Stops at the first refusal: `opened` are the names of those opened before it.
 */
export async function openWorkbooks(
  files: readonly { fileName: string; bytes: Uint8Array }[],
  excel?: WorkbookOpener,
): Promise<{ opened: string[]; error: unknown }> {
  const opened: string[] = [];
  for (const file of files) {
    try {
      await saveWorkbook(file.bytes, file.fileName, 'mac', excel);
    } catch (error) {
      return { opened, error };
    }
    opened.push(file.fileName);
  }
  return { opened, error: null };
}
