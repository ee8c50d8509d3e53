// One measure's 整改时限 logic: quick choices, the date input, and the parsed date shown beside the
// free text. The draft itself lives in useProblemForm; this hook derives and edits one measure.
import { useCallback, useMemo } from 'react';
import { parseIso } from '../../../ledger/dates';
import type { IsoDate } from '../../../ledger/types';
import { fill, useI18n } from '../../i18n';
import { formatDate } from '../../format';
import { readDeadline, type DeadlineReading, type MeasureDraft } from './entryDraft';
import type { MeasurePatch } from './useProblemForm';

export type QuickChoice = 'monthEnd' | 'yearEnd' | 'immediate' | 'longTerm';

export type DeadlineHint = { state: 'none' | 'success' | 'warning' | 'error'; text: string };

export type MeasureForm = {
  reading: DeadlineReading;
  /** The parsed date for the date input ('' when the text has none). */
  dateValue: string;
  /** What the text was read as, shown under the field. */
  hint: DeadlineHint | null;
  applyQuick: (choice: QuickChoice) => void;
  setDate: (iso: string) => void;
  setDeadlineText: (text: string) => void;
  setLongTerm: (longTerm: boolean) => void;
  /**
   * 纳入长期坚持 as it will be saved: ticked by hand, or said by the 整改时限 itself (长期坚持, 常态化,
   * 持续整改… — every phrase the core reads as long-term), which the box cannot override.
   */
  longTerm: { checked: boolean; fromDeadline: boolean };
};

/** The verbatim 整改时限 a quick choice writes, in the phrasing ledgers use. */
export function quickChoiceText(choice: QuickChoice, today: IsoDate): string {
  const ymd = parseIso(today);
  if (!ymd) throw new RangeError(`not an ISO date: ${today}`);
  switch (choice) {
    case 'monthEnd':
      return `${ymd.year}年${ymd.month}月底前`;
    case 'yearEnd':
      return `${ymd.year}年底前`;
    case 'immediate':
      return '立行立改';
    case 'longTerm':
      return '长期坚持';
  }
}

export function useMeasureForm(
  measure: MeasureDraft,
  setMeasure: (key: string, patch: MeasurePatch) => void,
  ctx: { refIso: IsoDate; today: IsoDate; feedbackKnown: boolean },
): MeasureForm {
  const { t, locale } = useI18n();
  const { key, deadlineText } = measure;
  const reading = useMemo(() => readDeadline(deadlineText, ctx.refIso), [deadlineText, ctx.refIso]);

  const hint = useMemo((): DeadlineHint | null => {
    switch (reading.state) {
      case 'date': {
        const shown = formatDate(reading.date, locale);
        if (reading.immediate) {
          return { state: 'success', text: ctx.feedbackKnown ? fill(t.parsedImmediate, shown) : fill(t.parsedNoFeedback, shown) };
        }
        return { state: 'success', text: fill(t.parsedAs, shown) };
      }
      case 'none':
        return { state: 'success', text: t.parsedNone };
      default:
        return null; // empty, invalid and unresolved are explained by the field's validation message
    }
  }, [reading, locale, t, ctx.feedbackKnown]);

  const applyQuick = useCallback(
    (choice: QuickChoice) => {
      const text = quickChoiceText(choice, ctx.today);
      setMeasure(key, choice === 'longTerm' ? { deadlineText: text, longTerm: true } : { deadlineText: text });
    },
    [key, setMeasure, ctx.today],
  );
  const setDate = useCallback(
    (iso: string) => {
      const ymd = parseIso(iso);
      // A date picked by hand becomes the verbatim phrase ledgers use; an emptied input empties the text.
      setMeasure(key, { deadlineText: ymd ? `${ymd.year}年${ymd.month}月${ymd.day}日前` : '' });
    },
    [key, setMeasure],
  );
  const setDeadlineText = useCallback((text: string) => setMeasure(key, { deadlineText: text }), [key, setMeasure]);
  const setLongTerm = useCallback((longTerm: boolean) => setMeasure(key, { longTerm }), [key, setMeasure]);

  const fromDeadline = reading.state === 'date' || reading.state === 'none' || reading.state === 'unresolved' ? reading.longTerm : false;
  const longTerm = { checked: measure.longTerm || fromDeadline, fromDeadline };

  return { longTerm, reading, dateValue: reading.state === 'date' ? reading.date : '', hint, applyQuick, setDate, setDeadlineText, setLongTerm };
}
