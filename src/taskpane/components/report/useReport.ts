// State and actions of the 报告 tab: the settings and editable templates, the draft built from
// them (pure, src/ledger/report), and the three ways out — clipboard, a new worksheet, a .docx
// (in Excel on Mac, where nothing downloads, the 通报 text on the clipboard for Word instead).
import { useCallback, useMemo, useState } from 'react';
import { parseIso, todayIso } from '../../../ledger/dates';
import type { LedgerStore } from '../../../ledger/store';
import type { IsoDate, Ledger } from '../../../ledger/types';
import type { Locale } from '../../../ledger/errors';
import { buildDraft, defaultIssuer, defaultTemplates } from '../../../ledger/report/draft';
import type { ReportDraft } from '../../../ledger/report/draft';
import { draftToRows, draftToText } from '../../../ledger/report/output';
import { countLedger, summarySentence } from '../../../ledger/report/summary';
import { describeError } from '../../format';
import { fill } from '../../i18n';
import { copyText, DOCX_MIME, downloadBytes, safeFileName } from './browserIo';
import { canDownloadFiles } from '../../platform';
import { REPORT_STRINGS } from './reportStrings';

export type ReportNotice = { intent: 'success' | 'error'; text: string };
export type ReportAction = 'copy' | 'sheet' | 'docx';
/** How the Word button gets the 通报 out: a .docx download, or (Excel on Mac) the text on the clipboard. */
export type DocxWay = 'download' | 'clipboard';

export type ReportState = {
  asOf: IsoDate;
  summary: string;
  draft: ReportDraft;
  issuer: string;
  setIssuer: (value: string) => void;
  date: IsoDate;
  setDate: (value: string) => void;
  contact: string;
  setContact: (value: string) => void;
  organisation: string;
  setOrganisation: (value: string) => void;
  nextSteps: string;
  setNextSteps: (value: string) => void;
  resetTemplates: () => void;
  templatesEdited: boolean;
  canWriteSheet: boolean;
  docxWay: DocxWay;
  busy: ReportAction | null;
  notice: ReportNotice | null;
  clearNotice: () => void;
  copy: () => Promise<void>;
  writeSheet: () => Promise<void>;
  downloadDocx: () => Promise<void>;
};

export function useReport(store: LedgerStore, ledger: Ledger, locale: Locale): ReportState {
  const t = REPORT_STRINGS[locale];
  const asOf = ledger.round.asOf ?? todayIso();
  const [issuerEdit, setIssuer] = useState<string | null>(null);
  const [dateEdit, setDateEdit] = useState<IsoDate | null>(null);
  const [contact, setContact] = useState('');
  // null = the template with the ledger's current figures, which follows the ledger as it changes.
  const [organisationEdit, setOrganisation] = useState<string | null>(null);
  const [nextStepsEdit, setNextSteps] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReportAction | null>(null);
  const [notice, setNotice] = useState<ReportNotice | null>(null);
  // The platform does not change while the pane is open.
  const [docxWay] = useState<DocxWay>(() => (canDownloadFiles() ? 'download' : 'clipboard'));

  const issuer = issuerEdit ?? defaultIssuer(ledger);
  const date = dateEdit ?? asOf;
  const defaults = useMemo(() => defaultTemplates(ledger, asOf, issuer), [ledger, asOf, issuer]);
  const organisation = organisationEdit ?? defaults.organisation;
  const nextSteps = nextStepsEdit ?? defaults.nextSteps;
  const summary = useMemo(() => summarySentence(countLedger(ledger, asOf), locale), [ledger, asOf, locale]);
  const draft = useMemo(
    () => buildDraft(ledger, { asOf, date, issuer, organisationText: organisation, nextStepsText: nextSteps, contact }),
    [ledger, asOf, date, issuer, organisation, nextSteps, contact],
  );

  // A date input gives '' while the user clears it: keep the last valid day for the draft.
  const setDate = useCallback((value: string) => {
    if (parseIso(value)) setDateEdit(value);
  }, []);
  const resetTemplates = useCallback(() => {
    setOrganisation(null);
    setNextSteps(null);
  }, []);

  const perform = useCallback(async (action: ReportAction, work: () => Promise<string>) => {
    setBusy(action);
    setNotice(null);
    try {
      setNotice({ intent: 'success', text: await work() });
    } catch (error) {
      const text = describeError(error, locale);
      // On Mac the Word button only copies: a failure there is a copy failure, not a .docx one.
      setNotice({ intent: 'error', text: action === 'docx' && docxWay === 'download' ? fill(t.docxFailed, text) : text });
    } finally {
      setBusy(null);
    }
  }, [locale, t, docxWay]);

  const copy = useCallback(
    () =>
      perform('copy', async () => {
        if (!(await copyText(draftToText(draft)))) throw new Error(t.copyFailed);
        return t.copied;
      }),
    [perform, draft, t],
  );

  const writeReportSheet = store.writeReportSheet?.bind(store);
  const writeSheet = useCallback(
    () =>
      perform('sheet', async () => {
        if (!writeReportSheet) throw new Error(t.writeSheetMissing);
        const name = await writeReportSheet(fill(t.sheetName, date.replace(/-/g, '')), draftToRows(draft));
        // On the page the sheet is in the file only once it is saved.
        return fill(t.written, name) + (store.kind === 'file' ? t.untilSaved : '');
      }),
    [perform, writeReportSheet, draft, date, t, store.kind],
  );

  const downloadDocx = useCallback(
    () =>
      perform('docx', async () => {
        // Excel on Mac cannot download (platform.ts): the text goes to the clipboard for Word instead.
        if (docxWay === 'clipboard') {
          if (!(await copyText(draftToText(draft)))) throw new Error(t.copyFailed);
          return t.macDocx;
        }
        // The docx library is a chunk of its own, fetched from the add-in's origin on first use.
        const { buildDocx } = await import(/* webpackChunkName: "docx" */ '../../../ledger/report/docx');
        const notes: string[] = [];
        const bytes = await buildDocx(draft, (w) => notes.push(w.message));
        const title = draft.blocks.find((b) => b.kind === 'title')?.text ?? '';
        const fileName = fill(t.fileName, safeFileName(title, t.untitled));
        downloadBytes(bytes, fileName, DOCX_MIME);
        // A paragraph that lost characters XML forbids is named, so the user can check it.
        return [fill(t.downloaded, fileName), ...notes].join(t.noteSeparator);
      }),
    [perform, draft, t, docxWay],
  );

  return {
    asOf,
    summary,
    draft,
    issuer,
    setIssuer,
    date,
    setDate,
    contact,
    setContact,
    organisation,
    setOrganisation,
    nextSteps,
    setNextSteps,
    resetTemplates,
    templatesEdited: organisationEdit !== null || nextStepsEdit !== null,
    canWriteSheet: writeReportSheet !== undefined,
    docxWay,
    busy,
    notice,
    clearNotice: useCallback(() => setNotice(null), []),
    copy,
    writeSheet,
    downloadDocx,
  };
}
