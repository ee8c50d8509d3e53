// State and actions of 汇总: read each chosen file (a bad one gets its own message and never stops
// the others), ask before a file replaces rows another file brought (its 被巡察单位 is a unit that
// is already there under another file name: a resend, or a ledger copied from another unit), hand
// the ledgers kept to store.consolidate in one call, and keep the figures per unit of the files
// imported in this session for the table under the results.
import { useCallback, useMemo, useRef, useState } from 'react';
import { clockAt } from '../../../ledger/ledger-ops';
import {
  mergeSummary, replacementsToConfirm, summaryFigures, type PendingReplacement, type SummaryFigures, type SummaryRow,
} from '../../../ledger/consolidate';
import { formatMessage, isLedgerError, type Locale } from '../../../ledger/errors';
import type { LedgerStore, UnitLedger } from '../../../ledger/store';
import type { IsoDate } from '../../../ledger/types';
import { describeError } from '../../format';
import { fill } from '../../i18n';
import type { Notice } from '../../hooks/useStoreAction';
import { readFileBytes } from './fileBytes';
import { STATS_STRINGS } from './statsStrings';

/** One chosen file's outcome. */
export type FileResult =
  | { fileName: string; outcome: 'added' | 'replaced'; unit: string; problems: number; measures: number; notes: string[] }
  | { fileName: string; outcome: 'rejected' | 'skipped'; message: string };

/** The user's answer to “replace another file's rows?”. */
export type ReplaceAnswer = 'replace' | 'skip';

export type ConsolidateState = {
  canConsolidate: boolean;
  /** How many files are being read (0: idle). */
  reading: number;
  results: FileResult[];
  notice: Notice | null;
  clearNotice: () => void;
  figures: { units: { unit: string; figures: SummaryFigures }[]; total: SummaryFigures } | null;
  /** The day the figures count 逾期 against: 汇总统计's 统计截止日期 when the user set one, else the pane's. */
  asOf: IsoDate;
  importFiles: (files: readonly File[]) => Promise<void>;
  /** The replacement waiting for the user's answer (the dialog is open while it is set). */
  question: PendingReplacement | null;
  answer: (choice: ReplaceAnswer) => void;
};

type Read = { file: File; ledger: UnitLedger; notes: string[] } | { file: File; message: string };
type Good = Extract<Read, { ledger: UnitLedger }>;

async function readOne(file: File, locale: Locale): Promise<Read> {
  const t = STATS_STRINGS[locale];
  try {
    const bytes = await readFileBytes(file);
    // The .xlsx reader (fflate, saxes) is a chunk of its own, fetched on first use.
    const { readLedgerFile } = await import(/* webpackChunkName: "xlsx-read" */ '../../../workbook/xlsx/readLedger');
    const read = readLedgerFile(bytes, file.name);
    if (isLedgerError(read)) return { file, message: formatMessage(read.code, read.params, locale) };
    const { warnings, ...ledger } = read;
    return { file, ledger, notes: warnings.map((w) => formatMessage(w.code, w.params, locale)) };
  } catch (error) {
    // A reader bug or an unreadable file must not take the other files down with it.
    return { file, message: fill(t.readFailed, file.name, describeError(error, locale)) };
  }
}

const systemClock = () => new Date();

