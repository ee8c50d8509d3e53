// State and actions of 汇总: read each chosen file (a bad one gets its own message and never stops
// the others), hand the ledgers to store.consolidate in one call, and keep the figures per unit of
// the files imported in this session for the table under the results.
import { useCallback, useMemo, useState } from 'react';
import { clockAt } from '../../../ledger/ledger-ops';
import { mergeSummary, summaryFigures, type SummaryFigures, type SummaryRow } from '../../../ledger/consolidate';
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
  | { fileName: string; outcome: 'rejected'; message: string };

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
};

type Read = { file: File; ledger: UnitLedger; notes: string[] } | { file: File; message: string };

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

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (!consolidate || files.length === 0) return;
      setReading(files.length);
      setNotice(null);
      try {
        const reads = await Promise.all(files.map((file) => readOne(file, locale)));
        const good = reads.filter((r): r is Extract<Read, { ledger: UnitLedger }> => 'ledger' in r);
        const rejected = reads.length - good.length;
        let outcomes: { outcome: 'added' | 'replaced'; unit: string }[] = [];
        if (good.length > 0) {
          const report = await consolidate(good.map((g) => g.ledger));
          // The store reports the units in the order given, one per ledger.
          outcomes = report.units.map((u) => ({ outcome: u.outcome, unit: u.unit }));
          if (report.asOf !== undefined) setSheetAsOf(report.asOf);
          setRows((before) => mergeSummary(before, good.map((g) => g.ledger), clockAt(now()).now).rows);
          const done = fill(t.consolidated, good.length, report.sheet, report.unitCount, report.rowCount) + (store.kind === 'file' ? t.untilSaved : '');
          setNotice(rejected > 0 ? { intent: 'warning', text: `${done}${fill(t.someRejected, rejected)}` } : { intent: 'success', text: done });
        } else {
          setNotice({ intent: 'error', text: t.noneAccepted });
        }
        let next = 0;
        setResults(
          reads.map((r): FileResult => {
            if (!('ledger' in r)) return { fileName: r.file.name, outcome: 'rejected', message: r.message };
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
    [consolidate, locale, t, now, store.kind],
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
  };
}
