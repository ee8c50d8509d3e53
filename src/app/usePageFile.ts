// The page's state: the first screen, or a ledger file open in a file store. Opening and creating
// load the file store (and, for 新建台账, the template writer) on demand, so the first screen starts
// small. 保存 writes through fileAccess; what has not reached a file shows as 未保存, in the title
// (＊) too, and leaving the page then asks first.
import { useCallback, useEffect, useState } from 'react';
import { isLedgerError, type Locale } from '../ledger/errors';
import type { FileStore } from '../workbook/xlsxStore/fileStore';
import { describeError } from '../taskpane/format';
import type { Notice } from '../taskpane/hooks/useStoreAction';
import { readFileBytes } from '../taskpane/components/stats/fileBytes';
import { fill } from '../taskpane/i18n';
import { saveBytes, type FileHandle } from './fileAccess';
import { PAGE_STRINGS } from './pageStrings';


export type PageFile =
  | { phase: 'start'; busy: string | null; error: string | null }
  | { phase: 'open'; id: number; store: FileStore; fileName: string; handle: FileHandle | null; unsaved: boolean; saving: boolean; notice: Notice | null };

export type PageActions = {
  open(file: File, handle: FileHandle | null): Promise<void>;
  create(): Promise<void>;
  save(): Promise<void>;
  close(): void;
  clearNotice(): void;
};

let sessions = 0;

const APP_TITLE: Record<Locale, string> = { 'zh-CN': '整改台账助手', en: 'Rectification Ledger' };

export function usePageFile(locale: Locale): [PageFile, PageActions] {
  const t = PAGE_STRINGS[locale];
  const [state, setState] = useState<PageFile>({ phase: 'start', busy: null, error: null });

  const start = useCallback(async (name: string, bytes: () => Promise<Uint8Array>, handle: FileHandle | null, fresh: boolean) => {
    setState({ phase: 'start', busy: fresh ? t.creating : fill(t.opening, name), error: null });
    // The bench (test/bench/page.ts) times opening from here to the list on screen.
    performance.mark('zg:file-chosen');
    try {
      // The reader's code and the file's bytes arrive together.
      const [{ openFileStoreAsync }, data] = await Promise.all([import(/* webpackChunkName: "file-store" */ '../workbook/xlsxStore/fileStore'), bytes()]);
      const store = await openFileStoreAsync(data, name, { deliver: (data, fileName) => void saveBytes(data, fileName, null, t) });
      performance.mark('zg:store-ready');
      if (isLedgerError(store)) {
        setState({ phase: 'start', busy: null, error: store.message });
        return;
      }
      const warnings = store.warnings.map((w) => w.message).join(t.warningSeparator);
      store.onDirtyChange((dirty) => setState((s) => (s.phase === 'open' && s.store === store ? { ...s, unsaved: dirty || s.unsaved } : s)));
      setState({ phase: 'open', id: ++sessions, store, fileName: name, handle, unsaved: fresh, saving: false, notice: warnings ? { intent: 'warning', text: `${t.warnings}${warnings}` } : null });
    } catch (error) {
      setState({ phase: 'start', busy: null, error: describeError(error, locale) });
    }
  }, [t, locale]);

  const open = useCallback((file: File, handle: FileHandle | null) => start(file.name, () => readFileBytes(file), handle, false), [start]);

  const create = useCallback(
    () =>
      start(t.newFileName, async () => {
        // The same template writer as `ledger template` (exceljs, loaded only for this).
        const [{ writeLedgerXlsx }, { EMPTY_ROUND }] = await Promise.all([import(/* webpackChunkName: "template" */ '../workbook/xlsxWriter'), import('../ledger/types')]);
        return writeLedgerXlsx({ round: { ...EMPTY_ROUND }, problems: [], measures: [] });
      }, null, true),
    [start, t],
  );

  const save = useCallback(async () => {
    if (state.phase !== 'open' || state.saving) return;
    const { store, fileName, handle } = state;
    const same = (s: PageFile) => s.phase === 'open' && s.store === store;
    setState((s) => (same(s) ? { ...s, saving: true, notice: null } : s));
    try {
      // The store writes every edit into the package and is clean from here; until the bytes
      // reach a file the page still says 未保存.
      performance.mark('zg:save-start');
      const { bytes } = store.save();
      performance.mark('zg:save-written');
      const outcome = await saveBytes(bytes, fileName, handle, t);
      setState((s) => {
        if (!same(s) || s.phase !== 'open') return s;
        if (outcome.how === 'cancelled') return { ...s, saving: false };
        const notice: Notice = outcome.how === 'inPlace' ? { intent: 'success', text: fill(t.savedInPlace, outcome.name) } : { intent: 'info', text: fill(t.savedDownload, outcome.name) };
        return { ...s, saving: false, unsaved: store.isDirty(), handle: outcome.how === 'inPlace' ? outcome.handle : s.handle, fileName: outcome.how === 'inPlace' ? outcome.name : s.fileName, notice };
      });
    } catch (error) {
      setState((s) => (same(s) && s.phase === 'open' ? { ...s, saving: false, notice: { intent: 'error', text: fill(t.saveFailed, describeError(error, locale)) } } : s));
    }
  }, [state, t, locale]);

  const close = useCallback(() => {
    if (state.phase === 'open' && state.unsaved && !window.confirm(fill(t.closeConfirm, state.fileName))) return;
    setState({ phase: 'start', busy: null, error: null });
  }, [state, t]);

  const clearNotice = useCallback(() => setState((s) => (s.phase === 'open' ? { ...s, notice: null } : s)), []);

  const unsaved = state.phase === 'open' && state.unsaved;
  const fileName = state.phase === 'open' ? state.fileName : null;
  useEffect(() => {
    document.title = fileName ? `${unsaved ? t.unsavedMark : ''}${fileName} - ${APP_TITLE[locale]}` : APP_TITLE[locale];
  }, [fileName, unsaved, locale, t]);
  useEffect(() => {
    if (!unsaved) return;
    // Closing the tab or reloading with edits not in a file: the browser asks (its own wording).
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  return [state, { open, create, save, close, clearNotice }];
}