export function useConsolidate(store: LedgerStore, locale: Locale, asOf: IsoDate, now: () => Date = systemClock): ConsolidateState {
  const t = STATS_STRINGS[locale];
  const consolidate = store.consolidate?.bind(store);
  const [reading, setReading] = useState(0);
  const [results, setResults] = useState<FileResult[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [rows, setRows] = useState<SummaryRow[]>([]);
  // The 统计截止日期 typed on 汇总统计, as the store last reported it: the table then agrees with the sheet.
  const [sheetAsOf, setSheetAsOf] = useState<IsoDate | null>(null);

  // The open question and the function that settles it: one at a time, the import waiting on it.
  const [question, setQuestion] = useState<PendingReplacement | null>(null);
  const settle = useRef<((choice: ReplaceAnswer) => void) | null>(null);
  const ask = useCallback(
    (pending: PendingReplacement) =>
      new Promise<ReplaceAnswer>((resolve) => {
        settle.current = resolve;
        setQuestion(pending);
      }),
    [],
  );
  const answer = useCallback((choice: ReplaceAnswer) => {
    const resolve = settle.current;
    settle.current = null;
    setQuestion(null);
    resolve?.(choice);
  }, []);

  /**
   * The ledgers to import after asking about each file that would replace another file's rows;
   * those the user skips go into `skipped`. Asked again after each answer, since skipping a file
   * changes what the later ones replace. A store that cannot list the 汇总's units is asked about
   * files of one unit within the batch only.
   */
  const summarySourcesOf = store.summarySources?.bind(store);
  const confirmReplacements = useCallback(
    async (read: readonly Good[], skipped: Map<Good, PendingReplacement>): Promise<Good[]> => {
      if (read.length === 0) return [];
      const sources = summarySourcesOf ? await summarySourcesOf() : [];
      let kept = [...read];
      const agreed = new Set<Good>();
      for (;;) {
        const pending = replacementsToConfirm(sources, kept.map((g) => g.ledger)).find((p) => !agreed.has(kept[p.index]));
        if (!pending) return kept;
        const file = kept[pending.index];
        if ((await ask(pending)) === 'replace') agreed.add(file);
        else {
          skipped.set(file, pending);
          kept = kept.filter((g) => g !== file);
        }
      }
    },
    [summarySourcesOf, ask],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (!consolidate || files.length === 0) return;
      setReading(files.length);
      setNotice(null);
      try {
        const reads = await Promise.all(files.map((file) => readOne(file, locale)));
        const read = reads.filter((r): r is Good => 'ledger' in r);
        const rejected = reads.length - read.length;
        const skipped = new Map<Good, PendingReplacement>();
        const good = await confirmReplacements(read, skipped);
        let outcomes: { outcome: 'added' | 'replaced'; unit: string }[] = [];
        if (good.length > 0) {
          const report = await consolidate(good.map((g) => g.ledger));
          // The store reports the units in the order given, one per ledger.
          outcomes = report.units.map((u) => ({ outcome: u.outcome, unit: u.unit }));
          if (report.asOf !== undefined) setSheetAsOf(report.asOf);
          setRows((before) => mergeSummary(before, good.map((g) => g.ledger), clockAt(now()).now).rows);
          const done = fill(t.consolidated, good.length, report.sheet, report.unitCount, report.rowCount) + (store.kind === 'file' ? t.untilSaved : '');
          const rest = `${rejected > 0 ? fill(t.someRejected, rejected) : ''}${skipped.size > 0 ? fill(t.someSkipped, skipped.size) : ''}`;
          setNotice(rejected > 0 ? { intent: 'warning', text: `${done}${rest}` } : { intent: 'success', text: `${done}${rest}` });
        } else {
          setNotice(skipped.size > 0 ? { intent: 'info', text: t.noneConsolidated } : { intent: 'error', text: t.noneAccepted });
        }
        let next = 0;
        setResults(
          reads.map((r): FileResult => {
            if (!('ledger' in r)) return { fileName: r.file.name, outcome: 'rejected', message: r.message };
            const skip = skipped.get(r);
            if (skip) return { fileName: r.file.name, outcome: 'skipped', message: fill(t.skippedLine, skip.unit, skip.replacedFile) };
            const o = outcomes[next++];
            const { problems, measures } = r.ledger.ledger;
            return { fileName: r.file.name, outcome: o?.outcome ?? 'added', unit: o?.unit ?? r.ledger.unit, problems: problems.length, measures: measures.length, notes: r.notes };
          }),
        );
      } catch (error) {
        setNotice({ intent: 'error', text: describeError(error, locale) });
      } finally {
        setReading(0);
      }
    },
    [consolidate, confirmReplacements, locale, t, now, store.kind],
  );

  const countAsOf = sheetAsOf ?? asOf;
  const figures = useMemo(() => (rows.length > 0 ? summaryFigures(rows, countAsOf) : null), [rows, countAsOf]);

  return {
    canConsolidate: consolidate !== undefined,
    reading,
    results,
    notice,
    clearNotice: useCallback(() => setNotice(null), []),
    figures,
    asOf: countAsOf,
    importFiles,
    question,
    answer,
  };
}
