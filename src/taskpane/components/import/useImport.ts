// State and actions of the 导入 tab: read the pasted text stepwise (yielding to the browser between
// steps so the progress bar moves and 取消 works on long texts), keep an editable draft of what was
// read, and insert the chosen problems in one batch. Cancel at any point inserts nothing.
import { useCallback, useMemo, useRef, useState } from 'react';
import { formatChineseDate, todayIso } from '../../../ledger/dates';
import { isLedgerError } from '../../../ledger/errors';
import type { Locale } from '../../../ledger/errors';
import { importSteps, toNewItems, toRound } from '../../../ledger/import';
import type { ImportedProblem, ImportResult } from '../../../ledger/import';
import type { LedgerStore } from '../../../ledger/store';
import { uniqueLabels } from '../../../ledger/roundFigures';
import type { IsoDate, Ledger, Round, Status } from '../../../ledger/types';
import { describeError } from '../../format';
import { fillIn, IMPORT_STRINGS } from './importStrings';

export type DraftProblem = {
  key: number;
  include: boolean;
  finding: string;
  status: Status | null;
  deadline: IsoDate | null;
  source: ImportedProblem;
};

export type ImportPhase = 'idle' | 'parsing' | 'preview' | 'inserting';
export type ImportNotice = { intent: 'success' | 'error' | 'info'; text: string };

export type ImportState = {
  text: string;
  setText: (text: string) => void;
  phase: ImportPhase;
  progress: number;
  result: ImportResult | null;
  draft: DraftProblem[];
  notice: ImportNotice | null;
  clearNotice: () => void;
  roundWillSave: boolean;
  parse: () => Promise<void>;
  cancel: () => void;
  toggle: (key: number, include: boolean) => void;
  toggleAll: (include: boolean) => void;
  edit: (key: number, patch: Partial<Pick<DraftProblem, 'finding' | 'status' | 'deadline'>>) => void;
  insert: () => Promise<void>;
  /** A text with figures and no problems (news, a progress note): saves only its round. */
  saveRound: () => Promise<void>;
};

/** Lets the browser paint (and the user press 取消) between parsing steps. */
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function roundIsEmpty(ledger: Ledger): boolean {
  return !ledger.round.org && !ledger.round.inspector && !ledger.round.feedback && !ledger.round.start;
}

/**
 * What an import saves to 巡察信息: the round when the ledger has none yet (never overwritten), and
 * its 通报数字 either way — merged by label by the store, so importing the text again adds no row.
 */
export function roundToSave(result: ImportResult, ledger: Ledger, roundIsNew: boolean): Round | null {
  if (roundIsNew) return toRound(result, ledger.round);
  return result.figures.length > 0 ? { ...ledger.round, figures: uniqueLabels(result.figures) } : null;
}

/** The import with the user's edits applied, and only the problems still selected. */
export function applyDraft(result: ImportResult, draft: readonly DraftProblem[]): ImportResult {
  const problems = draft
    .filter((d) => d.include)
    .map((d) => {
      const p = d.source;
      const statusEdited = d.status !== p.status;
      const deadlineEdited = d.deadline !== p.deadline;
      const deadlineText = deadlineEdited ? (d.deadline ? `${formatChineseDate(d.deadline)}前` : null) : p.deadlineText;
      return {
        ...p,
        finding: d.finding.trim() || p.finding,
        status: d.status,
        deadline: d.deadline,
        deadlineText,
        measures: p.measures.map((m) => ({
          ...m,
          status: statusEdited ? d.status : m.status,
          deadline: deadlineEdited ? d.deadline : m.deadline,
          deadlineText: deadlineEdited ? (deadlineText ?? '') : m.deadlineText,
        })),
      };
    });
  return { ...result, problems };
}

