// The 巡察信息 form as data: text fields as typed, checked before the round is saved.
import { formatMessage, type Locale } from '../../../ledger/errors';
import { parseIso } from '../../../ledger/dates';
import { ROUND_KINDS, type Round, type RoundKind } from '../../../ledger/types';
import type { Strings } from '../../i18n';

export type RoundDraft = {
  inspector: string;
  org: string;
  kind: RoundKind | '';
  start: string;
  end: string;
  feedback: string;
  months: string;
  asOf: string;
};

export type RoundField = keyof RoundDraft;

export function draftOfRound(round: Round): RoundDraft {
  return {
    inspector: round.inspector,
    org: round.org,
    kind: round.kind,
    start: round.start ?? '',
    end: round.end ?? '',
    feedback: round.feedback ?? '',
    months: String(round.months),
    asOf: round.asOf ?? '',
  };
}

/** Field → message for what must change before saving; empty when the draft can be saved. */
export function validateRound(draft: RoundDraft, t: Strings, locale: Locale): Partial<Record<RoundField, string>> {
  const issues: Partial<Record<RoundField, string>> = {};
  if (!draft.org.trim()) issues.org = formatMessage('required', [t.org], locale);
  if (!draft.inspector.trim()) issues.inspector = formatMessage('required', [t.inspector], locale);
  const dates: [RoundField, string][] = [
    ['start', t.roundStart],
    ['end', t.roundEnd],
    ['feedback', t.feedback],
    ['asOf', t.asOf],
  ];
  for (const [field, label] of dates) {
    const value = draft[field].trim();
    if (value && !parseIso(value)) issues[field] = formatMessage('badDate', [label, value], locale);
  }
  if (!draft.feedback.trim()) issues.feedback = formatMessage('required', [t.feedback], locale);
  const months = Number(draft.months);
  if (!Number.isInteger(months) || months < 1 || months > 24) issues.months = t.monthsInvalid;
  if (!issues.start && !issues.end && draft.start && draft.end && draft.end < draft.start) issues.end = t.endBeforeStart;
  if (draft.kind && !(ROUND_KINDS as readonly string[]).includes(draft.kind)) issues.kind = formatMessage('required', [t.roundKind], locale);
  return issues;
}

export function roundOfDraft(draft: RoundDraft): Round {
  const date = (v: string) => (v.trim() ? v.trim() : null);
  return {
    inspector: draft.inspector.trim(),
    org: draft.org.trim(),
    kind: draft.kind,
    start: date(draft.start),
    end: date(draft.end),
    feedback: date(draft.feedback),
    months: Number(draft.months),
    asOf: date(draft.asOf),
  };
}
