// Which Office the pane runs in, from Office.context.diagnostics.platform, and what that allows.
// Excel on Mac runs the pane in WKWebView, where `<a download>` does nothing (office-js issues 2700
// "by design", 3385): every way out of the pane asks here first and takes its Mac path (a new
// workbook through Excel.createWorkbook, or text on the clipboard) or says what happens instead.
// Tiny and import-free, so the start-up path (index.tsx) can ask it without loading saveFile.

export type OfficePlatform = 'mac' | 'windows' | 'web' | 'other' | 'none';

/** Where the pane runs: 'none' outside Office (the browser preview). */
export function officePlatform(): OfficePlatform {
  if (typeof Office === 'undefined') return 'none';
  const platform = Office.context?.diagnostics?.platform;
  if (!platform) return 'none';
  if (platform === Office.PlatformType.Mac) return 'mac';
  if (platform === Office.PlatformType.PC) return 'windows';
  if (platform === Office.PlatformType.OfficeOnline) return 'web';
  return 'other';
}

/** Whether `<a download>` saves a file here (not in Excel on Mac). */
export function canDownloadFiles(platform: OfficePlatform = officePlatform()): boolean {
  return platform !== 'mac';
}

/**
 * The Excel store's `download` for 生成发送副本 when Excel.createWorkbook fails: a plain download,
 * and none at all on Mac. On Mac the fallback would be createWorkbook again (the only way a file
 * gets out there), so the copy would be opened twice, or the same refusal asked for twice.
 */
export function sendCopyDownload(platform: OfficePlatform = officePlatform()): ((bytes: Uint8Array, fileName: string) => Promise<void>) | undefined {
  if (!canDownloadFiles(platform)) return undefined;
  return async (bytes, fileName) => {
    const [{ downloadBytes }, { XLSX_MIME }] = await Promise.all([import('./components/report/browserIo'), import('./components/stats/fileBytes')]);
    downloadBytes(bytes, fileName, XLSX_MIME);
  };
}