export function useImport(store: LedgerStore, ledger: Ledger, locale: Locale, onLedgerChanged: () => Promise<void>): ImportState {
  const t = IMPORT_STRINGS[locale];
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [draft, setDraft] = useState<DraftProblem[]>([]);
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  // Each parse gets a generation; 取消 or a newer parse makes older ones stop at their next step.
  const generation = useRef(0);

  const roundWillSave = useMemo(() => roundIsEmpty(ledger), [ledger]);

  const parse = useCallback(async () => {
    const run = ++generation.current;
    setNotice(null);
    setResult(null);
    setDraft([]);
    setPhase('parsing');
    setProgress(0);
    const steps = importSteps(text, { ref: todayIso() });
    let outcome: ReturnType<typeof steps.next>;
    try {
      for (outcome = steps.next(); !outcome.done; outcome = steps.next()) {
        setProgress(outcome.value);
        await nextTick();
        if (generation.current !== run) return;
      }
    } catch (e) {
      // The importer answers bad text with a value; an exception here is a bug, still shown, not thrown.
      setPhase('idle');
      setNotice({ intent: 'error', text: describeError(e, locale) });
      return;
    }
    const value = outcome.value;
    if (isLedgerError(value)) {
      setPhase('idle');
      setNotice({ intent: 'error', text: describeError(value, locale) });
      return;
    }
    setResult(value);
    setDraft(value.problems.map((p, key) => ({ key, include: true, finding: p.finding, status: p.status, deadline: p.deadline, source: p })));
    setPhase('preview');
  }, [text, locale]);

  const cancel = useCallback(() => {
    generation.current++;
    const hadWork = phase === 'parsing' || phase === 'preview';
    setPhase('idle');
    setProgress(0);
    setResult(null);
    setDraft([]);
    setNotice(hadWork ? { intent: 'info', text: t.cancelled } : null);
  }, [phase, t]);

  const toggle = useCallback((key: number, include: boolean) => {
    setDraft((d) => d.map((p) => (p.key === key ? { ...p, include } : p)));
  }, []);

  const toggleAll = useCallback((include: boolean) => {
    setDraft((d) => d.map((p) => ({ ...p, include })));
  }, []);

  const edit = useCallback((key: number, patch: Partial<Pick<DraftProblem, 'finding' | 'status' | 'deadline'>>) => {
    setDraft((d) => d.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }, []);

  const insert = useCallback(async () => {
    if (!result) return;
    const chosen = applyDraft(result, draft);
    if (chosen.problems.length === 0) {
      setNotice({ intent: 'error', text: t.nothingSelected });
      return;
    }
    const items = toNewItems(chosen);
    setPhase('inserting');
    setNotice(null);
    try {
      // One batch for the problems; the round only when the ledger has none yet (never overwritten).
      await store.addProblems(items);
      const round = roundToSave(chosen, ledger, roundWillSave);
      if (round) await store.saveRound(round);
      const measures = items.reduce((n, i) => n + i.measures.length, 0);
      setResult(null);
      setDraft([]);
      setText('');
      setPhase('idle');
      setNotice({ intent: 'success', text: fillIn(t.inserted, items.length, measures) });
      await onLedgerChanged();
    } catch (e) {
      setPhase('preview');
      setNotice({ intent: 'error', text: fillIn(t.insertFailed, describeError(e, locale)) });
    }
  }, [result, draft, store, roundWillSave, ledger.round, onLedgerChanged, t, locale]);

  const saveRound = useCallback(async () => {
    const round = result ? roundToSave(result, ledger, roundWillSave) : null;
    if (!round) return;
    setPhase('inserting');
    setNotice(null);
    try {
      await store.saveRound(round);
      setResult(null);
      setDraft([]);
      setText('');
      setPhase('idle');
      setNotice({ intent: 'success', text: t.roundSaved });
      await onLedgerChanged();
    } catch (e) {
      setPhase('preview');
      setNotice({ intent: 'error', text: fillIn(t.insertFailed, describeError(e, locale)) });
    }
  }, [result, roundWillSave, store, ledger.round, onLedgerChanged, t, locale]);

  return {
    saveRound,
    text,
    setText,
    phase,
    progress,
    result,
    draft,
    notice,
    clearNotice: () => setNotice(null),
    roundWillSave,
    parse,
    cancel,
    toggle,
    toggleAll,
    edit,
    insert,
  };
}
