// Getting a ledger file in and out of the page with nothing installed and no network. Where the
// browser has the File System Access API (Chromium-based browsers, including those on 麒麟/UOS) a
// file opened from the picker or dropped on the page comes with a handle, and 保存 writes back to
// that file once the user grants it; elsewhere 保存 downloads `<原文件名>.xlsx`.
import { XLSX_MIME } from '../taskpane/components/stats/fileBytes';

/** The part of FileSystemFileHandle the page uses (not in every TypeScript DOM library yet). */
export type FileHandle = {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
  queryPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
  createWritable(): Promise<{ write(data: BlobPart): Promise<void>; close(): Promise<void> }>;
};

type PickerOptions = { types?: { description: string; accept: Record<string, string[]> }[]; excludeAcceptAllOption?: boolean; suggestedName?: string };
type FsWindow = Window & {
  showOpenFilePicker?: (options?: PickerOptions) => Promise<FileHandle[]>;
  showSaveFilePicker?: (options?: PickerOptions) => Promise<FileHandle>;
};

const fsWindow = () => window as FsWindow;
/** The pickers' file type, described in the page's language (pageStrings fileType). */
const types = (description: string) => [{ description, accept: { [XLSX_MIME]: ['.xlsx'], 'application/vnd.ms-excel.sheet.macroEnabled.12': ['.xlsm'] } }];

/** The page's words for the pickers and downloads: the file type, and the name of a file with none. */
export type FileWords = { fileType: string; newFileName: string };

export function canOpenWithHandle(): boolean {
  return typeof fsWindow().showOpenFilePicker === 'function';
}

/** The picker with a handle; null when the user cancelled. */
export async function pickWithHandle(fileType: string): Promise<{ file: File; handle: FileHandle } | null> {
  try {
    const [handle] = await fsWindow().showOpenFilePicker!({ types: types(fileType) });
    return { file: await handle.getFile(), handle };
  } catch (error) {
    if ((error as DOMException)?.name === 'AbortError') return null;
    throw error;
  }
}

/** A dropped file, with its handle where the browser gives one. */
export async function droppedFile(data: DataTransfer): Promise<{ file: File; handle: FileHandle | null } | null> {
  const item = Array.from(data.items ?? []).find((i) => i.kind === 'file') as (DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileHandle | null> }) | undefined;
  // getAsFileSystemHandle must be called before the drop event returns, like getAsFile.
  const handlePromise = item?.getAsFileSystemHandle?.().catch(() => null) ?? Promise.resolve(null);
  const file = item?.getAsFile() ?? data.files?.[0] ?? null;
  if (!file) return null;
  const handle = await handlePromise;
  return { file, handle: handle && handle.kind === 'file' ? handle : null };
}

/**
 * `<原文件名>.xlsx` for the download (an .xlsm keeps .xlsm: its content type says macro-enabled);
 * `newFileName` when nothing is left of the name.
 */
export function downloadName(fileName: string, newFileName: string): string {
  if (/\.xls[xm]$/i.test(fileName)) return fileName;
  const base = fileName.replace(/\.[^.]*$/, '');
  return base ? `${base}.xlsx` : newFileName;
}

export type SaveOutcome = { how: 'inPlace'; name: string; handle: FileHandle } | { how: 'download'; name: string } | { how: 'cancelled' };

/**
 * Writes the bytes: to the handle when there is one and the user grants writing; else, where the
 * browser can, to a file the user picks (which becomes the handle for later saves); else a download.
 */
export async function saveBytes(bytes: Uint8Array, fileName: string, handle: FileHandle | null, words: FileWords): Promise<SaveOutcome> {
  let target = handle;
  if (!target && typeof fsWindow().showSaveFilePicker === 'function') {
    try {
      target = await fsWindow().showSaveFilePicker!({ types: types(words.fileType), suggestedName: downloadName(fileName, words.newFileName) });
    } catch (error) {
      if ((error as DOMException)?.name === 'AbortError') return { how: 'cancelled' };
      target = null;
    }
  }
  if (target) {
    const state = (await target.queryPermission?.({ mode: 'readwrite' })) ?? 'granted';
    const granted = state === 'granted' || (await target.requestPermission?.({ mode: 'readwrite' })) === 'granted';
    if (granted) {
      const writable = await target.createWritable();
      await writable.write(bytes as BlobPart);
      await writable.close();
      return { how: 'inPlace', name: target.name, handle: target };
    }
  }
  const { downloadBytes } = await import('../taskpane/components/report/browserIo');
  const name = downloadName(fileName, words.newFileName);
  downloadBytes(bytes, name, XLSX_MIME);
  return { how: 'download', name };
}
